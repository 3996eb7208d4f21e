// "What to teach next" through the real groups builder: one tap forms a needs group of exactly the writers it names
// (taking them out of a group they were in, leaving the others there), and "plan a mini lesson" opens the trait's
// goals, strategies and prompts.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { create } from '../../../src/db/write';
import GroupsArea from '../../../src/features/groups/GroupsArea';
import GrowthArea from '../../../src/features/growth/GrowthArea';
import { useSession } from '../../../src/session/sessionStore';
import { seedClass } from '../clipboard/fixtures';

const DAY = 86_400_000;

async function seed() {
  const s = await seedClass();
  useSession.getState().setCurrentClass(s.classId);
  const cy = await create('students', { classId: s.classId, firstName: 'Cy', lastName: 'Park', order: 2, archived: false, sourceId: null });
  const dee = await create('students', { classId: s.classId, firstName: 'Dee', lastName: 'Ross', order: 3, archived: false, sourceId: null });
  const now = Date.now();
  const tap = (studentId: string, value: 'x' | 'check') => create('marks', { classId: s.classId, pieceId: s.pieceId, studentId, objectiveId: s.details, value, at: now - DAY });
  await tap(s.ana, 'check');
  await tap(s.bao, 'x');
  await tap(cy, 'x');
  await tap(dee, 'check');
  // Bao and Dee already sit together in Oak.
  await create('groups', {
    classId: s.classId, pieceId: null, name: 'Oak', kind: 'table', focusObjectiveId: null, memberIds: [s.bao, dee], teachingPoint: '',
    plannedMinutes: 3, schedule: [], dissolved: false, order: 0, lockedIds: [s.bao],
  });
  return s;
}

function renderApp(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/growth/*" element={<GrowthArea />} />
        <Route path="/groups/*" element={<GroupsArea />} />
      </Routes>
    </MemoryRouter>,
  );
}

const memberNames = (group: string) =>
  within(screen.getByRole('list', { name: `Members of ${group}` }))
    .queryAllByRole('button', { name: /^(?!Lock)/ })
    .map((b) => b.textContent);

describe('what to teach next', { timeout: 30_000 }, () => {
  it('forms a needs group in the builder of exactly the writers it names', async () => {
    const user = userEvent.setup();
    await seed();
    renderApp('/growth');
    const names = within(await screen.findByRole('list', { name: 'Writers who need Ideas' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(names).toEqual(['Bao Nguyen', 'Cy Park']);
    await user.click(screen.getByRole('button', { name: 'Form a group of these 2' }));

    // The first free name of the builder's list.
    const formed = 'Maple';
    expect(await screen.findByRole('region', { name: formed })).toBeInTheDocument();
    expect(memberNames(formed)).toEqual(['Bao Nguyen', 'Cy Park']);
    expect(within(screen.getByRole('region', { name: formed })).getByText(/^Needs group, \d+ min/)).toBeInTheDocument();
    // Bao left Oak (and its lock); Dee stays there; Ana writes on her own.
    expect(memberNames('Oak')).toEqual(['Dee Ross']);
    expect(within(screen.getByRole('list', { name: 'Independent writers' })).getByRole('button', { name: 'Ana Lopez' })).toBeInTheDocument();
  });

  it('plans a mini lesson: the trait\'s goals with their strategies and prompts', async () => {
    const user = userEvent.setup();
    await seed();
    renderApp('/growth');
    await user.click(await screen.findByRole('button', { name: 'Plan a mini lesson on Ideas' }));
    expect(await screen.findByRole('heading', { name: 'Goals and strategies', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Trait' })).toHaveValue('Ideas');
    const cards = screen.getAllByRole('listitem').filter((li) => li.classList.contains('card'));
    expect(cards.length).toBeGreaterThan(0);
    expect(within(cards[0]!).getByText('Strategies to teach')).toBeInTheDocument();
  });
});
