// Shared steps for the roster and backup end-to-end tests: classes and students made through the Roster UI.
import { expect, type Page } from '@playwright/test';

export async function addClass(page: Page, name: string): Promise<void> {
  await page.getByLabel('New class name').fill(name);
  await page.getByRole('button', { name: 'Add class' }).click();
  await expect(page.getByRole('heading', { name: `Students in ${name}` })).toBeVisible();
}

export async function pasteStudents(page: Page, names: string, added: number): Promise<void> {
  await page.getByRole('radio', { name: 'Paste a list' }).check();
  await page.getByLabel('Paste student names, one per line').fill(names);
  await page.getByRole('button', { name: 'Add students' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added ${added} student` })).toBeVisible();
}

/** The names in the active student list, in roster order. */
export function studentNames(page: Page) {
  return page.getByRole('list', { name: 'Students' }).locator('.roster-name');
}
