// Temporary: screenshots of the groups screens for a visual check (deleted after use).
import { test } from '@playwright/test';
import { classWithPiece } from './helpers/clipboard';

test('shots', async ({ page }) => {
  await classWithPiece(page, 'Ana Lopez\nBao Nguyen\nCara Diaz\nDev Shah\nEva Moss\nFinn Cole\nGia Park\nHal Ito');
  const cell = (s: string, o: string) => page.getByRole('button', { name: new RegExp(`^${s}, ${o}: `) });
  for (const s of ['Ana Lopez', 'Bao Nguyen', 'Cara Diaz']) await cell(s, 'Writes a lead').click();
  for (const s of ['Dev Shah', 'Eva Moss', 'Bao Nguyen']) await cell(s, 'Tells events in order').click();
  await cell('Hal Ito', 'Uses transitions').click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
  await page.getByRole('button', { name: 'Suggest groups' }).click();
  await page.waitForTimeout(500);
  await page.getByRole('button', { name: 'Ana Lopez', exact: true }).click();
  await page.screenshot({ path: '/tmp/groups-builder-portrait.png', fullPage: true });
  await page.setViewportSize({ width: 1180, height: 820 });
  await page.screenshot({ path: '/tmp/groups-builder-landscape.png', fullPage: true });
  await page.getByRole('link', { name: 'Run Maple' }).click();
  await page.getByRole('button', { name: 'Add note for Ana Lopez' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/groups-run.png', fullPage: true });
  await page.getByRole('link', { name: 'Back to builder' }).click();
  await page.getByRole('link', { name: 'Show to class' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/groups-show.png', fullPage: true });
  await page.getByRole('link', { name: 'History' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/groups-history.png', fullPage: true });
});
