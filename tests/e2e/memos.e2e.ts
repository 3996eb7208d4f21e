// Voice memos with Chromium's fake microphone (a steady tone): recorded offline, played back after a reload, and a
// recording cut off by a reload keeps what was said so far.
import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../support/chromium';
import { createClassWithStudents, expectNoSeriousAxe, waitForOfflineReady } from './helpers/app';
import { classWithPiece } from './helpers/clipboard';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
  permissions: ['microphone'],
});

async function openNote(page: Page, student: string): Promise<void> {
  await page.getByRole('button', { name: `Note for ${student}` }).click();
  await expect(page.getByRole('heading', { name: `Note: ${student}` })).toBeVisible();
}

/** The memo players on the screen: each audio element's duration once its metadata loaded, and its blob's size. */
async function playable(page: Page): Promise<{ duration: number; bytes: number }[]> {
  return page.locator('audio').evaluateAll(async (els) =>
    Promise.all(
      (els as HTMLAudioElement[]).map(async (a) => {
        if (a.readyState < 1) await new Promise((r) => a.addEventListener('loadedmetadata', r, { once: true }));
        const bytes = (await (await fetch(a.src)).blob()).size;
        return { duration: a.duration, bytes };
      }),
    ),
  );
}

test('a memo recorded offline is there after a reload and plays', async ({ page, context }) => {
  await classWithPiece(page);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await openNote(page, 'Ana Lopez');
  await page.getByRole('button', { name: 'Record memo' }).click();
  const clock = page.getByRole('timer', { name: 'Recording time' });
  await expect(clock).toHaveText(/^00:0[2-9]$/);
  await expectNoSeriousAxe(page, 'note while recording');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Memo saved/ })).toBeAttached();
  await expect(page.getByText(/^Voice memo about Ana Lopez, /)).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Note: Ana Lopez' })).toBeVisible();
  await expect(page.locator('audio')).toHaveCount(1);
  await expect(page.getByText(/^Voice memo about Ana Lopez, /)).toBeVisible();
  const [memo] = await playable(page);
  expect(memo!.bytes).toBeGreaterThan(0);
  expect(memo!.duration).toBeGreaterThan(0);
  await expectNoSeriousAxe(page, 'note with a memo');

  // The student's timeline plays it too, labelled with the student and time.
  await page.getByRole('link', { name: 'All about Ana Lopez' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByText(/^Voice memo about Ana Lopez, /)).toBeVisible();
  await expect(timeline.locator('audio')).toHaveCount(1);

  // Deleted from the note, it is gone.
  await page.getByRole('link', { name: 'Edit note' }).click();
  await page.getByRole('button', { name: /^Delete Voice memo about Ana Lopez/ }).click();
  await expect(page.locator('audio')).toHaveCount(0);
});

test('a reload in the middle of a recording keeps what was said so far', async ({ page }) => {
  await classWithPiece(page);
  await openNote(page, 'Bao Nguyen');
  await page.getByRole('button', { name: 'Record memo' }).click();
  await expect(page.getByRole('timer', { name: 'Recording time' })).toHaveText(/^00:0[3-9]$/);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Note: Bao Nguyen' })).toBeVisible();
  await expect(page.getByText(/^Voice memo about Bao Nguyen, /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record memo' })).toBeVisible();
  const [memo] = await playable(page);
  expect(memo!.bytes).toBeGreaterThan(0);
  expect(memo!.duration).toBeGreaterThan(0);
});

test('a memo on a conference plays on the conference log, and Settings counts it', async ({ page }) => {
  await createClassWithStudents(page, 'Room 12', ['Ana Lopez', 'Bao Nguyen']);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conferences' }).click();
  await page.getByRole('list', { name: 'Confer next' }).getByRole('link', { name: 'Confer with Bao Nguyen' }).click();
  await expect(page.getByRole('heading', { name: 'Conference with Bao Nguyen' })).toBeVisible();
  await page.getByRole('button', { name: 'Record memo' }).click();
  await expect(page.getByRole('timer', { name: 'Recording time' })).toHaveText(/^00:0[2-9]$/);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText(/^Voice memo about Bao Nguyen, /)).toBeVisible();
  const [memo] = await playable(page);
  expect(memo!.bytes).toBeGreaterThan(0);
  await expectNoSeriousAxe(page, 'conference log with a memo');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const media = page.getByRole('region', { name: 'Photos and voice memos' });
  await expect(media.getByText(/^1 memo, \d+\.\d MB$/)).toBeVisible();
  await expect(media.getByText('0 photos, 0.0 MB')).toBeVisible();
  await media.getByRole('button', { name: '30 days' }).click();
  await expect(media.getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');
  await expect(media.getByRole('status')).toHaveText('Voice memos: deleted after 30 days.');
  await expectNoSeriousAxe(page, 'settings');
});
