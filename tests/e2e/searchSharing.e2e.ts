// Two teachers share a class through the real sync server. The co-teacher's shared note is found in Find and cited in
// the other teacher's report draft; their private notes (one private from the start, one withdrawn after it synced
// and was cited in a draft) are found nowhere on the other tablet (Find, drafts, timeline) and are still on the
// co-teacher's own tablet.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxe } from './helpers/app';
import { classWithPiece } from './helpers/clipboard';
import { addTeacher, connect, shareOwnedClass, syncNow, tablet } from './helpers/sync';

const SHARED = 'Ana sketched a lighthouse before drafting her story';
const PRIVATE = 'Ana said her parents are divorcing';
const WITHDRAWN = 'Ana has asthma and missed recess';

async function setName(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  const field = page.getByLabel('Your name, shown on notes you write');
  await field.fill(name);
  await field.blur();
}

/** The note screen's Private box, ticked (it is checked once the write lands, so a click, then the check). */
async function makePrivate(page: Page): Promise<void> {
  const box = page.getByLabel('Private: stays on this device (never synced)');
  await box.click();
  await expect(box).toBeChecked();
}

async function writeNote(page: Page, student: string, text: string, isPrivate: boolean): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clipboard' }).click();
  await page.getByRole('button', { name: `Note for ${student}` }).click();
  await page.getByLabel('Note', { exact: true }).fill(text);
  if (isPrivate) await makePrivate(page);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: `Note for ${student}` })).toBeVisible();
}

/** Find, in the current class: the results for a word. */
async function find(page: Page, words: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find' }).click();
  await page.getByLabel('Search notes, conferences, goals and reflections').fill(words);
  return page.getByRole('list', { name: 'Results' }).getByRole('listitem');
}

async function openDraft(page: Page, student: string): Promise<void> {
  await find(page, '');
  await page.getByLabel('Student').selectOption({ label: student });
  await page.getByRole('link', { name: 'Draft a report comment' }).click();
  await expect(page.getByRole('heading', { name: `Report comment for ${student}` })).toBeVisible();
}

const timeline = (page: Page) => page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');

async function openTimeline(page: Page, student: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clipboard' }).click();
  await page.getByRole('region', { name: 'Checklist' }).getByRole('link', { name: student }).click();
  await expect(page.getByRole('heading', { level: 1, name: student })).toBeVisible();
}

test("a co-teacher's shared note is found and cited; their private notes are found nowhere on the other tablet", async ({ browser }) => {
  // Two tablets, two CLI calls and several sync rounds.
  test.setTimeout(180_000);
  const stamp = Date.now();
  const owner = `Ms Rivera ${stamp}`;
  const co = `Mr Lee ${stamp}`;
  const ownerToken = addTeacher(owner);
  const coToken = addTeacher(co);

  const a = await tablet(browser);
  await setName(a, owner);
  await classWithPiece(a, 'Ana Lopez\nBao Nguyen');
  await connect(a, ownerToken, owner);
  shareOwnedClass(owner, co);

  const b = await tablet(browser);
  await setName(b, co);
  await connect(b, coToken, co);
  await writeNote(b, 'Ana Lopez', WITHDRAWN, false);
  await writeNote(b, 'Ana Lopez', PRIVATE, true);
  await writeNote(b, 'Ana Lopez', SHARED, false);
  await syncNow(b);

  // The owner's tablet gets the shared notes through a pull; the index has them without a reload.
  await syncNow(a);
  await expect(await find(a, 'asthma')).toHaveCount(1);
  await expect(await find(a, 'lighthouse')).toHaveCount(1);
  // A draft made now cites both shared notes.
  await openDraft(a, 'Ana Lopez');
  await a.getByRole('button', { name: 'Draft a comment' }).click();
  await expect(a.getByLabel('Comment (saved as you type)')).toHaveValue(/asthma/);
  await expect(a.getByRole('list', { name: 'Evidence' })).toContainText('asthma');

  // The co-teacher makes one private after it synced: it is withdrawn from the owner's tablet at its next pull.
  await openTimeline(b, 'Ana Lopez');
  await timeline(b).filter({ hasText: WITHDRAWN }).getByRole('link', { name: 'Edit note' }).click();
  await makePrivate(b);
  await b.getByRole('button', { name: 'Done' }).click();
  await syncNow(b);
  await syncNow(a);

  const shared = await find(a, 'lighthouse');
  await expect(shared).toHaveCount(1);
  await expect(shared).toContainText("Ana Lopez · note");
  await expect(shared).toContainText(`by ${co}`);
  await expect(shared.locator('mark')).toHaveText('lighthouse');
  await expect(await find(a, 'asthma')).toHaveCount(0);
  await expect(await find(a, 'divorcing')).toHaveCount(0);
  await expect(await find(a, 'Ana')).toHaveCount(1);

  // The draft made before the withdrawal stops citing it, and the teacher takes its sentence out of the comment.
  await openDraft(a, 'Ana Lopez');
  const comment = a.getByLabel('Comment (saved as you type)');
  await expect(a.getByRole('status').filter({ hasText: 'A drafted sentence came from a record since deleted or made private' })).toBeVisible();
  await expect(a.getByRole('list', { name: 'Evidence' })).not.toContainText('asthma');
  await expectNoSeriousAxe(a, 'draft with a withdrawn sentence');
  await a.getByRole('button', { name: 'Take it out of the comment' }).click();
  await expect(comment).not.toHaveValue(/asthma/);
  await expect(comment).toHaveValue(/lighthouse/);

  // A new draft cites the shared note, and nothing of the private ones.
  await a.getByRole('button', { name: 'Draft a comment' }).click();
  await expect(a.getByRole('combobox', { name: 'Drafts' })).toBeVisible();
  await expect(comment).toHaveValue(/lighthouse/);
  const evidence = a.getByRole('list', { name: 'Evidence' });
  await expect(evidence.getByRole('listitem').filter({ hasText: 'lighthouse' }).getByRole('link', { name: /^Note, / })).toHaveCount(1);
  for (const secret of ['asthma', 'divorcing', 'recess', 'parents']) {
    await expect(comment).not.toHaveValue(new RegExp(secret));
    await expect(evidence).not.toContainText(secret);
  }

  await openTimeline(a, 'Ana Lopez');
  await expect(a.getByText(SHARED)).toBeVisible();
  await expect(a.getByRole('main')).not.toContainText('asthma');
  await expect(a.getByRole('main')).not.toContainText('divorcing');

  // The co-teacher's own tablet keeps both private notes, in their timeline and their Find.
  await openTimeline(b, 'Ana Lopez');
  for (const text of [SHARED, PRIVATE, WITHDRAWN]) await expect(b.getByText(text)).toBeVisible();
  await expect(timeline(b).filter({ hasText: 'Private' })).toHaveCount(2);
  await expect(await find(b, 'asthma')).toHaveCount(1);
  await expect(await find(b, 'divorcing')).toHaveCount(1);
  await a.context().close();
  await b.context().close();
});
