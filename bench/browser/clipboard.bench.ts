// The clipboard with a school year of data (35 students, 180 school days, ~60,000 marks, ~20,000 notes): a tap from
// the event to its transaction committed (through the real write path), and the real grid and student page
// rendered with React until their data shows. Seeding bulk-writes rows directly: it is a fixture, not a feature.
import { createElement, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter, Route, Routes } from 'react-router';
import { db } from '../../src/db/db';
import type { CirculateDb } from '../../src/db/schema';
import { repo } from '../../src/db/write';
import type { Mark, Note, Objective, Piece, Student } from '../../src/shared/records';
import { newId } from '../../src/domain/ids';
import { rebuildCells } from '../../src/db/cells';
import { rebuildGrowth } from '../../src/db/growth';
import { ChecklistGrid } from '../../src/features/clipboard/ChecklistGrid';
import { StudentPage } from '../../src/features/clipboard/StudentPage';
import { ToastProvider } from '../../src/features/clipboard/toast';
import { prng } from '../../tests/support/prng';
import { median, type Metrics } from '../types';

const STUDENTS = 35;
const DAYS = 180;
const MARKS_PER_DAY = 334;
const NOTES_PER_DAY = 111;
const PIECE_DAYS = 15;
const OBJECTIVES = 8;

/** The last DAYS weekdays up to today, each as its 9:00 local time. */
function schoolDays(): number[] {
  const out: number[] = [];
  const d = new Date();
  d.setHours(9, 0, 0, 0);
  while (out.length < DAYS) {
    if (d.getDay() !== 0 && d.getDay() !== 6) out.push(d.getTime());
    d.setDate(d.getDate() - 1);
  }
  return out.reverse();
}

const iso = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function seed(db: CirculateDb): Promise<{ classId: string; students: Student[]; piece: Piece; marks: number; notes: number }> {
  const rand = prng(42);
  const base = { deleted: false, _m: {} };
  const classId = newId();
  await db.classes.add({ id: classId, ...base, name: 'Room 12', grade: '4', archived: false, order: 0 });
  const students: Student[] = Array.from({ length: STUDENTS }, (_, i) => ({ id: newId(), ...base, classId, firstName: `First${i}`, lastName: `Last${i}`, order: i, archived: false, sourceId: null }));
  await db.students.bulkAdd(students);
  const days = schoolDays();
  const pieces: Piece[] = [];
  const objectives: Objective[][] = [];
  for (let p = 0; p * PIECE_DAYS < DAYS; p++) {
    const piece: Piece = { id: newId(), ...base, classId, title: `Piece ${p + 1}`, genre: 'narrative', startDate: iso(days[p * PIECE_DAYS]!), lensObjectiveId: null, archived: false };
    pieces.push(piece);
    objectives.push(Array.from({ length: OBJECTIVES }, (_, o) => ({ id: newId(), ...base, classId, pieceId: piece.id, text: `Objective ${o + 1} of piece ${p + 1}`, trait: 'Ideas', order: o })));
  }
  await db.pieces.bulkAdd(pieces);
  await db.objectives.bulkAdd(objectives.flat());
  let marks = 0;
  let notes = 0;
  const values: Mark['value'][] = ['x', 'check', 'check', null];
  for (const [d, day] of days.entries()) {
    const p = Math.min(pieces.length - 1, Math.floor(d / PIECE_DAYS));
    const piece = pieces[p]!;
    const objs = objectives[p]!;
    const dayMarks: Mark[] = [];
    for (let k = 0; k < MARKS_PER_DAY; k++) {
      const s = students[Math.floor(rand() * STUDENTS)]!;
      const at = day + Math.floor(rand() * 5 * 3600_000);
      const cell = { studentId: s.id, objectiveId: objs[Math.floor(rand() * OBJECTIVES)]!.id, value: values[Math.floor(rand() * values.length)]! };
      // One tap in fifty was undone (a tombstone).
      dayMarks.push({ id: newId(at), ...base, deleted: rand() < 0.02, classId, pieceId: piece.id, ...cell, at });
    }
    const dayNotes: Note[] = [];
    for (let k = 0; k < NOTES_PER_DAY; k++) {
      const s = students[Math.floor(rand() * STUDENTS)]!;
      dayNotes.push({
        id: newId(), ...base, classId, studentId: s.id, pieceId: piece.id, text: `Tried a new lead today; needs to narrow the focus (${k})`,
        objectiveIds: [objs[k % OBJECTIVES]!.id], context: 'independent', private: false, at: day + Math.floor(rand() * 5 * 3600_000),
        printedAt: null, photoId: null, groupSessionId: null, conferenceId: null,
      });
    }
    await db.marks.bulkAdd(dayMarks);
    await db.notes.bulkAdd(dayNotes);
    marks += dayMarks.length;
    notes += dayNotes.length;
  }
  // The taps went in around the write path, so the checklist's cells (and the growth timelines each tap keeps
  // current) are built from them as an upgrade would.
  await db.transaction('rw', db.marks, db.cells, () => rebuildCells(db.marks, db.cells));
  await db.transaction('rw', [db.pieces, db.objectives, db.cells, db.ratings, db.growth, db.growthKeys], () => rebuildGrowth(db));
  return { classId, students, piece: pieces[pieces.length - 1]!, marks, notes };
}

/** Mounts an element and resolves with the ms until `ready` holds for the container's DOM. */
function renderUntil(el: ReactElement, ready: (root: HTMLElement) => boolean): Promise<{ ms: number; unmount: () => void; host: HTMLElement }> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  return new Promise((resolve) => {
    const t0 = performance.now();
    const done = () => {
      const ms = performance.now() - t0;
      observer.disconnect();
      resolve({ ms, host, unmount: () => (root.unmount(), host.remove()) });
    };
    const observer = new MutationObserver(() => {
      if (ready(host)) done();
    });
    observer.observe(host, { childList: true, subtree: true, characterData: true, attributes: true });
    root.render(el);
  });
}

/** Resolves once the element's DOM has not changed for `ms`. */
function quiet(el: HTMLElement, ms: number): Promise<void> {
  return new Promise((resolve) => {
    let t = setTimeout(done, ms);
    const observer = new MutationObserver(() => {
      clearTimeout(t);
      t = setTimeout(done, ms);
    });
    function done() {
      observer.disconnect();
      resolve();
    }
    observer.observe(el, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export default async function (): Promise<Metrics> {
  // The app's own database and write path, as the screens use them; the bench page has its own origin, so this
  // database holds only the seed.
  await db.delete({ disableAutoOpen: false });
  await db.open();
  try {
    const { classId, students, piece, marks, notes } = await seed(db);
    await repo.session.ready();
    let onCommit: ((id: string) => void) | null = null;
    const grid = () =>
      createElement(MemoryRouter, null, createElement(ToastProvider, null, createElement(ChecklistGrid, { classId, pieceId: piece.id, lensObjectiveId: null, onNote: () => {}, onCommitted: (id: string) => onCommit?.(id) })));
    // Ready when every cell shows its state and every name its days since last observed.
    const gridReady = (h: HTMLElement) =>
      h.querySelectorAll('.clip-cell').length === STUDENTS * OBJECTIVES && h.querySelectorAll('.clip-cell.clip-x').length > 0 && h.querySelector('.clip-name.seen-today, .clip-name.seen-recent') !== null;

    // The grid: several fresh mounts; the first pays for cold caches and is reported separately.
    const gridTimes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await renderUntil(grid(), gridReady);
      gridTimes.push(r.ms);
      r.unmount();
      await pause(50);
    }

    // Taps on the mounted grid: event to committed transaction, through the real write path.
    const mounted = await renderUntil(grid(), gridReady);
    const tapTimes: number[] = [];
    const cells = [...mounted.host.querySelectorAll<HTMLButtonElement>('.clip-cell')];
    for (let i = 0; i < 45; i++) {
      const button = cells[(i * 37) % cells.length]!;
      const committed = new Promise<number>((resolve) => (onCommit = () => resolve(performance.now())));
      const t0 = performance.now();
      button.click();
      const t1 = await committed;
      if (i >= 5) tapTimes.push(t1 - t0);
      // Taps by a teacher walking the room are seconds apart: let the grid settle before the next one.
      await quiet(mounted.host, 400);
    }
    mounted.unmount();

    // The same write with no screen mounted: what the write path alone costs on this machine right now.
    const bare: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await repo.create('marks', { classId, pieceId: piece.id, studentId: students[0]!.id, objectiveId: 'bench', value: 'x', at: Date.now() });
      bare.push(performance.now() - t0);
    }

    // The student page for a student with a year of records.
    const student = students[3]!;
    const page = () =>
      createElement(
        MemoryRouter,
        { initialEntries: [`/clipboard/student/${student.id}`] },
        createElement(ToastProvider, null, createElement(Routes, null, createElement(Route, { path: '/clipboard/student/:studentId', element: createElement(StudentPage) }))),
      );
    const pageReady = (h: HTMLElement) => (h.querySelector('ol[aria-label="Timeline"]')?.children.length ?? 0) > 0 && h.textContent?.includes('Last observed') === true;
    const pageTimes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await renderUntil(page(), pageReady);
      pageTimes.push(r.ms);
      r.unmount();
      await pause(50);
    }

    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      'clipboard-tap-commit-median': { value: round(median(tapTimes)), unit: 'ms', budget: 16, note: `${tapTimes.length} taps; write path alone ${round(median(bare))} ms; ${marks} marks, ${notes} notes seeded` },
      'clipboard-grid-render': { value: round(median(gridTimes.slice(1))), unit: 'ms', budget: 100, note: `35 x 8, median of 5 mounts; first mount ${round(gridTimes[0]!)} ms` },
      'clipboard-student-page-render': { value: round(median(pageTimes.slice(1))), unit: 'ms', budget: 50, note: `median of 5 mounts; first mount ${round(pageTimes[0]!)} ms` },
    };
  } finally {
    await db.delete();
  }
}
