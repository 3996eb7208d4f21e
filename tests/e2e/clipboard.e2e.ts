// The clipboard in Chromium: marks and notes made offline survive a reload, a note typed and closed mid-word is
// kept, and the grid, note and student page pass axe.
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxe, waitForOfflineReady } from './helpers/app';
import { cell, classWithPiece, expectCell, LEAD, ORDER, tapCell } from './helpers/clipboard';

test('marks and a note made offline are all there after a reload', async ({ page, context }) => {
  await classWithPiece(page);
  await waitForOfflineReady(page);
  await context.setOffline(true);

  await tapCell(page, 'Ana Lopez', LEAD, 'needs support');
  await tapCell(page, 'Ana Lopez', LEAD, 'secure');
  await tapCell(page, 'Bao Nguyen', ORDER, 'needs support');
  await cell(page, 'Cara Diaz', ORDER).click();
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expectCell(page, 'Cara Diaz', ORDER, 'not marked');
  await expect(page.getByRole('columnheader', { name: new RegExp(`${ORDER}.*1 need support`) })).toBeVisible();

  await page.getByRole('button', { name: 'Note for Bao Nguyen' }).click();
  await page.getByLabel('Note', { exact: true }).fill('Retells the whole day; ask for one small moment');
  await page.getByRole('button', { name: 'Independent writing' }).click();
  await expect(page.getByRole('button', { name: 'Independent writing' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel('Note', { exact: true }).blur();

  await page.reload();
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue('Retells the whole day; ask for one small moment');
  await page.getByRole('button', { name: 'Done' }).click();
  await expectCell(page, 'Ana Lopez', LEAD, 'secure');
  await expectCell(page, 'Bao Nguyen', ORDER, 'needs support');
  await expectCell(page, 'Cara Diaz', ORDER, 'not marked');

  await page.getByRole('link', { name: 'Bao Nguyen' }).click();
  await expect(page.getByRole('heading', { name: 'Bao Nguyen', level: 1 })).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('Retells the whole day; ask for one small moment');
  await expect(timeline).toContainText(`${ORDER}: needs support`);
  await expect(page.getByText('Last observed: seen today')).toBeVisible();
});

test('a note typed and the tab closed mid-word is there on reopening', async ({ page, context }) => {
  await classWithPiece(page);
  await page.getByRole('button', { name: 'Note for Ana Lopez' }).click();
  const note = page.getByLabel('Note', { exact: true });
  await note.pressSequentially('Adds dialogue but no tags; try sai');
  const url = page.url();
  await page.close();

  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByLabel('Note', { exact: true })).toHaveValue('Adds dialogue but no tags; try sai');
  await again.goto('/clipboard');
  await again.getByRole('link', { name: 'Ana Lopez' }).click();
  await expect(again.getByRole('list', { name: 'Timeline' })).toContainText('Adds dialogue but no tags; try sai');
});

test('a photo of the page is attached, scaled to at most 1600 px, and kept private on request', async ({ page }) => {
  await classWithPiece(page);
  await page.getByRole('button', { name: 'Note for Cara Diaz' }).click();
  await page.getByLabel('Note', { exact: true }).fill('Page photo');
  const png = await page.evaluate(async () => {
    const c = new OffscreenCanvas(2400, 1800);
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 2400, 1800);
    ctx.fillStyle = '#000';
    ctx.fillRect(100, 100, 800, 200);
    const b = await c.convertToBlob({ type: 'image/png' });
    return [...new Uint8Array(await b.arrayBuffer())];
  });
  await page.getByLabel('Take or add a photo').setInputFiles({ name: 'page.png', mimeType: 'image/png', buffer: Buffer.from(png) });
  const img = page.getByRole('img', { name: "Photo of Cara Diaz's page" });
  await expect(img).toBeVisible();
  expect(await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight])).toEqual([1600, 1200]);
  await page.getByLabel('Private: stays on this device (never synced)').click();
  await expect(page.getByLabel('Private: stays on this device (never synced)')).toBeChecked();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('link', { name: 'Cara Diaz' }).click();
  await expect(page.getByRole('list', { name: 'Timeline' }).getByText('Private')).toBeVisible();
});

test('the grid, a note and the student page have no serious accessibility problems', async ({ page }) => {
  await classWithPiece(page);
  await cell(page, 'Ana Lopez', LEAD).click();
  await cell(page, 'Bao Nguyen', LEAD).click();
  await cell(page, 'Bao Nguyen', LEAD).click();
  await expectNoSeriousAxe(page);
  await page.getByRole('button', { name: 'Note for Ana Lopez' }).click();
  await page.getByLabel('Note', { exact: true }).fill('Strong lead');
  await expectNoSeriousAxe(page);
  await page.getByRole('link', { name: 'All about Ana Lopez' }).click();
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Strong lead');
  await expectNoSeriousAxe(page);
  await page.getByRole('link', { name: 'Back to checklist' }).click();
  await page.getByRole('link', { name: 'Class needs' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoSeriousAxe(page);
});

test('35 students by 8 objectives fit with touch-sized cells in portrait and landscape', async ({ page }) => {
  const names = Array.from({ length: 35 }, (_, i) => `Student${String.fromCharCode(65 + (i % 26))}${i} Family${i}`).join('\n');
  await classWithPiece(page, names, 8);
  for (const size of [{ width: 768, height: 1024 }, { width: 1180, height: 820 }]) {
    await page.setViewportSize(size);
    const cells = page.locator('.clip-cell');
    await expect(cells).toHaveCount(35 * 8);
    const first = await cells.first().boundingBox();
    expect(first!.width).toBeGreaterThanOrEqual(44);
    expect(first!.height).toBeGreaterThanOrEqual(44);
    // Every column is on screen without scrolling sideways.
    const last = await page.getByRole('columnheader').last().boundingBox();
    expect(last!.x + last!.width).toBeLessThanOrEqual(size.width);
    // Names and the header row stay in view after scrolling the grid down.
    await page.getByRole('region', { name: 'Checklist' }).evaluate((el) => (el.scrollTop = el.scrollHeight));
    const wrap = (await page.getByRole('region', { name: 'Checklist' }).boundingBox())!;
    const header = (await page.getByRole('columnheader', { name: /Student/ }).boundingBox())!;
    expect(header.y).toBeGreaterThanOrEqual(wrap.y - 1);
    expect(header.y).toBeLessThan(wrap.y + 10);
    await expect(page.getByRole('link', { name: 'StudentI34 Family34' })).toBeInViewport();
    await page.screenshot({ path: `test-results/clipboard-grid-${size.width}.png` });
  }
});
