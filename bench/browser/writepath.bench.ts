// The write path (one note and its outbox entry, stamped, in one transaction) against a raw IndexedDB put of the
// same record in its own transaction: the cost of never losing a change to sync, as a ratio.
import { Dexie } from 'dexie';
import { createDb } from '../../src/db/schema';
import { Repo } from '../../src/db/repo';
import { median, type Metrics } from '../types';

const ROUNDS = 60;
const WARMUP = 5;
const BATCH = 10;

function note(i: number) {
  return {
    classId: 'c1', studentId: `s${i % 30}`, pieceId: null, text: `Adds relevant details to the middle of the story, note ${i}`,
    objectiveIds: ['o1'], context: 'independent' as const, private: false, at: Date.now(), printedAt: null, photoId: null,
    groupSessionId: null, conferenceId: null,
  };
}

/** A raw IndexedDB store shaped like the app's notes table (same key and indexes), so the records cost the same to store. */
function openRaw(name: string, indexes: { name: string; keyPath: string | string[] }[]): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore('notes', { keyPath: 'id' });
      for (const i of indexes) store.createIndex(i.name, i.keyPath);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function rawPut(idb: IDBDatabase, rec: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction('notes', 'readwrite');
    tx.objectStore('notes').put(rec);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

export default async function (): Promise<Metrics> {
  await Dexie.delete('bench-raw-idb');
  await Dexie.delete('bench-writepath');
  const db = createDb('bench-writepath');
  await db.open();
  const indexes = db.notes.schema.indexes.map((i) => ({ name: i.name, keyPath: i.keyPath as string | string[] }));
  const idb = await openRaw('bench-raw-idb', indexes);
  const repo = new Repo(db);
  await repo.session.ready();

  // Interleaved batches, so both paths see the same machine load and the timer's 0.1 ms grain is spread over
  // ten writes; the first rounds warm the JIT and are dropped.
  const raw: number[] = [];
  const wp: number[] = [];
  let i = 0;
  for (let round = 0; round < ROUNDS + WARMUP; round++) {
    let t0 = performance.now();
    for (let k = 0; k < BATCH; k++, i++) await rawPut(idb, { id: `n${i}`, ...note(i), deleted: false, _m: {} });
    const r = (performance.now() - t0) / BATCH;
    t0 = performance.now();
    for (let k = 0; k < BATCH; k++) await repo.create('notes', note(i + k));
    const w = (performance.now() - t0) / BATCH;
    if (round >= WARMUP) {
      raw.push(r);
      wp.push(w);
    }
  }
  if ((await db.outbox.count()) !== (ROUNDS + WARMUP) * BATCH) throw new Error('outbox entries missing');
  idb.close();
  db.close();
  await Dexie.delete('bench-raw-idb');
  await Dexie.delete('bench-writepath');
  const rawMs = median(raw);
  const wpMs = median(wp);
  return {
    'write-path-median': { value: +wpMs.toFixed(3), unit: 'ms', note: 'one note + outbox entry, one transaction' },
    'raw-idb-put-median': { value: +rawMs.toFixed(3), unit: 'ms', note: 'baseline: raw IndexedDB put, same store shape' },
    'write-path-vs-raw-idb': { value: +(wpMs / rawMs).toFixed(2), unit: 'x', budget: 2, note: 'ratio to the raw put' },
  };
}
