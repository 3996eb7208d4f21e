// Rosters in the built app: a paste with problems fixed before saving, a CSV from Excel (BOM, CRLF, semicolons),
// a district's OneRoster export, and a class's students renamed, moved (by mouse and by finger), archived and restored.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxe, touchDrag } from './helpers/app';
import { addClass, pasteStudents, studentNames } from './helpers/roster';

const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'tests/fixtures/oneroster', name));

test('a paste with a duplicate and a missing first name is shown for fixing, then saved; names show as typed', async ({ page }) => {
  await page.goto('/roster');
  await addClass(page, 'Room 12');
  const box = page.getByLabel('Paste student names, one per line');
  await box.fill('Ana Lopez\n\nLopez,\n<b>Sam</b> Lee\nليلى حداد\nana lopez');
  await page.getByRole('button', { name: 'Add students' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Nothing was added');
  await expect(alert).toContainText('Line 3: "Lopez" has no first name');
  await expect(alert).toContainText('Line 6: ana lopez is already on line 1');
  await expect(page.getByText('No students yet')).toBeVisible();
  await expectNoSeriousAxe(page);

  await box.fill('Ana Lopez\n\nLopez, Maria\n<b>Sam</b> Lee\nليلى حداد');
  await page.getByRole('button', { name: 'Add students' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 4 students.' })).toBeVisible();
  await expect(studentNames(page)).toHaveText(['Ana Lopez', 'Maria Lopez', '<b>Sam</b> Lee', 'ليلى حداد']);
  await expect(page.getByRole('list', { name: 'Students' }).locator('b')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a CSV with a byte-order mark, CRLF and semicolons is mapped, previewed and imported', async ({ page }) => {
  await page.goto('/roster');
  await addClass(page, 'Period 3');
  await page.getByRole('radio', { name: 'CSV file' }).check();
  const csv = '\uFEFFLast name;First name;Grade\r\nLópez;Ana;7\r\n"Nguyen; Jr";Bao;7\r\n\r\nØdegård;Zoë;7\r\n';
  await page.getByLabel('CSV file with a header row').setInputFiles({ name: 'period3.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(page.getByLabel('First name column')).toHaveValue('1');
  await expect(page.getByLabel('Last name column')).toHaveValue('0');
  const preview = page.getByRole('table');
  await expect(preview.getByRole('row')).toHaveText(['LineFirst nameLast name', '2AnaLópez', '3BaoNguyen; Jr', '5ZoëØdegård']);
  await expectNoSeriousAxe(page);
  await page.getByRole('button', { name: 'Add 3 students' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 3 students.' })).toBeVisible();
  await expect(studentNames(page)).toHaveText(['Ana López', 'Bao Nguyen; Jr', 'Zoë Ødegård']);

  // A web page saved as .csv is refused with its line, and nothing is added.
  await page.getByLabel('CSV file with a header row').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from('<!doctype html><html><body>Login</body></html>') });
  await expect(page.getByRole('alert')).toHaveText('roster.csv was not imported. Line 1: this file is a web page (HTML), not CSV. Export the list from your spreadsheet or student system as CSV.');
  await expect(studentNames(page)).toHaveCount(3);
});

test('a OneRoster export (users, enrollments, classes) imports the chosen class, and a re-import duplicates no one', async ({ page }) => {
  await page.goto('/roster');
  await addClass(page, 'ELA 7');
  await page.getByRole('radio', { name: 'OneRoster files' }).check();
  const input = page.getByLabel('OneRoster files: users.csv, enrollments.csv and classes.csv');
  const files = ['users.csv', 'enrollments.csv', 'classes.csv'].map((name) => ({ name, mimeType: 'text/csv', buffer: fixture(name) }));

  // Two of three files: refused, saying which is missing.
  await input.setInputFiles(files.slice(0, 2));
  await expect(page.getByRole('alert')).toContainText('Nothing was imported. Choose classes.csv as well');

  await input.setInputFiles(files);
  const which = page.getByRole('group', { name: /Which class.s students/ });
  await expect(which.getByRole('radio')).toHaveCount(3);
  await which.getByRole('radio', { name: /ELA 7 - Period 5/ }).check();
  await expectNoSeriousAxe(page);
  await page.getByRole('button', { name: 'Add 2 students' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 2 students from ELA 7 - Period 5.' })).toBeVisible();
  await expect(studentNames(page)).toHaveText(["Sam O'Connor-Okafor", 'Zoë Ødegård']);

  await input.setInputFiles(files);
  await which.getByRole('radio', { name: /ELA 7 - Period 5/ }).check();
  await page.getByRole('button', { name: 'Add 2 students' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 0 students, 2 already here' })).toBeVisible();
  await expect(studentNames(page)).toHaveCount(2);
});

test('students are renamed, moved, archived and restored; an archived class leaves the switcher', async ({ page }) => {
  await page.goto('/roster');
  await addClass(page, 'Room 12');
  await pasteStudents(page, 'Ana Lopez\nBao Nguyen\nCy Tran', 3);
  await page.getByRole('button', { name: 'Move Cy Tran up' }).click();
  await expect(studentNames(page)).toHaveText(['Ana Lopez', 'Cy Tran', 'Bao Nguyen']);

  // Dragging a row by its handle onto another row's place moves it there.
  const rows = page.getByRole('list', { name: 'Students' }).getByRole('listitem');
  const handle = rows.filter({ hasText: 'Bao Nguyen' }).locator('.roster-handle');
  const from = (await handle.boundingBox())!;
  const to = (await rows.filter({ hasText: 'Ana Lopez' }).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y - 20, { steps: 5 });
  await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect(studentNames(page)).toHaveText(['Bao Nguyen', 'Ana Lopez', 'Cy Tran']);
  await page.getByRole('button', { name: 'Move Bao Nguyen down' }).click();
  await expect(studentNames(page)).toHaveText(['Ana Lopez', 'Bao Nguyen', 'Cy Tran']);
  await page.getByRole('button', { name: 'Move Cy Tran up' }).click();
  await expect(studentNames(page)).toHaveText(['Ana Lopez', 'Cy Tran', 'Bao Nguyen']);

  await page.getByRole('button', { name: 'Rename Bao Nguyen' }).click();
  const form = page.getByRole('form', { name: 'Rename Bao Nguyen' });
  await form.getByLabel('First name').fill('Bảo');
  await form.getByRole('button', { name: 'Done' }).click();
  await expect(studentNames(page)).toHaveText(['Ana Lopez', 'Cy Tran', 'Bảo Nguyen']);

  await page.getByRole('button', { name: 'Archive Ana Lopez' }).click();
  await expect(studentNames(page)).toHaveText(['Cy Tran', 'Bảo Nguyen']);
  await expect(page.getByRole('list', { name: 'Archived students' })).toContainText('Ana Lopez');
  await page.reload();
  await expect(page.getByRole('list', { name: 'Archived students' })).toContainText('Ana Lopez');
  await page.getByRole('button', { name: 'Restore Ana Lopez' }).click();
  await expect(studentNames(page)).toHaveText(['Ana Lopez', 'Cy Tran', 'Bảo Nguyen']);

  await addClass(page, 'Period 5');
  const switcher = page.getByLabel('Current class');
  await expect(switcher.getByRole('option')).toHaveText(['Room 12', 'Period 5']);
  await page.getByRole('button', { name: 'Archive Period 5' }).click();
  await expect(switcher.getByRole('option')).toHaveText(['Room 12']);
  await page.getByRole('button', { name: 'Restore Period 5' }).click();
  await expect(switcher.getByRole('option')).toHaveText(['Room 12', 'Period 5']);
  await expectNoSeriousAxe(page);
});

test("a finger on a row's handle drags the student to another place, and the order is kept", async ({ page }) => {
  await page.goto('/roster');
  await addClass(page, 'Room 12');
  await pasteStudents(page, 'Ana Lopez\nBao Nguyen\nCy Tran', 3);
  const rows = page.getByRole('list', { name: 'Students' }).getByRole('listitem');
  await touchDrag(page, rows.filter({ hasText: 'Cy Tran' }).locator('.roster-handle'), rows.filter({ hasText: 'Ana Lopez' }));
  await expect(studentNames(page)).toHaveText(['Cy Tran', 'Ana Lopez', 'Bao Nguyen']);
  await page.reload();
  await expect(studentNames(page)).toHaveText(['Cy Tran', 'Ana Lopez', 'Bao Nguyen']);
});
