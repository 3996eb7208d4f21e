// TEMPORARY diagnostic (clipboard engineer): times each clipboard query on a seeded year. Deleted before report.
import { Dexie } from 'dexie';
import { createDb } from '../../src/db/schema';
import { pieceLatest, classStudents, lastSeen, pieceMarks, pieceObjectives, studentRecords } from '../../src/features/clipboard/queries';
import type { Metrics } from '../types';
import { seedForDiag } from './clipboard.bench';

export default async function (): Promise<Metrics> {
  await Dexie.delete('bench-clipdiag');
  const db = createDb('bench-clipdiag');
  await db.open();
  const { classId, students, piece } = await seedForDiag(db);
  const out: Metrics = {};
  const time = async (name: string, f: () => Promise<unknown>) => {
    const ts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      await f();
      ts.push(performance.now() - t0);
    }
    out[`diag-${name}`] = { value: Math.round(Math.min(...ts.slice(1))), unit: 'ms', note: ts.map(Math.round).join(',') };
  };
  await time('students', () => classStudents(db, classId));
  await time('objectives', () => pieceObjectives(db, piece.id));
  await time('pieceMarks', () => pieceMarks(db, piece.id));
  await time('nativeGetAll', () => new Promise((res) => { const tx = db.backendDB().transaction('marks', 'readonly'); const r = tx.objectStore('marks').index('[pieceId+at]').getAll(IDBKeyRange.bound([piece.id, -Infinity], [piece.id, Infinity])); r.onsuccess = () => res(r.result.length); }));
  await time('nativeGetAllKeys', () => new Promise((res) => { const tx = db.backendDB().transaction('marks', 'readonly'); const r = tx.objectStore('marks').index('[pieceId+at]').getAllKeys(IDBKeyRange.bound([piece.id, -Infinity], [piece.id, Infinity])); r.onsuccess = () => res(r.result.length); }));
  await time('pk5000', () => db.marks.limit(5000).toArray());
  await time('pieceLatest', () => pieceLatest(db, piece.id));
  await time('lastSeen', () => lastSeen(db, students.map((s) => s.id)));
  await time('lastSeen1', () => lastSeen(db, [students[0]!.id]));
  await time('marksRevFirst', () => db.marks.where('[studentId+at]').between([students[0]!.id, -Infinity], [students[0]!.id, Infinity]).reverse().first());
  await time('marksRevFilterFirst', () => db.marks.where('[studentId+at]').between([students[0]!.id, -Infinity], [students[0]!.id, Infinity]).reverse().filter((m) => !m.deleted).first());
  await time('studentRecords', () => studentRecords(db, students[0]!.id, { pieceId: null, objectiveId: null }, 41));
  await time('put', () => db.marks.put({ id: 'zz' + Math.random(), deleted: false, _m: {}, classId, pieceId: piece.id, studentId: students[0]!.id, objectiveId: 'o', value: 'x', at: Date.now() }));
  db.close();
  await Dexie.delete('bench-clipdiag');
  return out;
}
