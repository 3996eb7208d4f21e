// Shared e2e steps: wait for the service worker to control the page, make a class with students through the UI.
import { expect, type Page } from '@playwright/test';

/** Resolves once the page is controlled by the service worker, so cutting the network afterwards is a real test. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  }
}

/** `origin` is for tests that run their own server; others use the configured base URL. */
export async function createClassWithStudents(page: Page, className: string, names: string[], origin = ''): Promise<void> {
  await page.goto(`${origin}/roster`);
  await page.getByLabel('New class name').fill(className);
  await page.getByRole('button', { name: 'Add class' }).click();
  await page.getByLabel('Paste student names, one per line').fill(names.join('\n'));
  await page.getByRole('button', { name: 'Add students' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Added \d+ student/ })).toBeVisible();
}
