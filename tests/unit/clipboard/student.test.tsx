// The student page: marks, notes, conferences, group sessions and goals in one newest-first timeline, filterable by
// piece and objective, with the days since last observed and the needs still open.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { create, remove } from '../../../src/db/write';
import { StudentPage } from '../../../src/features/clipboard/StudentPage';
import { ToastProvider } from '../../../src/features/clipboard/toast';
import { buildTimeline } from '../../../src/features/clipboard/timeline';
import { seedClass } from './fixtures';

const DAY = 86_400_000;

function renderPage(studentId: string) {
  return render(
    <MemoryRouter initialEntries={[`/clipboard/student/${studentId}`]}>
      <ToastProvider>
        <Routes>
          <Route path="/clipboard/student/:studentId" element={<StudentPage />} />
        </Routes>
      </ToastProvider>
    </MemoryRouter>,
  );
}

describe('student page', { timeout: 30_000 }, () => {
  it('shows everything about the student in time order, and filters by piece and objective', async () => {
    const user = userEvent.setup();
    const s = await seedClass();
    const now = Date.now();
    const other = await create('pieces', { classId: s.classId, title: 'All about owls', genre: 'informational', startDate: '2026-09-01', lensObjectiveId: null, archived: false });
    const owlObj = await create('objectives', { classId: s.classId, pieceId: other, text: 'Uses headings', trait: 'Structure', order: 0 });
    const mark = (objectiveId: string, pieceId: string, value: 'x' | 'check', at: number) => create('marks', { classId: s.classId, pieceId, studentId: s.ana, objectiveId, value, at });
    await mark(owlObj, other, 'x', now - 30 * DAY);
    await mark(s.details, s.pieceId, 'x', now - 3 * DAY);
    const undone = await mark(s.lead, s.pieceId, 'x', now - 2 * DAY);
    await remove('marks', undone);
    await create('notes', { classId: s.classId, studentId: s.ana, pieceId: s.pieceId, text: 'Zoomed in on the bike crash', objectiveIds: [s.details], context: 'independent', private: false, at: now - 2 * DAY, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null });
    await create('notes', { classId: s.classId, studentId: s.bao, pieceId: s.pieceId, text: 'Not about Ana', objectiveIds: [], context: null, private: false, at: now, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null });
    const conference = await create('conferences', { classId: s.classId, studentId: s.ana, kind: 'teacher', partnerId: null, pieceId: s.pieceId, objectiveId: s.details, strengths: 'Strong verbs', trait: 'Word Choice', nextStep: 'Add a detail to the middle', at: now - 2 * DAY + 1000, minutes: 4, goalId: null });
    const group = await create('groups', { classId: s.classId, pieceId: s.pieceId, name: 'Detail detectives', kind: 'needs', focusObjectiveId: s.details, memberIds: [s.ana], teachingPoint: '', plannedMinutes: 8, schedule: [], dissolved: false, order: 0 });
    await create('groupSessions', { classId: s.classId, groupId: group, focusObjectiveId: s.details, attendeeIds: [s.ana, s.bao], at: now - 1 * DAY, minutes: 7 });
    await create('goals', { classId: s.classId, studentId: s.ana, text: 'Use dialogue in every story', setAt: now - 5 * DAY, conferenceId: null, closedAt: null });

    renderPage(s.ana);
    expect(await screen.findByRole('heading', { name: 'Ana Lopez', level: 1 })).toBeInTheDocument();
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    await waitFor(() => expect(within(timeline).getByText(/Group: Detail detectives/)).toBeInTheDocument());
    const text = timeline.textContent ?? '';
    const order = ['Group: Detail detectives', 'Strong verbs', 'Zoomed in on the bike crash', 'Adds relevant details: needs support', 'Goal set', 'Uses headings: needs support'].map((t) => text.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('Not about Ana');
    expect(text).not.toContain('Has an inviting beginning'); // the undone tap
    expect(screen.getByText(/Last observed: seen 2 days ago/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Confer' })).toHaveAttribute('href', `/conferences/new/${s.ana}`);
    // The conference's entry leads back to its log.
    expect(within(timeline).getByRole('link', { name: 'Open conference' })).toHaveAttribute('href', `/conferences/${conference}`);
    const needs = await screen.findByRole('region', { name: /Needs support now/ });
    expect(needs).toHaveTextContent('Adds relevant details');

    await user.selectOptions(screen.getByLabelText('Piece'), 'All about owls');
    await waitFor(() => expect(timeline.textContent).not.toContain('Zoomed in'));
    expect(timeline).toHaveTextContent('Uses headings: needs support');

    await user.selectOptions(screen.getByLabelText('Piece'), 'Small moment');
    await user.selectOptions(screen.getByLabelText('Objective'), 'Adds relevant details');
    await waitFor(() => expect(timeline.textContent).toContain('Zoomed in on the bike crash'));
    expect(timeline.textContent).not.toContain('Uses headings');
    expect(timeline.textContent).not.toContain('Goal set');
  });

  it('says when the student has never been observed', async () => {
    const s = await seedClass();
    renderPage(s.bao);
    expect(await screen.findByText(/Last observed: not observed yet/)).toBeInTheDocument();
    expect(await screen.findByText('Nothing recorded yet.')).toBeInTheDocument();
  });
});

describe('buildTimeline', () => {
  it('keeps the newest items across kinds and says whether older ones exist', () => {
    const mk = (id: string, at: number) => ({ id, at }) as never;
    const r = buildTimeline({ marks: [mk('m1', 5), mk('m2', 1)], notes: [mk('n1', 4)], conferences: [], sessions: [mk('g1', 3)], goals: [{ id: 'go', setAt: 2 } as never], goalChecks: [] }, 3);
    expect(r.items.map((i) => i.id)).toEqual(['m1', 'n1', 'g1']);
    expect(r.more).toBe(true);
    expect(buildTimeline({ marks: [], notes: [], conferences: [], sessions: [], goals: [], goalChecks: [] }, 3)).toEqual({ items: [], more: false });
  });
});
