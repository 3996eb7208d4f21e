// Shared steps for the conference end-to-end tests: a class made through the Roster, the service worker in
// control (so the app works offline), and axe limited to serious and critical violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export async function setUpClass(page: Page, names: string[]): Promise<void> {
  await page.goto('/roster');
  await page.getByLabel('New class name').fill('Room 12');
  await page.getByRole('button', { name: 'Add class' }).click();
  await page.getByLabel('Paste student names, one per line').fill(names.join('\n'));
  await page.getByRole('button', { name: 'Add students' }).click();
  await expect(page.getByRole('status')).toHaveText(`Added ${names.length} student${names.length === 1 ? '' : 's'}.`);
}

/** Waits until the service worker controls the page (reloading once if needed), so going offline keeps the app. */
export async function swInControl(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

export async function expectNoSeriousAxe(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
