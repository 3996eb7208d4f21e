// Backup in the built app: export everything, restore it into an empty browser profile and find the same classes
// and students; a bad file changes nothing; marks and notes export as a spreadsheet-safe CSV.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxe } from './helpers/app';
import { addClass, pasteStudents, studentNames } from './helpers/roster';

async function rosterState(page: Page) {
  await page.goto('/roster');
  await expect(page.getByRole('heading', { name: /^Students in / })).toBeVisible();
  const switcher = page.getByLabel('Current class');
  const classes = await switcher.getByRole('option').allTextContents();
  const out: Record<string, { active: string[]; archived: string[] }> = {};
  for (const name of classes) {
    await switcher.selectOption({ label: name });
    await expect(page.getByRole('heading', { name: `Students in ${name}` })).toBeVisible();
    await expect(studentNames(page).first()).toBeVisible();
    const archivedList = page.getByRole('list', { name: 'Archived students' });
    out[name] = {
      active: await studentNames(page).allTextContents(),
      archived: (await archivedList.count()) ? await archivedList.getByRole('listitem').locator('span').allTextContents() : [],
    };
  }
  const archivedClasses = page.getByRole('list', { name: 'Archived classes' });
  return { classes, out, archivedClasses: (await archivedClasses.count()) ? await archivedClasses.locator('span').allTextContents() : [] };
}

test('a backup exported here and restored in an empty browser profile gives the same classes and students', async ({ page, browser }) => {
  await page.goto('/roster');
  await addClass(page, 'Room 12');
  await pasteStudents(page, 'Ana Lopez\nNguyen, Bao\n<b>Sam</b> Lee\nليلى حداد', 4);
  await page.getByRole('button', { name: 'Move ليلى حداد up' }).click();
  await page.getByRole('button', { name: 'Archive Bao Nguyen' }).click();
  await expect(page.getByRole('list', { name: 'Archived students' })).toContainText('Bao Nguyen');
  await addClass(page, 'Period 5');
  await pasteStudents(page, 'Zoë Ødegård\nJosé Núñez', 2);
  await addClass(page, 'Old section');
  await pasteStudents(page, 'Cy Tran', 1);
  await page.getByRole('button', { name: 'Archive Old section' }).click();
  const before = await rosterState(page);
  expect(before.classes).toEqual(['Room 12', 'Period 5']);
  expect(before.archivedClasses).toEqual(['Old section']);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const backup = page.getByRole('region', { name: 'Backup' });
  await expect(backup.getByText('Photos are not included.')).toBeVisible();
  await expectNoSeriousAxe(page);
  const [download] = await Promise.all([page.waitForEvent('download'), backup.getByRole('button', { name: 'Export backup' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^circulate-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(backup.getByRole('status')).toHaveText('Backup saved: 10 records.');
  const text = await readFile((await download.path())!, 'utf8');
  const file = JSON.parse(text) as { format: string; version: number; tables: Record<string, unknown[]> };
  expect(file).toMatchObject({ format: 'circulate-backup', version: 1 });
  expect(file.tables.students).toHaveLength(7);

  const [csv] = await Promise.all([page.waitForEvent('download'), backup.getByRole('button', { name: 'Export marks and notes (CSV)' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^circulate-marks-notes-.*\.csv$/);
  expect(await readFile((await csv.path())!, 'utf8')).toMatch(/^\uFEFF"Class","Student","Date","Kind","Piece","Objective","Mark","Note","Tags"\r\n/);

  // A second, empty browser profile: no classes until the backup is restored.
  const fresh = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 768, height: 1024 }, hasTouch: true });
  const other = await fresh.newPage();
  await other.goto('/roster');
  await expect(other.getByText('Start by naming your class')).toBeVisible();
  await other.goto('/settings');
  const restore = other.getByRole('region', { name: 'Backup' });

  // A damaged copy is refused, naming the record, and changes nothing.
  const damaged = JSON.parse(text) as { tables: { students: Record<string, unknown>[] } };
  damaged.tables.students[2]!.firstName = null;
  await restore.getByLabel('Restore from a backup file').setInputFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
  await expect(restore.getByRole('alert')).toContainText('Nothing was restored. Table "students", record 3 (index 2, id ');
  await expect(restore.getByRole('alert')).toContainText('field "firstName"');
  await other.goto('/roster');
  await expect(other.getByText('Start by naming your class')).toBeVisible();

  await other.goto('/settings');
  await restore.getByLabel('Restore from a backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(restore.getByRole('status')).toContainText('10 of its 10 records were new or newer');
  expect(await rosterState(other)).toEqual(before);

  // Restoring the same file again changes nothing and duplicates nothing.
  await other.goto('/settings');
  await restore.getByLabel('Restore from a backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(restore.getByRole('status')).toContainText('0 of its 10 records were new or newer');
  expect(await rosterState(other)).toEqual(before);
  await fresh.close();
});
