// The clipboard with a school year of data (35 students, 180 school days, ~60,000 marks, ~20,000 notes): a tap from
// the event to its transaction committed (through the real write path), and the real grid and student page
// rendered with React until their data shows. Seeding bulk-writes rows directly: it is a fixture, not a feature.
import { Dexie } from 'dexie';
import { createElement, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Repo } from '../../src/db/repo';
import { createDb, type CirculateDb } from '../../src/db/schema';
import type { Mark, Note, Objective, Piece, Student } from '../../src/db/types';
import { newId } from '../../src/domain/ids';
import { tapId } from '../../src/domain/marks';
import { ChecklistGrid } from '../../src/features/clipboard/ChecklistGrid';
import { ClipboardDataContext, type ClipboardData } from '../../src/features/clipboard/dataContext';
import { StudentPage } from '../../src/features/clipboard/StudentPage';
import { ToastProvider } from '../../src/features/clipboard/toast';
import { median, type Metrics } from '../types';
import * as Q from '../../src/features/clipboard/queries';

const NAME = 'bench-clipperfscratch';
const STUDENTS = 35;
const DAYS = 180;
const MARKS_PER_DAY = 334;
const NOTES_PER_DAY = 111;
const PIECE_DAYS = 15;
const OBJECTIVES = 8;

/** A small deterministic generator, so every run seeds the same year. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

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
  const rand = rng(42);
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
      // Ids as the app writes them (see tapId); one tap in fifty was undone (a tombstone).
      dayMarks.push({ id: tapId(newId(at), cell)!, ...base, deleted: rand() < 0.02, classId, pieceId: piece.id, ...cell, at });
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
  await Dexie.delete(NAME);
  const db = createDb(NAME);
  await db.open();
  const out: Metrics = {};
  try {
    const { classId, students, piece } = await seed(db);
    const student = students[3]!;
    const ids = students.map((s) => s.id);
    const T = async (name: string, f: () => Promise<unknown>) => {
      const ts: number[] = [];
      for (let i = 0; i < 5; i++) { const t0 = performance.now(); await f(); ts.push(performance.now() - t0); }
      out[`scratch-${name}`] = { value: Math.round(median(ts) * 10) / 10, unit: 'ms' };
    };
    await T('pieceKeys', () => db.marks.where('[pieceId+at]').between([piece.id, -Infinity], [piece.id, Infinity]).primaryKeys());
    await T('pieceLatest', () => Q.pieceLatest(db, piece.id));
    await T('classStudents', () => Q.classStudents(db, classId));
    await T('pieceObjectives', () => Q.pieceObjectives(db, piece.id));
    await T('lastSeen-all-one-call', () => Q.lastSeen(db, ids));
    await T('lastSeen-35-calls', () => Promise.all(ids.map((id) => Q.lastSeen(db, [id]))));
    await T('lastSeen-1', () => Q.lastSeen(db, [student.id]));
    await T('studentRecords', () => Q.studentRecords(db, student.id, { pieceId: null, objectiveId: null }, 41));
    await T('classPieces', () => Q.classPieces(db, classId, true));
    await T('classObjectives', () => Q.classObjectives(db, classId));
    await T('studentMarksSince', () => Q.studentMarksSince(db, student.id, Date.now() - 21 * 86400_000));
    await T('student-get', () => db.students.get(student.id));
  } finally {
    db.close();
    await Dexie.delete(NAME);
  }
  return out;
}
