// The growth screens through the real write path: checklist taps and ratings show on the heatmap and on a writer's
// chart and table, an undone rating leaves both, and "teach next" forms a group of exactly the writers it names.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { create, remove } from '../../../src/db/write';
import GrowthArea from '../../../src/features/growth/GrowthArea';
import { useSession } from '../../../src/session/sessionStore';
import { seedClass } from '../clipboard/fixtures';

const DAY = 86_400_000;

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/growth/*" element={<GrowthArea />} />
        <Route path="/groups" element={<p>Groups builder</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

async function seed() {
  const s = await seedClass();
  useSession.getState().setCurrentClass(s.classId);
  const cy = await create('students', { classId: s.classId, firstName: 'Cy', lastName: 'Park', order: 2, archived: false, sourceId: null });
  const now = Date.now();
  const tap = (studentId: string, objectiveId: string, value: 'x' | 'check', at: number, pieceId = s.pieceId) => create('marks', { classId: s.classId, pieceId, studentId, objectiveId, value, at });
  // An earlier piece: Ana was struggling with Ideas then.
  const earlier = await create('pieces', { classId: s.classId, title: 'Letters', genre: 'opinion', startDate: '2026-09-01', lensObjectiveId: null, archived: false });
  const focus = await create('objectives', { classId: s.classId, pieceId: earlier, text: 'Focuses on one clear topic', trait: 'Ideas', order: 0 });
  await tap(s.ana, focus, 'x', now - 40 * DAY, earlier);
  await tap(s.ana, s.details, 'check', now - 2 * DAY);
  await tap(s.bao, s.details, 'x', now - 3 * DAY);
  await tap(cy, s.details, 'x', now - 3 * DAY);
  await tap(s.ana, s.lead, 'x', now - DAY);
  return { ...s, cy, now };
}

describe('growth screens', { timeout: 30_000 }, () => {
  it('shows the class heatmap with trends and forms a group from "what to teach next"', async () => {
    const user = userEvent.setup();
    const s = await seed();
    renderAt('/growth');
    expect(await screen.findByRole('heading', { name: 'What to teach next: Ideas' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ana Lopez, Ideas: Secure, up' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bao Nguyen, Ideas: Beginning, new' })).toBeInTheDocument();
    const names = within(screen.getByRole('list', { name: 'Writers who need Ideas' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(names).toEqual(['Bao Nguyen', 'Cy Park']);

    await user.click(screen.getByRole('button', { name: 'Bao Nguyen, Ideas: Beginning, new' }));
    expect(await screen.findByRole('heading', { name: 'Bao Nguyen: Ideas' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Form a group of these 2' }));
    expect(await screen.findByText('Groups builder')).toBeInTheDocument();
    const groups = (await db.groups.toArray()).filter((g) => !g.deleted && !g.dissolved);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ memberIds: [s.bao, s.cy], kind: 'needs', teachingPoint: 'Ideas' });
  });

  it('charts a writer\'s trait with a table of the same data, and rates it in one tap', async () => {
    const user = userEvent.setup();
    const s = await seed();
    renderAt(`/growth/student/${s.bao}`);
    const ideas = await screen.findByRole('region', { name: /^Ideas/ });
    expect(within(ideas).getByRole('img', { name: /Ideas: 1 piece of evidence, latest Beginning/ })).toBeInTheDocument();
    await user.click(within(ideas).getByRole('button', { name: 'Developing' }));
    await waitFor(() => expect(within(ideas).getByRole('img', { name: /Ideas: 2 pieces of evidence, latest Developing/ })).toBeInTheDocument());
    const rows = within(within(ideas).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual(['Beginning', 'Developing']);
    expect(within(ideas).getByRole('button', { name: 'Developing' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(ideas).getByRole('button', { name: 'Evidence (2)' }));
    await user.click(within(ideas).getByRole('button', { name: 'Remove this rating' }));
    await waitFor(() => expect(within(ideas).getByRole('img', { name: /Ideas: 1 piece of evidence, latest Beginning/ })).toBeInTheDocument());
    const rating = (await db.ratings.toArray())[0]!;
    expect(rating.deleted).toBe(true);
    await remove('marks', (await db.marks.where('studentId').equals(s.bao).toArray()).map((m) => m.id)[0]!);
    expect(await screen.findByText(/No evidence yet/)).toBeInTheDocument();
  });
});
