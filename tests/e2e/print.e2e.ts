// Printing in Chromium, offline: label sheets printed to PDF land each note inside its label's box (Avery 5160 on
// Letter, from label 1 and from label 17, and Avery L7160 on A4, with a printer offset, and the alignment test page);
// student summaries print a page per student with no one else's name on it; group cards print half a page each; the
// print screens pass axe.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxe, waitForOfflineReady } from './helpers/app';
import { classWithNotes, readPdf, squash, type PdfDoc, type PdfText } from './helpers/print';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
/** Label boxes from the sheet makers' published figures, in the sheet's unit. */
const LETTER_5160 = { name: 'Avery 5160', ptPerUnit: 72, unit: 'in', box: (i: number): Box => ({ x: 3 / 16 + (i % 3) * 2.75, y: 0.5 + Math.floor(i / 3), w: 2.625, h: 1 }) };
const A4_L7160 = { name: 'Avery L7160', ptPerUnit: 72 / 25.4, unit: 'mm', box: (i: number): Box => ({ x: 7.25 + (i % 3) * 66.04, y: 15.15 + Math.floor(i / 3) * 38.1, w: 63.5, h: 38.1 }) };
type Sheet = typeof LETTER_5160;

const NAMES = ['Ana Lopez', 'Bao Nguyen', 'Cara Diaz', 'Dev Patel'];
const LONG = Array.from({ length: 14 }, (_, i) => `Part${i} of a long conference jot: strong voice, rushes the ending, try a sketch plan`).join('. ');
const NOTES = [
  { student: 'Ana Lopez', text: 'Ana adds dialogue but no tags' },
  { student: 'Bao Nguyen', text: 'Bao retells the whole day; ask for one small moment' },
  { student: 'Cara Diaz', text: 'Cara hooks the reader with a question' },
  { student: 'Dev Patel', text: 'Dev short jot' },
  { student: 'Dev Patel', text: LONG },
];

/**
 * Groups the first page's text by the label box holding it, failing for any text outside every label or crossing
 * its label's edge. Returns label number (1-based) -> its text, top to bottom.
 */
function textByLabel(doc: PdfDoc, sheet: Sheet, count: number): Map<number, string> {
  const byLabel = new Map<number, PdfText[]>();
  const eps = 0.002 * (sheet.unit === 'in' ? 1 : 25.4);
  for (const it of doc.items.filter((i) => i.page === 0)) {
    const u = (pt: number) => pt / sheet.ptPerUnit;
    const left = u(it.x);
    const right = u(it.x + it.width);
    const top = u(it.baseline - it.size * 0.8);
    const bottom = u(it.baseline + it.size * 0.25);
    const i = Array.from({ length: count }, (_, k) => k).find((k) => {
      const b = sheet.box(k);
      return left >= b.x - eps && left <= b.x + b.w && u(it.baseline) >= b.y && u(it.baseline) <= b.y + b.h;
    });
    expect(i, `"${it.str}" at ${left.toFixed(3)},${u(it.baseline).toFixed(3)} ${sheet.unit} is on no label`).toBeDefined();
    const b = sheet.box(i!);
    const where = `"${it.str}" in label ${i! + 1} (${left.toFixed(3)}..${right.toFixed(3)}, ${top.toFixed(3)}..${bottom.toFixed(3)} ${sheet.unit})`;
    expect(left, where).toBeGreaterThanOrEqual(b.x - eps);
    expect(right, where).toBeLessThanOrEqual(b.x + b.w + eps);
    expect(top, where).toBeGreaterThanOrEqual(b.y - eps);
    expect(bottom, where).toBeLessThanOrEqual(b.y + b.h + eps);
    byLabel.set(i! + 1, [...(byLabel.get(i! + 1) ?? []), it]);
  }
  return new Map([...byLabel].map(([k, items]) => [k, items.sort((a, b) => a.baseline - b.baseline || a.x - b.x).map((t) => t.str).join(' ')]));
}

const HEADER = /^(.*?)·\d{1,2}\/\d{1,2}\/\d{2}(\(cont\.\))?/;

/** Each note, in roster order, on consecutive labels from `start`: its student's name and date, then its words. */
function expectNotesOnLabels(labels: Map<number, string>, start: number, parts: number) {
  const expected: { label: number; name: string; body: string; cont: boolean }[] = [];
  let n = start;
  for (const note of NOTES) {
    if (note.text === LONG) {
      for (let p = 0; p < parts; p++) expected.push({ label: n++, name: note.student, body: p === 0 ? LONG : '', cont: p > 0 });
    } else {
      expected.push({ label: n++, name: note.student, body: note.text, cont: false });
    }
  }
  expect([...labels.keys()].sort((a, b) => a - b)).toEqual(expected.map((e) => e.label));
  const longBody: string[] = [];
  for (const e of expected) {
    const text = squash(labels.get(e.label) ?? '');
    const m = HEADER.exec(text);
    expect(m, `label ${e.label} starts with a name and date: ${text}`).not.toBeNull();
    expect(m![1]).toBe(squash(e.name));
    expect(Boolean(m![2]), `label ${e.label} marked (cont.)`).toBe(e.cont);
    const body = text.slice(m![0].length);
    if (e.name === 'Dev Patel' && (e.cont || e.body === LONG)) longBody.push(body);
    else expect(body).toBe(squash(e.body));
  }
  expect(longBody.join('')).toBe(squash(LONG));
}

async function printedPdf(page: Page): Promise<PdfDoc> {
  return readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
}

async function labelCount(page: Page): Promise<{ labels: number; parts: number }> {
  const status = await page.getByText(/^5 notes on \d+ labels, 1 sheet\.$/).textContent();
  const labels = Number(/on (\d+) labels/.exec(status ?? '')?.[1]);
  const cont = await page.getByRole('list', { name: 'Notes that continue on a second label' }).textContent();
  return { labels, parts: Number(/continues on (\d+) labels/.exec(cont ?? '')?.[1]) };
}

test('notes print inside their labels on Letter and A4 sheets, from label 1 and from label 17, offline', async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    (window as unknown as { printCalls: number }).printCalls = 0;
    window.print = () => {
      (window as unknown as { printCalls: number }).printCalls++;
    };
  });
  await classWithNotes(page, NAMES, NOTES);
  await waitForOfflineReady(page);
  await context.setOffline(true);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Print' }).click();
  await expect(page.getByRole('heading', { name: 'Print', level: 1 })).toBeVisible();
  await page.getByRole('radio', { name: /Avery 5160/ }).click();
  await expect(page.getByRole('radio', { name: /Avery 5160/ })).toBeChecked();
  await page.getByRole('radio', { name: 'Not printed yet' }).click();
  await expect(page.getByRole('radio', { name: 'Not printed yet' })).toBeChecked();
  const letter = await labelCount(page);
  expect(letter.parts).toBeGreaterThan(1);
  expect(letter.labels).toBe(4 + letter.parts);
  await expect(page.getByRole('region', { name: 'Preview of the label sheets' })).toContainText('Dev Patel');
  await expectNoSeriousAxe(page);

  let doc = await printedPdf(page);
  expect(doc.pages).toEqual([{ width: 612, height: 792 }]);
  expectNotesOnLabels(textByLabel(doc, LETTER_5160, 30), 1, letter.parts);

  await page.getByRole('combobox', { name: 'Start at label' }).selectOption('17');
  await expect(page.getByRole('region', { name: 'Preview of the label sheets' }).locator('.print-label-used')).toHaveCount(16);
  doc = await printedPdf(page);
  expect(doc.pages).toHaveLength(1);
  expectNotesOnLabels(textByLabel(doc, LETTER_5160, 30), 17, letter.parts);

  await page.getByRole('radio', { name: /Avery L7160/ }).click();
  await expect(page.getByRole('radio', { name: /Avery L7160/ })).toBeChecked();
  await page.getByRole('combobox', { name: 'Start at label' }).selectOption('1');
  const a4 = await labelCount(page);
  doc = await printedPdf(page);
  expect(doc.pages).toHaveLength(1);
  expect(doc.pages[0]!.width).toBeCloseTo(595.28, 0);
  expect(doc.pages[0]!.height).toBeCloseTo(841.89, 0);
  expectNotesOnLabels(textByLabel(doc, A4_L7160, 21), 1, a4.parts);

  // A printer that prints 1 mm low: the teacher moves labels up twice, and the PDF follows.
  await page.getByRole('button', { name: 'Move up' }).click();
  await page.getByRole('button', { name: 'Move up' }).click();
  await expect(page.getByText('Labels shifted no shift right or left, 1 mm up.')).toBeVisible();
  doc = await printedPdf(page);
  const shifted = { ...A4_L7160, box: (i: number) => ({ ...A4_L7160.box(i), y: A4_L7160.box(i).y - 1 }) };
  expectNotesOnLabels(textByLabel(doc, shifted, 21), 1, a4.parts);
  await page.getByRole('button', { name: 'Reset alignment' }).click();

  await page.getByRole('button', { name: 'Print labels' }).click();
  expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);
  await page.getByRole('button', { name: 'Yes, mark them printed' }).click();
  await expect(page.getByText('Marked 5 notes as printed.')).toBeVisible();
  await expect(page.getByText('No notes match: choose other notes above.')).toBeVisible();

  // The one-page alignment test: every label outlined and numbered in its box, for holding against a real sheet.
  await page.getByRole('button', { name: 'Print alignment test' }).click();
  expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(2);
  const align = await printedPdf(page);
  expect(align.pages).toHaveLength(1);
  expect(align.items.map((t) => t.str).join(' ')).toContain('Alignment test for Avery L7160');
  const numbers = align.items.filter((t) => /^\d+$/.test(t.str));
  expect(numbers.map((t) => Number(t.str)).sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  for (const t of numbers) {
    const b = A4_L7160.box(Number(t.str) - 1);
    const x = t.x / A4_L7160.ptPerUnit;
    const y = t.baseline / A4_L7160.ptPerUnit;
    expect(x > b.x && x < b.x + b.w && y > b.y && y < b.y + b.h, `label number ${t.str}`).toBe(true);
  }
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

  await page.reload();
  await expect(page.getByText('No notes match: choose other notes above.')).toBeVisible();
  await page.getByRole('radio', { name: 'Today' }).click();
  await expect(page.getByRole('radio', { name: 'Today' })).toBeChecked();
  await expect(page.getByText(/^5 notes on \d+ labels, 1 sheet\.$/)).toBeVisible();
});

test('student summaries print one page per student, naming only that student; group cards screen passes axe', async ({ page }) => {
  test.setTimeout(120_000);
  const names = ['Ana Lopez', 'Bao Nguyen', 'Cara Diaz'];
  await classWithNotes(page, names, [
    { student: 'Ana Lopez', text: 'Uses dialogue with tags' },
    { student: 'Bao Nguyen', text: 'Retells the whole day' },
    { student: 'Cara Diaz', text: 'Hooks the reader with a question' },
  ]);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Print' }).click();
  await page.getByRole('navigation', { name: 'What to print' }).getByRole('link', { name: 'Student summaries' }).click();
  await page.getByRole('radio', { name: 'US Letter' }).click();
  await expect(page.getByRole('radio', { name: 'US Letter' })).toBeChecked();
  await expect(page.getByText('3 pages, one per student.')).toBeVisible();
  await expectNoSeriousAxe(page);

  const doc = await printedPdf(page);
  expect(doc.pages).toHaveLength(3);
  for (const p of doc.pages) expect(p).toEqual({ width: 612, height: 792 });
  names.forEach((name, i) => {
    const text = doc.items.filter((t) => t.page === i).map((t) => t.str).join(' ');
    expect(text).toContain(name);
    for (const other of names.filter((n) => n !== name)) for (const part of other.split(' ')) expect(text, `page ${i + 1} names ${part}`).not.toContain(part);
  });
  expect(doc.items.filter((t) => t.page === 1).map((t) => t.str).join(' ')).toContain('Retells the whole day');

  await page.getByRole('radio', { name: 'A4' }).click();

  await expect(page.getByRole('radio', { name: 'A4' })).toBeChecked();
  const a4 = await printedPdf(page);
  expect(a4.pages).toHaveLength(3);
  expect(a4.pages[0]!.width).toBeCloseTo(595.28, 0);
  expect(a4.pages[0]!.height).toBeCloseTo(841.89, 0);

  await page.getByRole('navigation', { name: 'What to print' }).getByRole('link', { name: 'Group cards' }).click();
  await expect(page.getByText('No groups in this class yet.')).toBeVisible();
  await expectNoSeriousAxe(page);
});

test('group cards print half a page per group with its members and teaching point', async ({ page }) => {
  test.setTimeout(120_000);
  await classWithNotes(page, ['Ana Lopez', 'Bao Nguyen', 'Cara Diaz'], []);
  // A group made in the Groups area as a teacher would: pick a student, start a group, move a second one in.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
  const column = (name: string) => page.getByRole('region', { name, exact: true });
  await column('Independent writing').getByRole('button', { name: 'Ana Lopez', exact: true }).click();
  await page.getByRole('button', { name: 'New group' }).click();
  await expect(column('Maple').getByRole('button', { name: 'Ana Lopez', exact: true })).toBeVisible();
  await column('Independent writing').getByRole('button', { name: 'Bao Nguyen', exact: true }).click();
  await column('Maple').getByRole('button', { name: 'Move Bao Nguyen here' }).click();
  await expect(column('Maple').getByRole('button', { name: 'Bao Nguyen', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Run Maple' }).click();
  await page.getByLabel('Teaching point for this group').fill('Start with a sound or a line of dialogue.');
  await page.getByLabel('Teaching point for this group').blur();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Print' }).click();
  await page.getByRole('navigation', { name: 'What to print' }).getByRole('link', { name: 'Group cards' }).click();
  await page.getByRole('radio', { name: 'US Letter' }).click();
  await expect(page.getByRole('radio', { name: 'US Letter' })).toBeChecked();
  await expect(page.getByText('1 card on 1 page, two to a page.')).toBeVisible();
  await expectNoSeriousAxe(page);

  const doc = await printedPdf(page);
  expect(doc.pages).toEqual([{ width: 612, height: 792 }]);
  const text = doc.items.map((t) => t.str).join(' ');
  for (const want of ['Maple', 'Ana Lopez', 'Bao Nguyen', 'Start with a sound or a line of dialogue.']) expect(text).toContain(want);
  expect(text).not.toContain('Cara');
  // Half a page: everything on the top half, so two cards share a sheet and cut apart.
  for (const t of doc.items) expect(t.baseline, t.str).toBeLessThan(396);
});
