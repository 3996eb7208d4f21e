// A photo and a voice memo made offline on tablet A reach tablet B through the real server: B shows each as on its
// way while A's upload is held back, then shows the photo and plays the memo once the blob queue has brought them.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../support/chromium';
import { expectNoSeriousAxe, waitForOfflineReady } from './helpers/app';
import { classWithPiece } from './helpers/clipboard';
import { addTeacher, connect, syncStatus } from './helpers/sync';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

async function tablet(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ permissions: ['microphone'] });
  const page = await context.newPage();
  await page.goto('/roster');
  await waitForOfflineReady(page);
  return page;
}

/** A small JPEG drawn in the page, as a camera would hand one over. */
async function pagePhoto(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const c = new OffscreenCanvas(320, 240);
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 320, 240);
    ctx.fillStyle = '#123';
    ctx.font = '28px sans-serif';
    ctx.fillText('My small moment', 20, 120);
    return [...new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg' })).arrayBuffer())];
  });
  return Buffer.from(bytes);
}

/** The memo players' durations once their metadata loaded, and their blobs' sizes. */
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

test('a photo and a memo made offline on tablet A appear and play on tablet B', async ({ browser }) => {
  test.setTimeout(150_000);
  const teacher = `Ms Rivera ${Date.now()}`;
  const token = addTeacher(teacher);
  const a = await tablet(browser);
  const b = await tablet(browser);

  await classWithPiece(a);
  await connect(a, token, teacher);
  await connect(b, token, teacher);

  // A, offline, photographs Ana's page and speaks a memo on the same note.
  await a.context().setOffline(true);
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clipboard' }).click();
  await a.getByRole('button', { name: 'Note for Ana Lopez' }).click();
  await expect(a.getByRole('heading', { name: 'Note: Ana Lopez' })).toBeVisible();
  await a.getByLabel('Take or add a photo').setInputFiles({ name: 'page.jpg', mimeType: 'image/jpeg', buffer: await pagePhoto(a) });
  await expect(a.getByRole('img', { name: "Photo of Ana Lopez's page" })).toBeVisible();
  await a.getByRole('button', { name: 'Record memo' }).click();
  await expect(a.getByRole('timer', { name: 'Recording time' })).toHaveText(/^00:0[2-9]$/);
  await a.getByRole('button', { name: 'Stop' }).click();
  await expect(a.getByText(/^Voice memo about Ana Lopez, /)).toBeVisible();
  await expect(syncStatus(a)).toHaveText(/^Offline: \d+ changes? waiting$/);
  await a.getByRole('link', { name: 'All about Ana Lopez' }).click();
  const studentPath = new URL(a.url()).pathname;

  // Back online, A's note goes up at once; its uploads are held back for now, so B sees the note first.
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await a.context().route('**/api/v1/blobs/**', async (route) => {
    if (route.request().method() === 'PUT') await released;
    await route.continue();
  });
  await a.context().setOffline(false);
  await expect(syncStatus(a)).toHaveText('Synced', { timeout: 20_000 });

  await b.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(b)).toHaveText('Synced');
  await b.goto(studentPath);
  const timeline = b.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByText('Photo is on its way')).toBeVisible();
  await expect(timeline.getByText('Voice memo is on its way')).toBeVisible();
  await expect(timeline.getByText(/^Voice memo about Ana Lopez, /)).toBeVisible();
  await expectNoSeriousAxe(b, 'timeline with attachments on their way');

  // A's uploads go through; B's queue asks again and brings both.
  release();
  await expect(timeline.getByRole('img', { name: "Photo of the student's page" })).toBeVisible({ timeout: 40_000 });
  await expect(timeline.locator('audio')).toHaveCount(1, { timeout: 40_000 });
  await expect(timeline.getByText('Photo is on its way')).toHaveCount(0);
  const natural = await timeline.getByRole('img', { name: "Photo of the student's page" }).evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0));
  expect(natural).toBe(320);
  const [memo] = await playable(b);
  expect(memo!.bytes).toBeGreaterThan(0);
  expect(memo!.duration).toBeGreaterThan(0);
  await expectNoSeriousAxe(b, 'timeline with attachments');
  await a.context().close();
  await b.context().close();
});
