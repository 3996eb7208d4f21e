// Two tablets of one teacher syncing through the real server: set up in Settings, one offline while both edit,
// then back online: both show the same roster; taps (and an undone tap) on one reach the other's checklist.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousAxe } from './helpers/app';
import { classWithPiece, expectCell, LEAD, ORDER, tapCell } from './helpers/clipboard';
import { addClass, pasteStudents, studentNames } from './helpers/roster';
import { addTeacher, connect, ORIGIN, syncStatus, tablet } from './helpers/sync';

/** A new teacher on the server and two fresh tablets, neither connected yet. */
async function twoTablets(browser: Browser, teacher: string): Promise<{ token: string; a: Page; b: Page }> {
  const token = addTeacher(teacher);
  return { token, a: await tablet(browser), b: await tablet(browser) };
}

test('two tablets converge through the server after one was offline', async ({ browser }) => {
  // Two browser contexts, a CLI call and several sync rounds: more than one page's worth of time on a busy machine.
  test.setTimeout(120_000);
  const teacher = `Ms Rivera ${Date.now()}`;
  const { token, a, b } = await twoTablets(browser, teacher);

  // Nothing is shown, and nothing is sent, until a server is configured.
  await expect(syncStatus(a)).toHaveCount(0);

  await addClass(a, 'Room 12');
  await pasteStudents(a, 'Ana Lopez\nBao Nguyen', 2);
  await connect(a, token, teacher);
  await expect(a.getByText('0 changes waiting')).toBeVisible();
  await expectNoSeriousAxe(a);

  await connect(b, token, teacher);
  await b.getByRole('link', { name: 'Roster' }).click();
  await expect(studentNames(b)).toHaveText(['Ana Lopez', 'Bao Nguyen']);

  // B loses the network; both keep working.
  await b.context().setOffline(true);
  await pasteStudents(b, 'Dev Patel', 1);
  await expect(syncStatus(b)).toHaveText('Offline: 1 change waiting');

  await a.getByRole('link', { name: 'Roster' }).click();
  await pasteStudents(a, 'Cara Diaz', 1);
  // A syncs by itself a couple of seconds after the change. The change is seen waiting first, so the "Synced"
  // awaited next is the one after it went up, not the one still showing from before.
  await expect(syncStatus(a)).toHaveText('1 change waiting');
  await expect(syncStatus(a)).toHaveText('Synced', { timeout: 15_000 });

  // Back online, B sends its change and gets A's; A gets B's on its next sync.
  await b.context().setOffline(false);
  await expect(syncStatus(b)).toHaveText('Synced', { timeout: 15_000 });
  await expect(studentNames(b)).toHaveText(['Ana Lopez', 'Bao Nguyen', 'Cara Diaz', 'Dev Patel']);

  await a.getByRole('link', { name: 'Settings' }).click();
  await a.getByRole('button', { name: 'Sync now' }).click();
  await a.getByRole('link', { name: 'Roster' }).click();
  await expect(studentNames(a)).toHaveText(['Ana Lopez', 'Bao Nguyen', 'Cara Diaz', 'Dev Patel']);
  await expect(syncStatus(a)).toHaveText('Synced');
  await a.context().close();
  await b.context().close();
});

test("taps on one tablet, and a tap undone there, show in the other tablet's checklist", async ({ browser }) => {
  test.setTimeout(120_000);
  const teacher = `Mr Okafor ${Date.now()}`;
  const { token, a, b } = await twoTablets(browser, teacher);

  await classWithPiece(a);
  await tapCell(a, 'Ana Lopez', LEAD, 'needs support');
  await tapCell(a, 'Ana Lopez', LEAD, 'secure');
  await tapCell(a, 'Bao Nguyen', ORDER, 'needs support');
  await a.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expectCell(a, 'Bao Nguyen', ORDER, 'not marked');
  await connect(a, token, teacher);

  await connect(b, token, teacher);
  await b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clipboard' }).click();
  await expectCell(b, 'Ana Lopez', LEAD, 'secure');
  await expectCell(b, 'Bao Nguyen', ORDER, 'not marked');
  await expect(b.getByRole('columnheader', { name: new RegExp(`${LEAD}.*0 need support`) })).toBeVisible();

  // B marks a need; A's checklist shows it after A's next sync.
  await tapCell(b, 'Cara Diaz', ORDER, 'needs support');
  await expect(syncStatus(b)).toHaveText(/change(s)? waiting/);
  await expect(syncStatus(b)).toHaveText('Synced', { timeout: 15_000 });
  await a.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(a)).toHaveText('Synced');
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clipboard' }).click();
  await expectCell(a, 'Cara Diaz', ORDER, 'needs support');
  await a.context().close();
  await b.context().close();
});

test('a wrong token is explained in words in Settings and the header', async ({ page }) => {
  await page.goto('/settings');
  await page.getByLabel('Server address').fill(ORIGIN);
  await page.getByLabel('Token').fill('not-a-real-token');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('The server refused the token: check it in Settings.');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(page)).toHaveText('Sync stopped: check the token in Settings');
  await expectNoSeriousAxe(page);
});
