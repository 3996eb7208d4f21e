// The classroom timer in Chromium: it keeps the right time across a reload (its state is the end instant in
// IndexedDB), a pause survives a reload, it shows in the header on other screens, and the screen passes axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Seconds shown by the big clock ("9:57" -> 597). */
async function shownSeconds(page: Page): Promise<number> {
  const text = (await page.getByRole('timer').textContent()) ?? '';
  const m = /^(\d+):(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`unexpected clock text: ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

async function startTenMinutes(page: Page): Promise<{ before: number; after: number }> {
  await page.goto('/timer');
  await expect(page.getByRole('heading', { name: 'Timer', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: '10 min' }).click();
  await expect(page.getByRole('timer')).toHaveText('10:00');
  const before = Date.now();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  return { before, after: Date.now() };
}

test('a 10-minute timer keeps the right time across a reload', async ({ page }) => {
  const started = await startTenMinutes(page);
  await page.waitForTimeout(2_500);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const readBefore = Date.now();
  const shown = await shownSeconds(page);
  const readAfter = Date.now();
  // The clock rounds up: what it shows lies between the remaining seconds at the latest and earliest possible start.
  const earliest = 600 - (readAfter - started.before) / 1000;
  const latest = 600 - (readBefore - started.after) / 1000;
  expect(shown).toBeGreaterThanOrEqual(Math.floor(earliest) - 1);
  expect(shown).toBeLessThanOrEqual(Math.ceil(latest) + 1);
  expect(shown).toBeLessThan(600);
  // Still running after the reload.
  await expect.poll(() => shownSeconds(page), { timeout: 5_000 }).toBeLessThan(shown);
});

test('a paused timer stays paused, at the same time, after a reload', async ({ page }) => {
  await startTenMinutes(page);
  await page.waitForTimeout(1_500);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  const pausedAt = await page.getByRole('timer').textContent();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(pausedAt ?? '');
  await page.waitForTimeout(2_000);
  await expect(page.getByRole('timer')).toHaveText(pausedAt ?? '');
  await expect(page.getByText(/^Paused, /)).toBeVisible();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => page.getByRole('timer').textContent(), { timeout: 5_000 }).not.toBe(pausedAt);
});

test('the running timer shows in the header on another screen and opens the timer', async ({ page }) => {
  await startTenMinutes(page);
  await page.getByRole('link', { name: 'Roster' }).click();
  await expect(page.getByRole('heading', { name: 'Roster' })).toBeVisible();
  const chip = page.getByRole('banner').getByRole('link', { name: /^Timer \d+:\d{2}/ });
  await expect(chip).toBeVisible();
  await expect(chip).toContainText(/^9:5\d/);
  await chip.click();
  await expect(page).toHaveURL(/\/timer$/);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('the end: overtime count, words and a visual signal (with a controlled clock)', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-22T10:00:00Z') });
  await page.goto('/timer');
  await page.getByRole('button', { name: '1 minute shorter' }).click();
  await expect(page.getByRole('timer')).toHaveText('9:00');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const main = page.getByRole('main');
  const announcer = page.getByRole('banner').locator('[aria-live="polite"]');
  await page.clock.fastForward('07:00');
  await expect(main.getByText('2 minutes left')).toBeVisible();
  await expect(announcer).toHaveText('2 minutes left');
  await page.clock.fastForward('02:03');
  await expect(main.getByText('Time is up', { exact: true })).toBeVisible();
  await expect(announcer).toHaveText('Time is up');
  // The visual signal: the whole panel takes the end stage's colour and border.
  await expect(page.locator('.timer-panel')).toHaveClass(/timer-stage-done/);
  await page.clock.fastForward('00:20');
  await expect(page.getByRole('timer', { name: 'Overtime' })).toHaveText(/^\+0:2\d$/);
  await expect(main.getByText('Time is up: overtime')).toBeVisible();
});

test('the timer screen has no serious accessibility violation, idle or running', async ({ page }) => {
  await page.goto('/timer');
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  const idle = await new AxeBuilder({ page }).analyze();
  expect(idle.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const running = await new AxeBuilder({ page }).analyze();
  expect(running.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('the screen is kept awake while the timer runs, and let go on pause', async ({ page }) => {
  // Record the app's wake-lock requests with a stand-in (headless Chromium may refuse real ones).
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { wakeLog: string[] }).wakeLog = log;
    Object.defineProperty(navigator, 'wakeLock', {
      configurable: true,
      value: {
        request: async (type: string) => {
          log.push(`request:${type}`);
          const sentinel = { released: false, release: async () => { sentinel.released = true; log.push('release'); } };
          return sentinel;
        },
      },
    });
  });
  await startTenMinutes(page);
  await expect.poll(() => page.evaluate(() => (window as unknown as { wakeLog: string[] }).wakeLog)).toEqual(['request:screen']);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { wakeLog: string[] }).wakeLog)).toEqual(['request:screen', 'release']);
});
