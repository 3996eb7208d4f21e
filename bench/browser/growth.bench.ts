// Growth with a school year of data (35 students, 180 days, ~60,000 marks over 10 traits, ratings from conferences)
// and a 150-student middle-school class: the class heatmap and a writer's growth view rendered with React until
// their data shows. Seeding bulk-writes rows directly (then builds the derived tables): it is a fixture, not a feature.
import { createElement, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter, Route, Routes } from 'react-router';
import { db } from '../../src/db/db';
import { rebuildCells } from '../../src/db/cells';
import { rebuildGrowth } from '../../src/db/growth';
import { repo } from '../../src/db/write';
import { newId } from '../../src/domain/ids';
import type { Mark, Objective, Piece, Rating, Student } from '../../src/shared/records';
import { ClassGrowthScreen } from '../../src/features/growth/ClassGrowthScreen';
import { StudentGrowthScreen } from '../../src/features/growth/StudentGrowthScreen';
import { readClassGrowth, TRAIT_ORDER } from '../../src/features/growth/reads';
import { useSession } from '../../src/session/sessionStore';
import { prng } from '../../tests/support/prng';
import { median, type Metrics } from '../types';

const DAY = 86_400_000;
const base = { deleted: false, _m: {} };

async function seedClass(students: number, marksPerDay: number, rand: () => number): Promise<{ classId: string; ids: string[]; marks: number }> {
  const classId = newId();
  await db.classes.add({ id: classId, ...base, name: `Class ${students}`, grade: '4', archived: false, order: 0 });
  const rows: Student[] = Array.from({ length: students }, (_, i) => ({ id: newId(), ...base, classId, firstName: `First${i}`, lastName: `Last${i}`, order: i, archived: false, sourceId: null }));
  await db.students.bulkAdd(rows);
  const traits = TRAIT_ORDER.slice(0, 10);
  const start = Date.now() - 250 * DAY;
  let marks = 0;
  for (let p = 0; p < 12; p++) {
    const pieceAt = start + p * 20 * DAY;
    const piece: Piece = { id: newId(), ...base, classId, title: `Piece ${p + 1}`, genre: 'narrative', startDate: '2026-01-01', lensObjectiveId: null, archived: false };
    const objs: Objective[] = traits.map((trait, o) => ({ id: newId(), ...base, classId, pieceId: piece.id, text: `${trait} ${p}`, trait, order: o }));
    await db.pieces.add(piece);
    await db.objectives.bulkAdd(objs);
    const batch: Mark[] = [];
    for (let d = 0; d < 15; d++) {
      for (let k = 0; k < marksPerDay; k++) {
        const at = pieceAt + d * DAY + Math.floor(rand() * 5 * 3600_000);
        batch.push({ id: newId(at), ...base, classId, pieceId: piece.id, studentId: rows[Math.floor(rand() * students)]!.id, objectiveId: objs[Math.floor(rand() * objs.length)]!.id, value: rand() < 0.35 ? 'x' : 'check', at });
      }
    }
    await db.marks.bulkAdd(batch);
    marks += batch.length;
  }
  const ratings: Rating[] = rows.flatMap((s) => Array.from({ length: 20 }, () => {
    const at = start + Math.floor(rand() * 250 * DAY);
    return { id: newId(at), ...base, classId, studentId: s.id, trait: traits[Math.floor(rand() * traits.length)]!, level: Math.floor(rand() * 4), at, pieceId: null, conferenceId: null };
  }));
  await db.ratings.bulkAdd(ratings);
  return { classId, ids: rows.map((s) => s.id), marks };
}

function renderUntil(el: ReactElement, ready: (root: HTMLElement) => boolean): Promise<{ ms: number; unmount: () => void }> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  return new Promise((resolve) => {
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (!ready(host)) return;
      const ms = performance.now() - t0;
      observer.disconnect();
      resolve({ ms, unmount: () => (root.unmount(), host.remove()) });
    });
    observer.observe(host, { childList: true, subtree: true, characterData: true, attributes: true });
    root.render(el);
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number) => Math.round(x * 10) / 10;

async function times(el: () => ReactElement, ready: (h: HTMLElement) => boolean): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < 6; i++) {
    const r = await renderUntil(el(), ready);
    out.push(r.ms);
    r.unmount();
    await pause(50);
  }
  return out;
}

export default async function (): Promise<Metrics> {
  await db.delete({ disableAutoOpen: false });
  await db.open();
  try {
    const rand = prng(15);
    // 35 writers over 180 days (12 pieces of 15 days, 334 taps a day) ~ 60,000 marks; the 150-writer class as many.
    const small = await seedClass(35, 334, rand);
    const big = await seedClass(150, 334, rand);
    await db.transaction('rw', db.marks, db.cells, () => rebuildCells(db.marks, db.cells));
    // The device-only tables the write path keeps, built as the schema upgrade builds them.
    await db.transaction('rw', [db.pieces, db.objectives, db.cells, db.ratings, db.growth, db.growthKeys], () => rebuildGrowth(db));
    await repo.session.ready();
    // The read and derivations alone, no React: which half of a render is the data.
    const reads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await readClassGrowth(big.classId, Date.now());
      reads.push(performance.now() - t0);
    }
    const heat = (classId: string) => () => createElement(MemoryRouter, null, createElement(ClassGrowthScreen, { classId }));
    const heatReady = (n: number) => (h: HTMLElement) => h.querySelectorAll('.growth-heat tbody tr').length === n;
    const small35 = await times(heat(small.classId), heatReady(35));
    const big150 = await times(heat(big.classId), heatReady(150));
    useSession.getState().setCurrentClass(small.classId);
    const student = small.ids[3]!;
    const view = () =>
      createElement(MemoryRouter, { initialEntries: [`/growth/student/${student}`] }, createElement(Routes, null, createElement(Route, { path: '/growth/student/:studentId', element: createElement(StudentGrowthScreen) })));
    const viewTimes = await times(view, (h) => h.querySelectorAll('svg.growth-chart').length >= 5);
    return {
      'growth-heatmap-render': { value: round(median(small35.slice(1))), unit: 'ms', budget: 100, note: `35 writers, ${small.marks} marks; first mount ${round(small35[0]!)} ms, fastest ${round(Math.min(...small35.slice(1)))} ms` },
      'growth-heatmap-render-150': { value: round(median(big150.slice(1))), unit: 'ms', budget: 100, note: `150 writers, ${big.marks} marks; first mount ${round(big150[0]!)} ms, fastest ${round(Math.min(...big150.slice(1)))} ms` },
      'growth-class-read-150': { value: round(median(reads)), unit: 'ms', note: 'readClassGrowth alone for the 150-writer class' },
      'growth-student-view-render': { value: round(median(viewTimes.slice(1))), unit: 'ms', budget: 100, note: `one writer's year, charts and tables; first mount ${round(viewTimes[0]!)} ms` },
    };
  } finally {
    db.close();
    await db.delete();
  }
}
