// Find and report drafts in real Chromium with the network cut: typed words find the right notes with the words
// marked, a result opens in the student's timeline, a draft cites only that student's evidence and never a private
// note; axe on both screens.
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxe, waitForOfflineReady } from './helpers/app';
import { classWithNotes } from './helpers/print';

test('offline: a typed word finds and marks the right notes, opens one, and drafts a comment from real evidence', async ({ page, context }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto('/');
  await waitForOfflineReady(page);
  await classWithNotes(page, ['Ana Lopez', 'Bao Nguyen'], [
    { student: 'Ana Lopez', text: 'Wrote dialogue between José and his sister' },
    { student: 'Bao Nguyen', text: 'Tried dialogue tags in the ending' },
    { student: 'Bao Nguyen', text: 'Strong setting details' },
  ]);
  // A private note of Bao's: the teacher's alone, so no draft (which goes home to a family) may cite it.
  await page.getByRole('button', { name: 'Note for Bao Nguyen' }).click();
  await page.getByLabel('Note', { exact: true }).fill('Bao worries his family is moving');
  await page.getByLabel('Private: stays on this device (never synced)').click();
  await expect(page.getByLabel('Private: stays on this device (never synced)')).toBeChecked();
  await page.getByRole('button', { name: 'Done' }).click();
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Find' }).click();
  await expect(page.getByRole('heading', { name: 'Find' })).toBeVisible();
  await page.getByLabel('Search notes, conferences, goals and reflections').fill('dialog');
  const results = page.getByRole('list', { name: 'Results' });
  await expect(results.getByRole('listitem')).toHaveCount(2);
  await expect(results.locator('mark')).toHaveText(['dialogue', 'dialogue']);
  await expect(results).not.toContainText('setting');

  // Accent-insensitive: Jose finds José.
  await page.getByLabel('Search notes, conferences, goals and reflections').fill('jose');
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.locator('mark')).toHaveText(['José']);
  for (const size of [{ width: 768, height: 1024 }, { width: 1180, height: 820 }]) {
    await page.setViewportSize(size);
    await expectNoSeriousAxe(page, `Find ${size.width}`);
  }
  await results.getByRole('link', { name: /Ana Lopez/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Lopez' })).toBeVisible();
  await expect(page.getByText('Wrote dialogue between José and his sister')).toBeVisible();

  // A draft for Bao cites Bao's notes only.
  await page.getByRole('link', { name: 'Find' }).click();
  await page.getByLabel('Student').selectOption({ label: 'Bao Nguyen' });
  await page.getByRole('link', { name: 'Draft a report comment' }).click();
  await page.getByRole('button', { name: 'Draft a comment' }).click();
  const comment = page.getByLabel('Comment (saved as you type)');
  await expect(comment).not.toHaveValue('');
  await expect(comment).not.toHaveValue(/José/);
  const evidence = page.getByRole('list', { name: 'Evidence' });
  await expect(evidence.getByRole('link').first()).toBeVisible();
  await expect(evidence).not.toContainText('José');
  await expect(comment).not.toHaveValue(/moving/);
  await expect(evidence).not.toContainText('moving');
  for (const size of [{ width: 768, height: 1024 }, { width: 1180, height: 820 }]) {
    await page.setViewportSize(size);
    await expectNoSeriousAxe(page, `Draft ${size.width}`);
  }
  await evidence.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bao Nguyen' })).toBeVisible();
});
