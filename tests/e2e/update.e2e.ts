// A new version waits for the teacher: "Update ready" appears, and accepting it while typing loses nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createClassWithStudents, waitForOfflineReady } from './helpers/app';

let server: ChildProcess;
let site: string;
let dist: string;

test.beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'circulate-update-'));
  await cp(process.env.DIST_DIR ?? 'dist', dist, { recursive: true });
  const port = 4300 + Math.floor(Math.random() * 500);
  server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DIST_DIR: dist, DATA_DIR: join(dist, '.data'), CIRCULATE_LOG: 'quiet' },
    stdio: 'ignore',
  });
  site = `http://127.0.0.1:${port}`;
  await expect.poll(async () => (await fetch(site).catch(() => null))?.status ?? 0, { timeout: 30_000 }).toBe(200);
});

test.afterAll(() => {
  server.kill();
});

test('an update is offered, and accepting it mid-sentence keeps every word', async ({ page }) => {
  await page.goto(site);
  await waitForOfflineReady(page);
  await createClassWithStudents(page, 'Room 12', ['Ana Lopez'], site);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conferences' }).click();
  await page.getByRole('list', { name: 'Confer next' }).getByRole('link', { name: 'Confer with Ana Lopez' }).click();
  const strengths = page.getByLabel('Step 1: Strengths');
  await strengths.pressSequentially('She explained her lead');

  // Publish a new version: a changed service worker, found by the browser's update check.
  await appendFile(join(dist, 'sw.js'), '\n// next version\n');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await expect(page.getByText('Update ready.')).toBeVisible();

  // Keep typing, and accept straight away: the last words have not reached the autosave's pause yet.
  await strengths.pressSequentially(' before reading it aloud');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update now' }).click()]);
  await expect(page.getByLabel('Step 1: Strengths')).toHaveValue('She explained her lead before reading it aloud');
  await expect(page.getByText('Update ready.')).toHaveCount(0);
});
