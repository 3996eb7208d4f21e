// Shared steps for the sync end-to-end tests: teachers and class shares made with the server's own commands on the
// test server's data directory, and a tablet connected and synced through Settings as a teacher would.
import { execFileSync } from 'node:child_process';
import { expect, type Browser, type Page } from '@playwright/test';
import { waitForOfflineReady } from './app';

const PORT = Number(process.env.E2E_PORT ?? 4173);
export const ORIGIN = `http://127.0.0.1:${PORT}`;

function serverCli(script: string, args: string[]): string {
  return execFileSync('node', ['--import', 'tsx', `server/cli/${script}`, ...args], {
    env: { ...process.env, DATA_DIR: `test-results/e2e-data-${PORT}` },
    encoding: 'utf8',
  });
}

/** A teacher and their sync token. */
export function addTeacher(name: string): string {
  const token = serverCli('add-teacher.ts', ['--name', name]).trim().split('\n').at(-1)?.trim();
  if (!token) throw new Error('add-teacher printed no token');
  return token;
}

/** Shares the class `owner` owns (there must be one only) with `coTeacher`, as an administrator would. */
export function shareOwnedClass(owner: string, coTeacher: string): void {
  const line = serverCli('share-class.ts', ['--list']).split('\n').find((l) => l.includes(`${owner} (owner)`));
  const classId = line?.trim().split(/\s+/)[0];
  if (!classId) throw new Error(`The server lists no class owned by ${owner}`);
  serverCli('share-class.ts', ['--class', classId, '--teacher', coTeacher]);
}

/** A fresh tablet (its own browser context), opened on the Roster and ready to work offline. */
export async function tablet(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/roster');
  await waitForOfflineReady(page);
  return page;
}

export const syncStatus = (page: Page) => page.getByRole('status', { name: 'Sync' });

/** Settings: the server and token, tested, then a first sync. */
export async function connect(page: Page, token: string, teacher: string): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Server address').fill(ORIGIN);
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText(`Connected as ${teacher}.`);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(page)).toHaveText('Synced');
}

/** "Sync now" in Settings, and its end: nothing left waiting to go up. */
export async function syncNow(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(page)).toHaveText('Synced');
  await expect(page.getByText('0 changes waiting')).toBeVisible();
}
