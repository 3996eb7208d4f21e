// A report-comment draft printed with the student's summary, in Chromium: what "Print with summary" sends to the
// printer, the moment it is tapped, is printed to PDF and read back: the comment as just edited and the student's
// summary, on one page of the paper chosen in Print, inside its margins, and nothing of another student.
import { expect, test, type Browser } from '@playwright/test';
import { expectNoSeriousAxe } from './helpers/app';
import { classWithNotes, readPdf, squash } from './helpers/print';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const EDITED = 'Ana revises with care and her dialogue now moves the story forward; next she will vary her sentence openings.';

/**
 * window.print() made to keep a copy of the document at the moment of the call (what the browser prints then: a
 * print dialog is synchronous), without its scripts, so it can be printed to PDF as it was.
 */
function keepWhatIsPrinted(): void {
  const w = window as unknown as { __printed: string[] };
  w.__printed = [];
  window.print = () => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('script').forEach((s) => s.remove());
    w.__printed.push(copy.outerHTML);
  };
}

/** The copy printed to PDF, served from the app's origin (so its stylesheets load) in a tab of its own. */
async function printedPdf(browser: Browser, html: string) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const paper = await context.newPage();
  const url = `http://127.0.0.1:${PORT}/printed-copy`;
  await paper.route(url, (r) => r.fulfill({ contentType: 'text/html', body: html }));
  await paper.goto(url, { waitUntil: 'load' });
  const buf = await paper.pdf({ preferCSSPageSize: true, printBackground: true });
  await context.close();
  return readPdf(buf);
}

test('a draft prints with its summary: the edited comment and the summary, all of them on the page, no one else', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.addInitScript(keepWhatIsPrinted);
  await classWithNotes(page, ['Ana Lopez', 'Bao Nguyen'], [
    { student: 'Ana Lopez', text: 'Uses dialogue tags well' },
    { student: 'Ana Lopez', text: 'Reread her lead aloud and changed it' },
    { student: 'Bao Nguyen', text: 'Bao retells the whole day' },
  ]);
  // The paper is the one chosen in Print (A4 here, not the Letter a US browser starts with).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Print' }).click();
  await page.getByRole('navigation', { name: 'What to print' }).getByRole('link', { name: 'Student summaries' }).click();
  await page.getByRole('radio', { name: 'A4' }).click();
  await expect(page.getByRole('radio', { name: 'A4' })).toBeChecked();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find' }).click();
  await expect(page.getByRole('heading', { name: 'Find' })).toBeVisible();
  await page.getByLabel('Student').selectOption({ label: 'Ana Lopez' });
  await page.getByRole('link', { name: 'Draft a report comment' }).click();
  await page.getByRole('button', { name: 'Draft a comment' }).click();
  const comment = page.getByLabel('Comment (saved as you type)');
  await expect(comment).toHaveValue(/dialogue tags/);
  await expectNoSeriousAxe(page, 'draft');

  // Edited and printed straight away, as a teacher finishing a sentence does: within the autosave's pause.
  await comment.fill(EDITED);
  await page.getByRole('button', { name: 'Print with summary' }).click();
  const printed = await page.evaluate(() => (window as unknown as { __printed: string[] }).__printed);
  expect(printed).toHaveLength(1);

  const doc = await printedPdf(browser, printed[0]!);
  expect(doc.pages).toHaveLength(1);
  expect(doc.pages[0]!.width).toBeCloseTo(595.28, 0);
  expect(doc.pages[0]!.height).toBeCloseTo(841.89, 0);
  const text = squash(doc.items.map((t) => t.str).join(' '));
  expect(text).toContain(squash(EDITED));
  for (const want of ['Ana Lopez', 'Room 12 · Writing summary', 'Uses dialogue tags well', 'Reread her lead aloud and changed it']) expect(text).toContain(squash(want));
  // Section headings print in capitals (text-transform).
  for (const heading of ['Strengths', 'Recent notes', 'Conferences']) expect(text.toLowerCase()).toContain(squash(heading.toLowerCase()));
  // Only the comment and the summary: none of the screen's controls or evidence list, no one else.
  for (const never of ['Bao', 'Nguyen', 'retells', 'Evidence', 'Print with summary', 'Draft a comment', 'Clipboard']) expect(text, never).not.toContain(squash(never));
  // Every word inside the paper, clear of its edges (nothing cut off at the right or the bottom).
  for (const t of doc.items) {
    const p = doc.pages[t.page]!;
    expect(t.x, t.str).toBeGreaterThanOrEqual(18);
    expect(t.x + t.width, t.str).toBeLessThanOrEqual(p.width - 18);
    expect(t.baseline, t.str).toBeLessThanOrEqual(p.height - 18);
  }
  // The same draft, its edit saved, is what is on screen after printing.
  await expect(comment).toHaveValue(EDITED);
  await page.reload();
  await expect(page.getByLabel('Comment (saved as you type)')).toHaveValue(EDITED);
});
