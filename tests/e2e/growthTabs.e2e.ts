// The class heatmap reads the device's growth timelines (an IndexedDB table, schema v8): open in one tab, it follows
// what the teacher does in another tab, a rating given and a rating taken back, with no reload.
import { expect, test, type Page } from '@playwright/test';
import { formatStamp } from '../../src/domain/hlc';

const DAY = 86_400_000;

/** A small backup: one class, two writers, one piece with an Ideas objective, a tap each. */
function backup(now: number) {
  let c = 0;
  const row = (id: string, fields: Record<string, unknown>) => {
    const t = formatStamp(now - 10 * DAY, c++, 'seed0002');
    const all = { ...fields, deleted: false };
    return { id, ...all, _m: Object.fromEntries(Object.keys(all).map((k) => [k, { t, by: 'Ms Rivera' }])) };
  };
  const mark = (id: string, studentId: string, value: string) => row(id, { classId: 'class-1', pieceId: 'piece-1', studentId, objectiveId: 'obj-1', value, at: now - 2 * DAY });
  return {
    format: 'circulate-backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    tables: {
      classes: [row('class-1', { name: 'Room 12', grade: '3', archived: false, order: 0 })],
      students: [row('stu-0', { classId: 'class-1', firstName: 'Ana', lastName: 'Lopez', order: 0, archived: false, sourceId: null }), row('stu-1', { classId: 'class-1', firstName: 'Bao', lastName: 'Nguyen', order: 1, archived: false, sourceId: null })],
      pieces: [row('piece-1', { classId: 'class-1', title: 'Small moment', genre: 'narrative', startDate: '2026-11-02', lensObjectiveId: null, archived: false })],
      objectives: [row('obj-1', { classId: 'class-1', pieceId: 'piece-1', text: 'Adds relevant details', trait: 'Ideas', order: 0 })],
      marks: [mark('mark-0', 'stu-0', 'x'), mark('mark-1', 'stu-1', 'check')],
    },
  };
}

async function restore(page: Page) {
  await page.goto('/settings');
  const region = page.getByRole('region', { name: 'Backup' });
  await region.getByLabel('Restore from a backup file').setInputFiles({ name: 'room12.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup(Date.now()))) });
  await expect(region.getByRole('status')).toContainText('records were new or newer');
}

test('the heatmap in one tab follows a rating given and taken back in another', async ({ context }) => {
  const writerTab = await context.newPage();
  await restore(writerTab);
  const heatTab = await context.newPage();
  await heatTab.goto('/growth');
  await expect(heatTab.getByRole('heading', { name: 'What to teach next: Ideas' })).toBeVisible();
  await expect(heatTab.getByRole('button', { name: 'Ana Lopez, Ideas: Beginning, new' })).toBeVisible();

  await writerTab.goto('/growth/student/stu-0');
  const ideas = writerTab.getByRole('region', { name: /^Ideas/ });
  await ideas.getByRole('button', { name: 'Secure' }).click();
  await expect(heatTab.getByRole('button', { name: 'Ana Lopez, Ideas: Secure, new' })).toBeVisible();
  await expect(heatTab.getByRole('heading', { name: 'What to teach next', exact: true })).toBeVisible();

  await ideas.getByRole('button', { name: /^Evidence/ }).click();
  await ideas.getByRole('button', { name: 'Remove this rating' }).click();
  await expect(heatTab.getByRole('button', { name: 'Ana Lopez, Ideas: Beginning, new' })).toBeVisible();
  await expect(heatTab.getByRole('list', { name: 'Writers who need Ideas' }).getByRole('listitem')).toHaveText(['Ana Lopez']);
});
