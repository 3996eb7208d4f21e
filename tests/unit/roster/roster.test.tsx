// The Roster area as a teacher uses it: classes made, renamed, archived and restored; students pasted, renamed,
// moved and archived, with names shown exactly as typed.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { renderRoster } from './helpers';

async function addClass(user: ReturnType<typeof renderRoster>['user'], name: string) {
  await user.type(screen.getByLabelText('New class name'), name);
  await user.click(screen.getByRole('button', { name: 'Add class' }));
  await screen.findByRole('heading', { name: `Students in ${name}` });
}

async function paste(user: ReturnType<typeof renderRoster>['user'], text: string) {
  const box = screen.getByLabelText('Paste student names, one per line');
  await user.clear(box);
  await user.click(box);
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Add students' }));
}

const names = () => within(screen.getByRole('list', { name: 'Students' })).getAllByRole('listitem').map((li) => li.querySelector('.roster-name')?.textContent);

describe('Roster', { timeout: 30_000 }, () => {
  it('shows a duplicate and a missing first name for fixing, saves nothing, then saves the fixed list', async () => {
    const { user } = renderRoster();
    await addClass(user, 'Room 12');
    await paste(user, 'Ana Lopez\n\nLopez,\nBao Nguyen\nana lopez');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was added');
    expect(alert).toHaveTextContent('Line 3: "Lopez" has no first name');
    expect(alert).toHaveTextContent('Line 5: ana lopez is already on line 1');
    expect(await db.students.count()).toBe(0);

    await paste(user, 'Ana Lopez\n\nNguyen, Bao');
    expect(await screen.findByRole('status')).toHaveTextContent('Added 2 students.');
    await waitFor(() => expect(names()).toEqual(['Ana Lopez', 'Bao Nguyen']));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows names with markup, right-to-left script, accents and emoji exactly as typed', async () => {
    const { user, container } = renderRoster();
    await addClass(user, 'Room 12');
    await paste(user, '<b>Sam</b> Lee\nليلى حداد\nZoë 🌟 Ødegård');
    await waitFor(() => expect(names()).toEqual(['<b>Sam</b> Lee', 'ليلى حداد', 'Zoë 🌟 Ødegård']));
    expect(container.querySelector('.roster-students b')).toBeNull();
    expect(screen.getByRole('button', { name: 'Archive <b>Sam</b> Lee' })).toBeInTheDocument();
  });

  it('renames, reorders, archives and restores students, keeping their records', async () => {
    const { user } = renderRoster();
    await addClass(user, 'Room 12');
    await paste(user, 'Ana Lopez\nBao Nguyen\nCy Tran');
    await waitFor(() => expect(names()).toEqual(['Ana Lopez', 'Bao Nguyen', 'Cy Tran']));

    expect(screen.getByRole('button', { name: 'Move Ana Lopez up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Cy Tran down' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Move Cy Tran up' }));
    await waitFor(() => expect(names()).toEqual(['Ana Lopez', 'Cy Tran', 'Bao Nguyen']));
    await user.click(screen.getByRole('button', { name: 'Move Ana Lopez down' }));
    await waitFor(() => expect(names()).toEqual(['Cy Tran', 'Ana Lopez', 'Bao Nguyen']));

    await user.click(screen.getByRole('button', { name: 'Rename Bao Nguyen' }));
    const form = screen.getByRole('form', { name: 'Rename Bao Nguyen' });
    const first = within(form).getByLabelText('First name');
    await user.clear(first);
    await user.click(within(form).getByRole('button', { name: 'Done' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('First name cannot be blank.');
    await user.type(first, 'Bảo');
    await user.type(within(form).getByLabelText('Last name'), '{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}Nguyễn{Enter}');
    await waitFor(() => expect(names()).toEqual(['Cy Tran', 'Ana Lopez', 'Bảo Nguyễn']));

    const ana = (await db.students.toArray()).find((s) => s.firstName === 'Ana')!;
    await user.click(screen.getByRole('button', { name: 'Archive Ana Lopez' }));
    await waitFor(() => expect(names()).toEqual(['Cy Tran', 'Bảo Nguyễn']));
    const archived = screen.getByRole('list', { name: 'Archived students' });
    expect(within(archived).getByText('Ana Lopez')).toBeInTheDocument();
    expect((await db.students.get(ana.id))).toMatchObject({ archived: true, deleted: false });

    await user.click(screen.getByRole('button', { name: 'Restore Ana Lopez' }));
    await waitFor(() => expect(names()).toContain('Ana Lopez'));
    expect(screen.queryByRole('list', { name: 'Archived students' })).toBeNull();
  });

  it('renames a class, archives it out of the switcher, and restores it', async () => {
    const { user } = renderRoster();
    await addClass(user, 'Room 12');
    await addClass(user, 'Period 3');
    const switcher = screen.getByLabelText('Current class');
    expect(within(switcher).getAllByRole('option').map((o) => o.textContent)).toEqual(['Room 12', 'Period 3']);

    await user.click(screen.getByRole('button', { name: 'Rename Room 12' }));
    const field = screen.getByLabelText('Class name');
    await user.clear(field);
    await user.type(field, 'Room 14{Enter}');
    await waitFor(() => expect(within(switcher).getAllByRole('option').map((o) => o.textContent)).toEqual(['Room 14', 'Period 3']));

    await user.click(screen.getByRole('button', { name: 'Archive Period 3' }));
    await waitFor(() => expect(within(switcher).getAllByRole('option').map((o) => o.textContent)).toEqual(['Room 14']));
    expect(within(screen.getByRole('list', { name: 'Archived classes' })).getByText('Period 3')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Students in Room 14' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Restore Period 3' }));
    await waitFor(() => expect(within(screen.getByLabelText('Current class')).getAllByRole('option')).toHaveLength(2));
  });

  it('refuses a blank class name', async () => {
    const { user } = renderRoster();
    await user.click(screen.getByRole('button', { name: 'Add class' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Type a name for the class.');
    expect(await db.classes.count()).toBe(0);
  });
});
