// The builder and the table screen against a real (in-memory) database: suggestions from marks, tap-to-move,
// locks honoured on a new suggestion, undo, keep-apart input, and "Done" recording the session with members' notes.
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { create } from '../../../src/db/write';
import { Builder } from '../../../src/features/groups/Builder';
import { RunGroup } from '../../../src/features/groups/RunGroup';

// Live queries on the in-memory IndexedDB can take a while on a busy machine.
configure({ asyncUtilTimeout: 5000 });

interface Seeded {
  classId: string;
  ids: Record<string, string>;
  objectives: Record<string, string>;
}

async function seed(needs: Record<string, string[]>): Promise<Seeded> {
  const classId = await create('classes', { name: 'Room 12', grade: '3', archived: false, order: 0 });
  const pieceId = await create('pieces', { classId, title: 'Small moments', genre: 'narrative', startDate: '2026-11-02', lensObjectiveId: null, archived: false });
  const objectives: Record<string, string> = {};
  for (const [i, text] of ['Adds details', 'Uses dialogue', 'Ending'].entries()) {
    objectives[text] = await create('objectives', { classId, pieceId, text, trait: null, order: i });
  }
  const ids: Record<string, string> = {};
  let order = 0;
  for (const [full, list] of Object.entries(needs)) {
    const [firstName = '', lastName = ''] = full.split(' ');
    const id = await create('students', { classId, firstName, lastName, order: order++, archived: false, sourceId: null });
    ids[full] = id;
    for (const o of list) await create('marks', { classId, pieceId, studentId: id, objectiveId: objectives[o]!, value: 'x', at: Date.now() });
  }
  return { classId, ids, objectives };
}

function renderAt(path: string, classId: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/groups" element={<Builder classId={classId} />} />
        <Route path="/groups/run/:groupId" element={<RunGroup />} />
      </Routes>
    </MemoryRouter>,
  );
}

async function liveGroups(classId: string) {
  return (await db.groups.where('classId').equals(classId).toArray()).filter((g) => !g.deleted && !g.dissolved);
}

describe('group builder', { timeout: 20_000 }, () => {
  it('suggests groups from open needs, moves a student by tap, and keeps a locked student on a new suggestion', async () => {
    const user = userEvent.setup();
    const { classId, ids } = await seed({
      'Ana Lopez': ['Adds details'],
      'Bao Nguyen': ['Adds details', 'Ending'],
      'Cy Diaz': ['Adds details'],
      'Dee Park': ['Uses dialogue'],
      'Eli Ford': ['Uses dialogue'],
      'Fay Wu': ['Ending'],
      'Gus Hill': [],
    });
    renderAt('/groups', classId);
    await user.click(await screen.findByRole('button', { name: 'Suggest groups' }));
    await screen.findByText(/Groups suggested: 2 groups, 5 students placed, 1 conference suggested\./, { selector: '.groups-status' });
    const maple = await screen.findByRole('region', { name: 'Maple' });
    expect(within(within(maple).getByRole('list', { name: 'Members of Maple' })).getAllByRole('button', { pressed: false }).map((b) => b.textContent)).toEqual(['Ana Lopez', 'Lock', 'Bao Nguyen', 'Lock', 'Cy Diaz', 'Lock']);
    expect(within(maple).getByText(/Needs group, 8 min · Adds details/)).toBeInTheDocument();
    const cedar = screen.getByRole('region', { name: 'Cedar' });
    expect(within(cedar).getAllByRole('button', { name: /^(Dee Park|Eli Ford)$/ })).toHaveLength(2);
    // Fay alone with "Ending": a conference instead.
    expect(within(screen.getByRole('region', { name: 'Confer instead' })).getByText('Fay Wu: Ending')).toBeInTheDocument();

    // Tap-to-move: select Gus, then "Move Gus Hill here" on Cedar.
    const indep = screen.getByRole('region', { name: 'Independent writing' });
    await user.click(within(indep).getByRole('button', { name: 'Gus Hill' }));
    expect(within(indep).getByRole('button', { name: 'Gus Hill' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(indep).queryByRole('button', { name: 'Move Gus Hill here' })).toBeNull();
    await user.click(within(cedar).getByRole('button', { name: 'Move Gus Hill here' }));
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Cedar' })).getByRole('button', { name: 'Gus Hill' })).toBeInTheDocument());
    expect(screen.getByText('Gus Hill moved to Cedar.')).toBeInTheDocument();

    // Lock Gus in Cedar; a new suggestion keeps him there and refills Cedar for its focus.
    await user.click(within(screen.getByRole('region', { name: 'Cedar' })).getByRole('button', { name: 'Lock Gus Hill' }));
    await waitFor(async () => expect((await liveGroups(classId)).find((g) => g.name === 'Cedar')?.lockedIds).toEqual([ids['Gus Hill']]));
    await user.click(screen.getByRole('button', { name: 'Suggest groups' }));
    await waitFor(async () => {
      const groups = await liveGroups(classId);
      const cedarRow = groups.find((g) => g.memberIds.includes(ids['Gus Hill']!));
      expect(cedarRow?.name).toBe('Cedar');
      expect(cedarRow?.memberIds).toEqual(expect.arrayContaining([ids['Dee Park'], ids['Eli Ford']]));
      expect(groups).toHaveLength(2);
    });
    // Every student in at most one group.
    const all = (await liveGroups(classId)).flatMap((g) => g.memberIds);
    expect(new Set(all).size).toBe(all.length);

    // Undo brings back what was there before the second suggestion.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await liveGroups(classId)).map((g) => g.name).sort()).toEqual(['Cedar', 'Maple']));
  });

  it('refuses a keep-apart pair of one student, and never suggests a kept-apart pair together', async () => {
    const user = userEvent.setup();
    const { classId, ids } = await seed({ 'Ana Lopez': ['Adds details'], 'Bao Nguyen': ['Adds details'], 'Cy Diaz': ['Adds details'], 'Dee Park': ['Adds details'] });
    renderAt('/groups', classId);
    await user.click(await screen.findByText('Keep apart (0)'));
    await user.selectOptions(screen.getByLabelText('First student'), 'Ana Lopez');
    await user.selectOptions(screen.getByLabelText('Second student'), 'Ana Lopez');
    await user.click(screen.getByRole('button', { name: 'Keep apart' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose two different students.');
    expect(await db.keepApart.count()).toBe(0);
    await user.selectOptions(screen.getByLabelText('Second student'), 'Bao Nguyen');
    await user.click(screen.getByRole('button', { name: 'Keep apart' }));
    await screen.findByText('Ana Lopez and Bao Nguyen');
    await user.click(screen.getByRole('button', { name: 'Suggest groups' }));
    await waitFor(async () => expect((await liveGroups(classId)).length).toBeGreaterThan(0));
    for (const g of await liveGroups(classId)) expect(g.memberIds.includes(ids['Ana Lopez']!) && g.memberIds.includes(ids['Bao Nguyen']!)).toBe(false);
  });

  it('runs a group: notes per member, who came, and Done records the session and ends the group', async () => {
    const user = userEvent.setup();
    const { classId, ids, objectives } = await seed({ 'Ana Lopez': ['Adds details'], 'Bao Nguyen': ['Adds details'], 'Cy Diaz': ['Adds details'] });
    const groupId = await create('groups', {
      classId,
      pieceId: null,
      name: 'Maple',
      kind: 'needs',
      focusObjectiveId: objectives['Adds details']!,
      memberIds: [ids['Ana Lopez']!, ids['Bao Nguyen']!, ids['Cy Diaz']!],
      teachingPoint: '',
      plannedMinutes: 6,
      schedule: [],
      dissolved: false,
      order: 0,
      lockedIds: [],
    });
    renderAt(`/groups/run/${groupId}`, classId);
    expect(await screen.findByRole('heading', { name: 'Maple', level: 1 })).toBeInTheDocument();
    expect(screen.getByText(/Adds details · Needs group, 6 min/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start 6 min' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add note for Ana Lopez' }));
    await user.type(await screen.findByLabelText('Note for Ana Lopez'), 'Added a sensory detail.');
    await user.click(screen.getByRole('button', { name: 'Add note for Bao Nguyen' }));
    await screen.findByLabelText('Note for Bao Nguyen');
    await user.click(screen.getByRole('checkbox', { name: 'Came: Cy Diaz' }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Came: Cy Diaz' })).not.toBeChecked());
    await user.click(screen.getByRole('button', { name: 'Done: record the session' }));
    await waitFor(async () => expect(await db.groupSessions.count()).toBe(1));
    const session = (await db.groupSessions.toArray())[0]!;
    expect(session.attendeeIds).toEqual([ids['Ana Lopez'], ids['Bao Nguyen']]);
    expect(session.minutes).toBe(6);
    expect(session.focusObjectiveId).toBe(objectives['Adds details']);
    const notes = (await db.notes.toArray()).filter((n) => !n.deleted);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ studentId: ids['Ana Lopez'], text: 'Added a sensory detail.', context: 'guided-group', groupSessionId: session.id });
    expect((await db.groups.get(groupId))?.dissolved).toBe(true);
    // Back on the builder, with what was recorded; Ana writes on her own again.
    expect(await screen.findByText('Maple: session recorded for 2 students; back to independent writing.')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Independent writing' })).getByRole('button', { name: 'Ana Lopez' })).toBeInTheDocument();
  });
});

describe('group settings', { timeout: 20_000 }, () => {
  it('creates, renames, changes kind, focus, minutes and schedule, and dissolves a group', async () => {
    const user = userEvent.setup();
    const { classId, ids, objectives } = await seed({ 'Ana Lopez': [], 'Bao Nguyen': [] });
    renderAt('/groups', classId);
    await user.click(await screen.findByRole('button', { name: 'Ana Lopez' }));
    await user.click(screen.getByRole('button', { name: 'New group' }));
    const maple = await screen.findByRole('region', { name: 'Maple' });
    await waitFor(() => expect(within(maple).getByRole('button', { name: 'Ana Lopez' })).toBeInTheDocument());
    await user.click(within(maple).getByText('Settings'));
    const name = within(maple).getByLabelText('Group name');
    await user.clear(name);
    expect(within(maple).getByRole('alert')).toHaveTextContent('Type a name for the group');
    await user.type(name, 'Dialogue crew');
    await user.tab();
    const crew = await screen.findByRole('region', { name: 'Dialogue crew' });
    await user.selectOptions(within(crew).getByLabelText('Kind'), 'table');
    await user.selectOptions(within(crew).getByLabelText('Focus'), 'Uses dialogue');
    await waitFor(async () => {
      const g = (await liveGroups(classId))[0]!;
      expect(g).toMatchObject({ name: 'Dialogue crew', kind: 'table', plannedMinutes: 4, focusObjectiveId: objectives['Uses dialogue'], memberIds: [ids['Ana Lopez']] });
    });
    expect(within(crew).getAllByRole('option', { name: /min$/ }).map((o) => o.textContent)).toEqual(['1 min', '2 min', '3 min', '4 min']);
    await user.selectOptions(within(crew).getByLabelText('Planned minutes'), '2');
    await user.selectOptions(within(crew).getByLabelText('Kind'), 'intervention');
    await user.click(await within(crew).findByRole('checkbox', { name: 'Mon' }));
    await user.click(within(crew).getByRole('checkbox', { name: 'Thu' }));
    await waitFor(() => expect(within(crew).getByText('2 times a week: Mon, Thu')).toBeInTheDocument());
    expect(within(crew).getByText(/Intervention group, 5 min \(2 times a week: Mon, Thu\)/)).toBeInTheDocument();
    expect(within(crew).getByText('Intervention groups need at least 2 students.')).toBeInTheDocument();
    await user.click(within(crew).getByRole('button', { name: 'Dissolve Dialogue crew' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Dialogue crew' })).toBeNull());
    expect(within(screen.getByRole('region', { name: 'Independent writing' })).getByRole('button', { name: 'Ana Lopez' })).toBeInTheDocument();
    expect(await liveGroups(classId)).toEqual([]);
  });
});
