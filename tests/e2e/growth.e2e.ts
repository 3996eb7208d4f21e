// Growth in Chromium: a year of evidence restored from a backup file shows a writer's chart and the class heatmap;
// a tap on "teach next" forms a group of exactly those writers; the growth page prints to one PDF page on Letter
// and A4 with its text; the new screens pass axe at both tablet sizes.
import { expect, test, type Page } from '@playwright/test';
import { formatStamp } from '../../src/domain/hlc';
import { expectNoSeriousAxe } from './helpers/app';
import { readPdf, squash } from './helpers/print';

const DAY = 86_400_000;
const TRAITS = ['Ideas', 'Organization', 'Voice'];
const NAMES = [['Ana', 'Lopez'], ['Bao', 'Nguyen'], ['Cara', 'Diaz'], ['Dev', 'Patel']] as const;

/** A backup file of one class over a school year: a piece a month, an objective per trait, a tap per writer. */
function yearBackup(now: number) {
  let c = 0;
  const row = (id: string, fields: Record<string, unknown>, at: number) => {
    const t = formatStamp(at, c++ % 1000, 'seed0001');
    const all = { ...fields, deleted: false };
    return { id, ...all, _m: Object.fromEntries(Object.keys(all).map((k) => [k, { t, by: 'Ms Rivera' }])) };
  };
  const start = now - 300 * DAY;
  const tables: Record<string, unknown[]> = { classes: [row('class-1', { name: 'Room 12', grade: '3', archived: false, order: 0 }, start)], students: [], pieces: [], objectives: [], marks: [], ratings: [] };
  NAMES.forEach(([f, l], i) => tables.students!.push(row(`stu-${i}`, { classId: 'class-1', firstName: f, lastName: l, order: i, archived: false, sourceId: null }, start)));
  for (let m = 0; m < 10; m++) {
    const at = start + m * 30 * DAY;
    tables.pieces!.push(row(`piece-${m}`, { classId: 'class-1', title: `Piece ${m + 1}`, genre: 'narrative', startDate: new Date(at).toISOString().slice(0, 10), lensObjectiveId: null, archived: false }, at));
    TRAITS.forEach((trait, t) => {
      tables.objectives!.push(row(`obj-${m}-${t}`, { classId: 'class-1', pieceId: `piece-${m}`, text: `${trait} objective ${m + 1}`, trait, order: t }, at));
      NAMES.forEach((_, s) => {
        // Ana and Bao still struggle with Voice at the end; everyone else grows to a check.
        const struggling = trait === 'Voice' && s < 2 ? true : m < 5 && (s + t + m) % 3 === 0;
        tables.marks!.push(row(`mark-${m}-${t}-${s}`, { classId: 'class-1', pieceId: `piece-${m}`, studentId: `stu-${s}`, objectiveId: `obj-${m}-${t}`, value: struggling ? 'x' : 'check', at: at + DAY }, at + DAY));
      });
    });
  }
  tables.ratings!.push(row('rate-1', { classId: 'class-1', studentId: 'stu-0', trait: 'Ideas', level: 3, at: now - 3 * DAY, pieceId: null, conferenceId: null }, now - 3 * DAY));
  return { format: 'circulate-backup', version: 1, exportedAt: new Date(now).toISOString(), tables };
}

async function restoreYear(page: Page) {
  await page.goto('/settings');
  const restore = page.getByRole('region', { name: 'Backup' });
  await restore.getByLabel('Restore from a backup file').setInputFiles({ name: 'year.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(yearBackup(Date.now()))) });
  await expect(restore.getByRole('status')).toContainText('records were new or newer');
}

test('a year of evidence: chart, heatmap, teach next forms the group, the growth page prints on one page', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 768, height: 1024 });
  await restoreYear(page);
  await page.goto('/growth');
  await expect(page.getByRole('heading', { name: 'What to teach next: Voice' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Ana Lopez, Ideas: Secure/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Cara Diaz, Voice: Secure/ })).toBeVisible();
  const names = await page.getByRole('list', { name: 'Writers who need Voice' }).getByRole('listitem').allTextContents();
  expect(names).toEqual(['Ana Lopez', 'Bao Nguyen']);
  await expectNoSeriousAxe(page, 'class growth 768');
  await page.setViewportSize({ width: 1180, height: 820 });
  await expectNoSeriousAxe(page, 'class growth 1180');

  await page.getByRole('button', { name: 'Form a group of these 2' }).click();
  const maple = page.getByRole('list', { name: 'Members of Maple' });
  await expect(maple.getByRole('button', { name: 'Ana Lopez', exact: true })).toBeVisible();
  await expect(maple.getByRole('button', { name: 'Bao Nguyen', exact: true })).toBeVisible();
  expect((await maple.getByRole('button', { name: /^(?!Lock)/ }).allTextContents()).sort()).toEqual(['Ana Lopez', 'Bao Nguyen']);

  await page.goto('/growth');
  await page.getByRole('link', { name: 'Cara Diaz' }).click();
  await expect(page.getByRole('heading', { name: 'Growth: Cara Diaz' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Voice: 10 pieces of evidence, latest Secure/ })).toBeVisible();
  await expectNoSeriousAxe(page, 'student growth 1180');
  await page.setViewportSize({ width: 768, height: 1024 });
  await expectNoSeriousAxe(page, 'student growth 768');

  await page.getByRole('link', { name: 'Print for a parent conference' }).click();
  await expect(page.getByText('One page for Cara Diaz.')).toBeVisible();
  await expectNoSeriousAxe(page, 'growth print 768');
  for (const [radio, size] of [['US Letter', { width: 612, height: 792 }], ['A4', { width: 595.28, height: 841.89 }]] as const) {
    await page.getByRole('radio', { name: radio }).click();
    await expect(page.getByRole('radio', { name: radio })).toBeChecked();
    const buf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect((buf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length, `${radio} page objects`).toBe(1);
    const doc = await readPdf(buf);
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0]!.width).toBeCloseTo(size.width, 0);
    expect(doc.pages[0]!.height).toBeCloseTo(size.height, 0);
    const text = squash(doc.items.map((t) => t.str).join(' '));
    for (const want of ['Cara Diaz', 'Ideas: Secure', 'Voice: Secure', 'Organization: Secure', 'Currentgoal', 'Fromourconferences']) expect(text, radio).toContain(squash(want));
    expect(text).not.toContain('Bao');
  }
});
