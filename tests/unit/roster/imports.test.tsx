// Adding students from files: a CSV mapped to name columns with a preview, and a district's OneRoster export.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { fileOf, renderRoster } from './helpers';

type User = ReturnType<typeof renderRoster>['user'];

const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'tests/fixtures/oneroster', name), 'utf8');

async function setUp(method: 'CSV file' | 'OneRoster files') {
  const r = renderRoster();
  await r.user.type(screen.getByLabelText('New class name'), 'Room 12');
  await r.user.click(screen.getByRole('button', { name: 'Add class' }));
  await r.user.click(await screen.findByRole('radio', { name: method }));
  return r;
}

const names = () => within(screen.getByRole('list', { name: 'Students' })).getAllByRole('listitem').map((li) => li.querySelector('.roster-name')?.textContent);
const previewRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1).map((tr) => within(tr).getAllByRole('cell').map((c) => c.textContent));

async function pasteRoster(user: User, text: string) {
  await user.click(screen.getByRole('radio', { name: 'Paste a list' }));
  await user.click(screen.getByLabelText('Paste student names, one per line'));
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Add students' }));
  await screen.findByRole('status');
}

describe('CSV import', { timeout: 30_000 }, () => {
  it('maps a semicolon, CRLF, byte-order-mark file to name columns with a preview, then adds all in one go', async () => {
    const { user } = await setUp('CSV file');
    const csv = '\uFEFFStudent ID;Nom;Prénom;Full name\r\n1;López;Ana;"López, Ana"\r\n2;Nguyen;Bao;Bao Nguyen\r\n\r\n3;حداد;ليلى;ليلى حداد\r\n';
    await user.upload(screen.getByLabelText('CSV file with a header row'), fileOf(csv, 'class.csv'));

    // Guessed from the headers: "Prénom" is the first name, "Nom" the last.
    expect(await screen.findByLabelText('First name column')).toHaveDisplayValue('Prénom');
    expect(screen.getByLabelText('Last name column')).toHaveDisplayValue('Nom');
    expect(previewRows()).toEqual([
      ['2', 'Ana', 'López'],
      ['3', 'Bao', 'Nguyen'],
      ['5', 'ليلى', 'حداد'],
    ]);

    // The teacher can use the full-name column instead ("Last, First" understood there).
    await user.click(screen.getByRole('radio', { name: 'Full names in one column' }));
    await user.selectOptions(screen.getByLabelText('Full name column'), 'Full name');
    expect(previewRows()).toEqual([
      ['2', 'Ana', 'López'],
      ['3', 'Bao', 'Nguyen'],
      ['5', 'ليلى', 'حداد'],
    ]);
    // Back to separate columns, with no last name column: the preview follows the choice.
    await user.click(screen.getByRole('radio', { name: 'First and last names in separate columns' }));
    await user.selectOptions(screen.getByLabelText('First name column'), 'Prénom');
    await user.selectOptions(screen.getByLabelText('Last name column'), '(none)');
    expect(previewRows().map((r) => r[2])).toEqual(['', '', '']);
    await user.selectOptions(screen.getByLabelText('Last name column'), 'Nom');

    await user.click(screen.getByRole('button', { name: 'Add 3 students' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Added 3 students.');
    await waitFor(() => expect(names()).toEqual(['Ana López', 'Bao Nguyen', 'ليلى حداد']));
  });

  it('shows duplicates and missing first names by line and adds nothing until fixed', async () => {
    const { user } = await setUp('CSV file');
    await user.upload(screen.getByLabelText('CSV file with a header row'), fileOf('First,Last\nAna,Lopez\n,Nguyen\nAna,Lopez\n', 'c.csv'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Line 3: "Nguyen" has no first name');
    expect(alert).toHaveTextContent('Line 4: Ana Lopez is already on line 2');
    expect(screen.getByRole('button', { name: 'Add 1 student' })).toBeDisabled();
    expect(await db.students.count()).toBe(0);
  });

  it('refuses files that are not CSV, naming the line, and imports nothing', async () => {
    const { user } = await setUp('CSV file');
    const input = () => screen.getByLabelText('CSV file with a header row');
    await user.upload(input(), fileOf('<!DOCTYPE html><html><body>Sign in</body></html>', 'roster.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent('roster.csv was not imported. Line 1: this file is a web page (HTML), not CSV.');
    await user.upload(input(), fileOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'roster.xlsx.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Line 1: this file is a spreadsheet (.xlsx) or zip file, not CSV.');
    await user.upload(input(), fileOf('First,Last\nAna,Lopez\nLopez, Ana, Maria\n', 'r.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Line 3: has 3 cells but the header row has 2');
    expect(screen.queryByRole('table')).toBeNull();
    expect(await db.students.count()).toBe(0);
  });

  it('finds a name already in the class', async () => {
    const { user } = await setUp('CSV file');
    await pasteRoster(user, 'Ana Lopez');
    await user.click(screen.getByRole('radio', { name: 'CSV file' }));
    await user.upload(screen.getByLabelText('CSV file with a header row'), fileOf('Name\nBao Nguyen\n"Lopez, Ana"\n', 'c.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Line 3: Ana Lopez is already in this class.');
  });
});

describe('OneRoster import', { timeout: 30_000 }, () => {
  const files = () => [fileOf(fixture('users.csv'), 'users.csv'), fileOf(fixture('enrollments.csv'), 'enrollments.csv'), fileOf(fixture('classes.csv'), 'classes.csv')];

  it('imports the active students of the chosen class, and a re-import updates instead of duplicating', async () => {
    const { user } = await setUp('OneRoster files');
    await pasteRoster(user, 'Bao Nguyen');
    await user.click(screen.getByRole('radio', { name: 'OneRoster files' }));
    const input = () => screen.getByLabelText('OneRoster files: users.csv, enrollments.csv and classes.csv');
    await user.upload(input(), files());

    const group = await screen.findByRole('group', { name: /Which class.s students/ });
    expect(within(group).getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual([
      'ELA 7 - Period 3 (ELA7-3), period 3: 3 students',
      'ELA 7 - Period 5 (ELA7-5), period 5: 2 students',
      'Science 7, Period 1 (SCI7-1), period 1: 1 student',
    ]);
    await user.click(within(group).getByRole('radio', { name: /ELA 7 - Period 3/ }));
    expect(screen.getByText('1 enrolled student is not active in users.csv and will be left out.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add 3 students' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Added 2 students, updated 1 from ELA 7 - Period 3.');
    await waitFor(() => expect(names()).toEqual(['Bao Nguyen', 'Ana López', 'ليلى حداد']));
    expect((await db.students.toArray()).map((s) => s.sourceId).sort()).toEqual(['u-s1', 'u-s2', 'u-s3']);

    // The district renames a student; importing again updates her and adds no one.
    await user.upload(input(), [
      fileOf(fixture('users.csv').replace('Ana,López', 'Ana María,López'), 'users.csv'),
      fileOf(fixture('enrollments.csv'), 'enrollments.csv'),
      fileOf(fixture('classes.csv'), 'classes.csv'),
    ]);
    await user.click(await screen.findByRole('radio', { name: /ELA 7 - Period 3/ }));
    await user.click(screen.getByRole('button', { name: 'Add 3 students' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Added 0 students, updated 1, 2 already here from ELA 7 - Period 3.');
    await waitFor(() => expect(names()).toEqual(['Bao Nguyen', 'Ana María López', 'ليلى حداد']));
    expect(await db.students.count()).toBe(3);
  });

  it('can put the students into a new class named after the district class, in one go', async () => {
    const { user } = await setUp('OneRoster files');
    await user.upload(screen.getByLabelText('OneRoster files: users.csv, enrollments.csv and classes.csv'), files());
    await user.click(await screen.findByRole('radio', { name: /ELA 7 - Period 5/ }));
    await user.click(screen.getByRole('radio', { name: /A new class named after the district.s class \("ELA 7 - Period 5"\)/ }));
    await user.click(screen.getByRole('button', { name: 'Add 2 students' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Added 2 students to the new class ELA 7 - Period 5.');
    expect(await screen.findByRole('heading', { name: 'Students in ELA 7 - Period 5' })).toBeInTheDocument();
    await waitFor(() => expect(names()).toEqual(["Sam O'Connor-Okafor", 'Zoë Ødegård']));
    expect(within(screen.getByLabelText('Current class')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Room 12', 'ELA 7 - Period 5']);
    expect((await db.students.toArray()).map((s) => s.sourceId).sort()).toEqual(['u-s4', 'u-s6']);
  });

  it('refuses a missing file or column with a clear message and imports nothing', async () => {
    const { user } = await setUp('OneRoster files');
    const input = () => screen.getByLabelText('OneRoster files: users.csv, enrollments.csv and classes.csv');
    await user.upload(input(), files().slice(0, 2));
    expect(await screen.findByRole('alert')).toHaveTextContent('Nothing was imported. Choose classes.csv as well');
    await user.upload(input(), [fileOf(fixture('users.csv').replace('familyName', 'surname'), 'users.csv'), ...files().slice(1)]);
    expect(await screen.findByRole('alert')).toHaveTextContent('users.csv has no "familyName" column');
    expect(screen.queryByRole('group', { name: /Which class/ })).toBeNull();
    expect(await db.students.count()).toBe(0);
  });
});
