// The print screens with real data through the write path: choosing notes, the preview, start at label N,
// confirming the sheet (which marks notes printed), calibration kept on this device, summaries and group cards.
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, Routes } from 'react-router';
import { db } from '../../../src/db/db';
import { getLocal } from '../../../src/db/local';
import { create } from '../../../src/db/write';
import type { Fields } from '../../../src/shared/records';
import PrintArea from '../../../src/features/print/PrintArea';
import { addStudents, createClass } from '../../../src/features/roster/rosterActions';
import { useSession } from '../../../src/session/sessionStore';

configure({ asyncUtilTimeout: 5000 });

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await new Promise((r) => setTimeout(r, 30));
  await db.transaction('r', db.tables, () => Promise.resolve());
});

let printSpy: ReturnType<typeof vi.fn>;
beforeEach(() => {
  printSpy = vi.fn();
  window.print = printSpy as unknown as typeof window.print;
});

async function makeClass() {
  const classId = await createClass('Room 12');
  useSession.getState().setCurrentClass(classId);
  const [ana = '', bao = '', cy = ''] = await addStudents(classId, [
    { firstName: 'Ana', lastName: 'Lopez' },
    { firstName: 'Bao', lastName: 'Nguyen' },
    { firstName: 'Cy', lastName: 'Young' },
  ]);
  return { classId, ana, bao, cy };
}

function note(classId: string, studentId: string, text: string, extra: Partial<Fields<'notes'>> = {}): Promise<string> {
  return create('notes', { classId, studentId, pieceId: null, text, objectiveIds: [], context: null, private: false, at: Date.now(), printedAt: null, photoId: null, groupSessionId: null, conferenceId: null, ...extra });
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/print/*" element={<PrintArea />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('notes on labels', { timeout: 30_000 }, () => {
  it('lays unprinted notes out by student, and marks them printed only when the teacher says the sheet came out right', async () => {
    const { classId, ana, bao } = await makeClass();
    await note(classId, bao, 'Bao rushes endings.');
    await note(classId, ana, 'Ana uses dialogue well.');
    await note(classId, ana, 'Already on paper.', { printedAt: 1 });
    const user = userEvent.setup();
    renderAt('/print/labels');
    expect(await screen.findByText('2 notes on 2 labels, 1 sheet.')).toBeInTheDocument();
    const preview = screen.getByRole('region', { name: 'Preview of the label sheets' });
    const labels = preview.querySelectorAll('.print-label:not(.print-label-used)');
    expect([...labels].map((l) => l.textContent)).toEqual([expect.stringMatching(/^Ana Lopez · .*Ana uses dialogue well\.$/), expect.stringMatching(/^Bao Nguyen · .*Bao rushes endings\.$/)]);
    expect(within(preview).queryByText('Already on paper.')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Print labels' }));
    expect(printSpy).toHaveBeenCalledTimes(1);
    const confirm = screen.getByRole('group', { name: 'Did the sheet come out right?' });
    await user.click(within(confirm).getByRole('button', { name: 'No, print again later' }));
    expect(screen.getByText(/Nothing was marked as printed/)).toBeInTheDocument();
    expect((await db.notes.toArray()).filter((n) => n.printedAt === null)).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Print labels' }));
    await user.click(screen.getByRole('button', { name: 'Yes, mark them printed' }));
    expect(await screen.findByText('Marked 2 notes as printed.')).toBeInTheDocument();
    const all = await db.notes.toArray();
    expect(all.every((n) => n.printedAt !== null)).toBe(true);
    // Through the write path: the change is stamped and waiting in the outbox to sync.
    expect((await db.outbox.toArray()).filter((e) => 'printedAt' in e.fields && e.fields.printedAt !== null)).toHaveLength(3);
    expect(await screen.findByText('No notes match: choose other notes above.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Print labels' })).toBeDisabled();
  });

  it('chooses one student, a date range (with a clear message for a backwards range), or the whole class', async () => {
    const { classId, ana, bao } = await makeClass();
    const day = (d: string) => new Date(`${d}T10:00:00`).getTime();
    await note(classId, ana, 'Old one', { at: day('2026-09-01') });
    await note(classId, bao, 'Newer', { at: day('2026-10-01') });
    const user = userEvent.setup();
    renderAt('/print/labels');
    await screen.findByText('2 notes on 2 labels, 1 sheet.');
    await user.click(screen.getByRole('radio', { name: 'One student' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Student' }), 'Bao Nguyen');
    expect(await screen.findByText('1 note on 1 label, 1 sheet.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Between two dates' }));
    const first = screen.getByLabelText('First day');
    const last = screen.getByLabelText('Last day');
    await user.clear(first);
    await user.type(first, '2026-10-05');
    await user.clear(last);
    await user.type(last, '2026-09-01');
    expect(screen.getByRole('alert')).toHaveTextContent('The first day is after the last day: swap them.');
    expect(screen.getByRole('button', { name: 'Print labels' })).toBeDisabled();
    await user.clear(first);
    await user.type(first, '2026-08-30');
    expect(await screen.findByText('1 note on 1 label, 1 sheet.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Today' }));
    expect(await screen.findByText('No notes match: choose other notes above.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'All of the class' }));
    expect(await screen.findByText('2 notes on 2 labels, 1 sheet.')).toBeInTheDocument();
  });

  it('starts at label N: the used labels show blank, and a long note continues on the next label marked (cont.)', async () => {
    const { classId, ana, bao } = await makeClass();
    await note(classId, ana, Array.from({ length: 60 }, (_, i) => `observation${i}`).join(' '));
    await note(classId, bao, 'Short.');
    const user = userEvent.setup();
    renderAt('/print/labels');
    await screen.findByText(/2 notes on \d labels/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Start at label' }), '29');
    const preview = screen.getByRole('region', { name: 'Preview of the label sheets' });
    await waitFor(() => expect(preview.querySelectorAll('.print-label-used')).toHaveLength(28));
    const continued = screen.getByRole('list', { name: 'Notes that continue on a second label' });
    expect(continued).toHaveTextContent(/Ana Lopez · .*continues on \d labels, marked “\(cont\.\)”/);
    expect(within(preview).getAllByText(/Ana Lopez · .* \(cont\.\)/).length).toBeGreaterThan(0);
    // Label 29 and 30 on the first sheet, the rest on a second sheet.
    expect(screen.getAllByRole('group', { name: /^Sheet \d of 2$/ })).toHaveLength(2);
    const firstSheet = screen.getByRole('group', { name: 'Sheet 1 of 2' });
    expect([...firstSheet.querySelectorAll('[data-label]')].map((l) => l.getAttribute('data-label'))).toEqual(['29', '30']);
  });

  it('switches to the A4 sheet, keeps printer offsets on this device, and prints an alignment test', async () => {
    await makeClass();
    const user = userEvent.setup();
    renderAt('/print/labels');
    await user.click(await screen.findByRole('radio', { name: /Avery L7160/ }));
    await waitFor(async () => expect(await getLocal('print.sheet')).toBe('avery-l7160'));
    expect(within(screen.getByRole('combobox', { name: 'Start at label' })).getAllByRole('option')).toHaveLength(21);
    await user.click(screen.getByRole('button', { name: 'Move right' }));
    await user.click(screen.getByRole('button', { name: 'Move right' }));
    await user.click(screen.getByRole('button', { name: 'Move up' }));
    expect(await screen.findByText('Labels shifted 1 mm right, 0.5 mm up.')).toBeInTheDocument();
    expect(await getLocal('print.offset.avery-l7160')).toEqual({ x: 1, y: -0.5 });
    await user.click(screen.getByRole('button', { name: 'Print alignment test' }));
    expect(printSpy).toHaveBeenCalledTimes(1);
    expect(document.querySelector('.print-labels')?.getAttribute('data-job')).toBe('alignment');
    // No notes were printed, so nothing asks to mark them.
    expect(screen.queryByRole('group', { name: 'Did the sheet come out right?' })).toBeNull();
    window.dispatchEvent(new Event('afterprint'));
    await waitFor(() => expect(document.querySelector('.print-labels')?.getAttribute('data-job')).toBe('labels'));
    await user.click(screen.getByRole('button', { name: 'Reset alignment' }));
    expect(await screen.findByText(/no shift right or left, no shift down or up/)).toBeInTheDocument();
  });
});

describe('student summaries and group cards', { timeout: 30_000 }, () => {
  it("prints a page per student holding only that student's records", async () => {
    const { classId, ana, bao, cy } = await makeClass();
    await note(classId, ana, 'Ana note one');
    await note(classId, bao, 'Bao note one');
    await note(classId, bao, 'Bao secret', { private: true });
    await create('goals', { classId, studentId: bao, text: 'Use paragraphs', setAt: Date.now(), conferenceId: null, closedAt: null });
    await create('conferences', { classId, studentId: ana, kind: 'teacher', partnerId: null, pieceId: null, objectiveId: null, strengths: 'Strong verbs', trait: 'Word Choice', nextStep: 'Add setting', at: Date.now(), minutes: 4, goalId: null });
    await create('groups', { classId, pieceId: null, name: 'Leads', kind: 'needs', focusObjectiveId: null, memberIds: [ana, cy], teachingPoint: 'Start with action', plannedMinutes: 8, schedule: [], dissolved: false, order: 0 });
    const user = userEvent.setup();
    renderAt('/print');
    await waitFor(() => expect(screen.getByRole('link', { name: 'Notes on labels' })).toHaveAttribute('aria-current', 'page'));
    await user.click(screen.getByRole('link', { name: 'Student summaries' }));
    expect(screen.getByRole('link', { name: 'Student summaries' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByText('3 pages, one per student.')).toBeInTheDocument();
    const pages = screen.getAllByRole('article');
    expect(pages.map((p) => p.getAttribute('aria-label'))).toEqual(['Summary for Ana Lopez', 'Summary for Bao Nguyen', 'Summary for Cy Young']);
    const [a, b, c] = pages as [HTMLElement, HTMLElement, HTMLElement];
    expect(a).toHaveTextContent('Ana note one');
    expect(a).toHaveTextContent('Strong verbs');
    expect(a).toHaveTextContent('Leads');
    expect(a).not.toHaveTextContent('Bao');
    expect(b).toHaveTextContent('Bao note one');
    expect(b).toHaveTextContent('Use paragraphs');
    expect(b).not.toHaveTextContent('Bao secret');
    expect(b).not.toHaveTextContent('Ana');
    expect(c).toHaveTextContent('Leads');
    expect(c).not.toHaveTextContent(/note one/);
    await user.click(screen.getByRole('checkbox', { name: 'Include private notes' }));
    expect(await within(screen.getByRole('article', { name: 'Summary for Bao Nguyen' })).findByText('Bao secret')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Students' }), 'Cy Young');
    expect(await screen.findByText('1 page, one per student.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Print summaries' }));
    expect(printSpy).toHaveBeenCalledTimes(1);
  });

  it('prints group cards two to a page with members, focus and teaching point', async () => {
    const { classId, ana, bao, cy } = await makeClass();
    const piece = await create('pieces', { classId, title: 'Memoir', genre: 'narrative', startDate: '2026-11-01', lensObjectiveId: null, archived: false });
    const obj = await create('objectives', { classId, pieceId: piece, text: 'Hooks the reader', trait: 'Ideas', order: 0 });
    const g = (name: string, memberIds: string[], order: number, dissolved = false) =>
      create('groups', { classId, pieceId: piece, name, kind: 'needs', focusObjectiveId: obj, memberIds, teachingPoint: `Teach ${name}`, plannedMinutes: 8, schedule: [], dissolved, order });
    await g('Leads', [ana, bao], 0);
    await g('Endings', [cy], 1);
    await g('Commas', [bao], 2);
    await g('Old', [ana], 3, true);
    const user = userEvent.setup();
    renderAt('/print/cards');
    expect(await screen.findByText('3 cards on 2 pages, two to a page.')).toBeInTheDocument();
    const cards = screen.getAllByRole('article');
    expect(cards.map((c) => c.getAttribute('aria-label'))).toEqual(['Card for Leads', 'Card for Endings', 'Card for Commas']);
    expect(cards[0]).toHaveTextContent(/Focus\s*Hooks the reader/);
    expect(cards[0]).toHaveTextContent('Teach Leads');
    expect(within(cards[0]!).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Ana Lopez', 'Bao Nguyen']);
    await user.click(screen.getByRole('radio', { name: 'A4' }));
    await waitFor(async () => expect(await getLocal('print.paper')).toBe('a4'));
    await user.click(screen.getByRole('button', { name: 'Print group cards' }));
    expect(printSpy).toHaveBeenCalledTimes(1);
  });
});
