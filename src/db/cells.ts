// The checklist's projection: each cell's latest live tap (or none), kept in the same transaction as the taps it
// comes from, so the grid reads one row per cell instead of a piece's thousands of taps. Device-only: it is derived,
// never synced or backed up, and can always be rebuilt from the marks (rebuildCells).
import { cellKey, foldTaps, latestMarks } from '../domain/marks';
import { request } from './idb';
import type { EntityTable } from 'dexie';
import type { Mark, MarkValue } from '../shared/records';

export interface Cell {
  /** pieceId|studentId|objectiveId */
  id: string;
  pieceId: string;
  studentId: string;
  objectiveId: string;
  markId: string;
  value: MarkValue;
  at: number;
}

type CellTap = Pick<Mark, 'pieceId' | 'studentId' | 'objectiveId' | 'value' | 'at' | 'deleted' | 'id'>;

/** The reads and writes refreshCells needs, over either write route's transaction. */
export interface CellStore {
  get(ids: readonly string[]): PromiseLike<(Cell | undefined)[]>;
  /** When the piece's first tap was made (undefined if it has none). */
  pieceStart(pieceId: string): PromiseLike<number | undefined>;
  /** The student's taps (live or not, on any objective) made from `from` to `to`, inclusive. */
  studentTaps(studentId: string, from: number, to: number): PromiseLike<CellTap[]>;
  put(cells: readonly Cell[]): PromiseLike<unknown>;
  remove(ids: readonly string[]): PromiseLike<unknown>;
}

export function cellId(m: Pick<Mark, 'pieceId' | 'studentId' | 'objectiveId'>): string {
  return `${m.pieceId}|${m.studentId}|${m.objectiveId}`;
}

/** A cell as the tap it holds. */
export function cellTap(c: Cell): CellTap {
  return { id: c.markId, pieceId: c.pieceId, studentId: c.studentId, objectiveId: c.objectiveId, value: c.value, at: c.at, deleted: false };
}

function toCell(m: CellTap): Cell {
  return { id: cellId(m), pieceId: m.pieceId, studentId: m.studentId, objectiveId: m.objectiveId, markId: m.id, value: m.value, at: m.at };
}

/** A cell as it was and as it is after a write (undefined: no cell). */
export interface CellChange {
  before: Cell | undefined;
  after: Cell | undefined;
}

/**
 * Brings the cells of these just-written taps up to date, and returns the cells that changed. `before` holds each
 * tap as it was (undefined if new): a tap moved to another cell, which the app never does but a merge could, has its
 * old cell worked out again.
 */
export async function refreshCells(store: CellStore, written: readonly CellTap[], before: readonly (CellTap | undefined)[] = []): Promise<CellChange[]> {
  const byCell = new Map<string, { key: CellTap; taps: CellTap[] }>();
  const redo = new Map<string, CellTap>();
  written.forEach((m, i) => {
    const id = cellId(m);
    const entry = byCell.get(id);
    if (entry) entry.taps.push(m);
    else byCell.set(id, { key: m, taps: [m] });
    const old = before[i];
    if (old && cellId(old) !== id) redo.set(cellId(old), old);
  });
  const ids = [...new Set([...byCell.keys(), ...redo.keys()])];
  const headList = await store.get(ids);
  const heads = new Map(ids.map((id, i) => [id, headList[i]]));
  const puts: Cell[] = [];
  const gone: string[] = [];
  for (const [id, { key, taps }] of byCell) {
    const head = heads.get(id);
    const next = foldTaps(head && cellTap(head), taps);
    if (next === 'recompute') redo.set(id, key);
    else if (!next) gone.push(id);
    else if (!head || head.markId !== next.id || head.value !== next.value || head.at !== next.at) puts.push(toCell(next));
  }
  for (const [id, key] of redo) {
    // The cell's taps all lie in the student's taps since the piece's first tap: a piece's span, not a year.
    const start = await store.pieceStart(key.pieceId);
    const span = start === undefined ? [] : await store.studentTaps(key.studentId, start, Infinity);
    const taps = span.filter((t) => t.pieceId === key.pieceId && t.objectiveId === key.objectiveId);
    const latest = latestMarks(taps).get(cellKey(key.studentId, key.objectiveId));
    if (latest) puts.push(toCell(latest));
    else gone.push(id);
  }
  if (puts.length) await store.put(puts);
  if (gone.length) await store.remove(gone);
  // Puts land before deletes, so a cell in both ends deleted.
  const after = new Map<string, Cell | undefined>(puts.map((c) => [c.id, c]));
  for (const id of gone) after.set(id, undefined);
  return [...after].filter(([id, c]) => c !== heads.get(id)).map(([id, c]) => ({ before: heads.get(id), after: c }));
}

/** The two tables dexieCells uses; named here, not as CirculateDb, because the schema imports this file. */
interface CellTables {
  cells: EntityTable<Cell, 'id'>;
  marks: EntityTable<Mark, 'id'>;
}

/** Over a Dexie transaction (transact, pulls, restores): Dexie promises only, so the transaction's zone holds. */
export function dexieCells(db: CellTables): CellStore {
  return {
    get: (ids) => db.cells.bulkGet([...ids]),
    pieceStart: (pieceId) => db.marks.where('[pieceId+at]').between([pieceId, -Infinity], [pieceId, Infinity]).first((m) => m?.at),
    studentTaps: (studentId, from, to) => db.marks.where('[studentId+at]').between([studentId, from], [studentId, to], true, true).toArray(),
    put: (cells) => db.cells.bulkPut([...cells]),
    remove: (ids) => db.cells.bulkDelete([...ids]),
  };
}

/** Over a plain IndexedDB transaction holding the marks and cells stores (the single-write route). */
export function rawCells(trans: IDBTransaction): CellStore {
  const cells = trans.objectStore('cells');
  const marks = trans.objectStore('marks');
  return {
    get: (ids) => Promise.all(ids.map((id) => request<Cell | undefined>(cells.get(id)))),
    pieceStart: (pieceId) =>
      request<IDBCursor | null>(marks.index('[pieceId+at]').openKeyCursor(IDBKeyRange.bound([pieceId, -Infinity], [pieceId, Infinity]))).then((c) => (c ? (c.key as [string, number])[1] : undefined)),
    studentTaps: (studentId, from, to) => request<CellTap[]>(marks.index('[studentId+at]').getAll(IDBKeyRange.bound([studentId, from], [studentId, to]))),
    // Writes are not awaited: the caller commits right after, and a failed write aborts the whole transaction.
    put: (rows) => Promise.resolve(rows.forEach((c) => cells.put(c))),
    remove: (ids) => Promise.resolve(ids.forEach((id) => cells.delete(id))),
  };
}

/** Every cell from every tap, in one pass over the marks (the schema upgrade, and fixtures that bulk-load taps). */
export async function rebuildCells(marks: { each(cb: (m: CellTap) => void): PromiseLike<unknown> }, cells: { clear(): PromiseLike<unknown>; bulkPut(rows: Cell[]): PromiseLike<unknown> }): Promise<void> {
  const latest = new Map<string, CellTap>();
  await marks.each((m) => {
    const id = cellId(m);
    const next = foldTaps(latest.get(id), [m]);
    if (next && next !== 'recompute') latest.set(id, next);
  });
  await cells.clear();
  await cells.bulkPut([...latest.values()].map(toCell));
}
