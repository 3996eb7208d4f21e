// The continuum's projection for the class heatmap: per class and writer, their evidence (the checklist cells'
// latest taps, live ratings) as a timeline of columns (src/domain/growthTimeline.ts), kept in the same transaction as
// every write to the marks, ratings, objectives and pieces it comes from. Device-only: never synced or backed up, and
// rebuilt from the stored records on the schema-8 upgrade (rebuildGrowth).
import { cellEntry, cellScope, changeTimeline, ratingEntry, timelineOf, type KeyedTimeline, type TimelineEntry } from '../domain/growthTimeline';
import { traitOf } from '../domain/growth';
import type { Objective, Piece, Rating } from '../shared/records';
import type { Cell } from './cells';

/** What the heatmap reads: one row per class and writer, numbers in typed arrays so a class reads in a few ms. */
export interface GrowthRow {
  classId: string;
  studentId: string;
  traits: string[];
  at: Float64Array;
  level: Uint8Array;
  trait: Uint16Array;
}

/** The same row's entry keys, apart, because only keeping the row current needs them (strings cost the read). */
export interface GrowthKeys {
  classId: string;
  studentId: string;
  keys: string[];
}

export type GrowthTable = 'growth' | 'growthKeys';

/** The reads and writes keeping the rows current needs, over either write route's transaction. */
export interface GrowthStore {
  pieces(ids: readonly string[]): PromiseLike<(Piece | undefined)[]>;
  objectives(ids: readonly string[]): PromiseLike<(Objective | undefined)[]>;
  rows(keys: readonly [string, string][]): PromiseLike<[(GrowthRow | undefined)[], (GrowthKeys | undefined)[]]>;
  cellsBy(index: 'pieceId' | 'objectiveId', id: string): PromiseLike<Cell[]>;
  put(rows: readonly GrowthRow[], keys: readonly GrowthKeys[]): PromiseLike<unknown>;
  remove(keys: readonly [string, string][]): PromiseLike<unknown>;
}

/** A change to one writer's timeline in one class: an entry out (by key), an entry in. */
interface Delta {
  classId: string;
  studentId: string;
  out?: string;
  in?: TimelineEntry;
}

function stored(classId: string, studentId: string, t: KeyedTimeline): [GrowthRow, GrowthKeys] {
  return [
    { classId, studentId, traits: [...t.traits], at: Float64Array.from(t.at), level: Uint8Array.from(t.level), trait: Uint16Array.from(t.trait) },
    { classId, studentId, keys: [...t.keys] },
  ];
}

async function apply(store: GrowthStore, deltas: readonly Delta[]): Promise<void> {
  const byRow = new Map<string, { key: [string, string]; out: string[]; in: TimelineEntry[] }>();
  for (const d of deltas) {
    const k = JSON.stringify([d.classId, d.studentId]);
    const row = byRow.get(k) ?? { key: [d.classId, d.studentId], out: [], in: [] };
    if (d.out) row.out.push(d.out);
    if (d.in) row.in.push(d.in);
    byRow.set(k, row);
  }
  if (byRow.size === 0) return;
  const list = [...byRow.values()];
  const [rows, keys] = await store.rows(list.map((r) => r.key));
  const puts: [GrowthRow, GrowthKeys][] = [];
  const gone: [string, string][] = [];
  list.forEach((r, i) => {
    const row = rows[i];
    const was = row && keys[i] ? { ...row, keys: keys[i].keys } : undefined;
    const next = changeTimeline(was, r.out, r.in);
    if (next.keys.length === 0) {
      if (was) gone.push(r.key);
    } else puts.push(stored(r.key[0], r.key[1], next));
  });
  if (puts.length) await store.put(puts.map((p) => p[0]), puts.map((p) => p[1]));
  if (gone.length) await store.remove(gone);
}

/** After the checklist's cells changed (refreshCells' answer): each cell's old tap out, its new one in. */
export async function growthAfterCells(store: GrowthStore, changes: readonly { before: Cell | undefined; after: Cell | undefined }[]): Promise<void> {
  if (changes.length === 0) return;
  const cells = changes.map((c) => (c.after ?? c.before)!);
  const [pieces, objectives] = await Promise.all([store.pieces([...new Set(cells.map((c) => c.pieceId))]), store.objectives([...new Set(cells.map((c) => c.objectiveId))])]);
  const pieceOf = new Map(pieces.filter((p) => !!p).map((p) => [p.id, p]));
  const objectiveOf = new Map(objectives.filter((o) => !!o).map((o) => [o.id, o]));
  const deltas: Delta[] = [];
  changes.forEach((c, i) => {
    const cell = cells[i]!;
    const scope = cellScope(pieceOf.get(cell.pieceId), objectiveOf.get(cell.objectiveId));
    if (!scope) return;
    const out = c.before && cellEntry(c.before, scope.trait);
    const into = c.after && cellEntry(c.after, scope.trait);
    if (out || into) deltas.push({ classId: scope.classId, studentId: cell.studentId, out: out ? `m${out.id}` : undefined, in: into ?? undefined });
  });
  await apply(store, deltas);
}

/** After ratings were written: each rating's old evidence out of its old row, its new evidence into its row. */
export function growthAfterRatings(store: GrowthStore, rows: readonly Rating[], before: readonly (Rating | undefined)[]): Promise<void> {
  const deltas: Delta[] = [];
  rows.forEach((r, i) => {
    const b = before[i];
    const was = b && ratingEntry(b);
    if (b && was) deltas.push({ classId: b.classId, studentId: b.studentId, out: `r${b.id}` });
    const now = ratingEntry(r);
    if (now) deltas.push({ classId: r.classId, studentId: r.studentId, in: now });
  });
  return apply(store, deltas);
}

type Scope = { classId: string; trait: string } | null;
const sameScope = (a: Scope, b: Scope) => a?.classId === b?.classId && a?.trait === b?.trait;
const objectiveScope = (o: Objective | undefined): Scope => (o && !o.deleted ? { classId: o.classId, trait: traitOf(o) } : null);

/** Each cell's evidence moved from its scope before to its scope after (an objective or piece that changed). */
function moved(cells: readonly Cell[], before: (c: Cell) => Scope, after: (c: Cell) => Scope): Delta[] {
  const out: Delta[] = [];
  for (const c of cells) {
    const [b, a] = [before(c), after(c)];
    if (sameScope(b, a)) continue;
    const entryB = b && cellEntry(c, b.trait);
    const entryA = a && cellEntry(c, a.trait);
    if (b && entryB) out.push({ classId: b.classId, studentId: c.studentId, out: `m${entryB.id}` });
    if (a && entryA) out.push({ classId: a.classId, studentId: c.studentId, in: entryA });
  }
  return out;
}

/** After objectives were written: one whose class, trait or deletion changed moves its cells' evidence. */
export async function growthAfterObjectives(store: GrowthStore, rows: readonly Objective[], before: readonly (Objective | undefined)[]): Promise<void> {
  const deltas: Delta[] = [];
  for (const [i, o] of rows.entries()) {
    const b = before[i];
    if (sameScope(objectiveScope(b), objectiveScope(o))) continue;
    const cells = await store.cellsBy('objectiveId', o.id);
    const pieces = await store.pieces([...new Set(cells.map((c) => c.pieceId))]);
    const pieceOf = new Map(pieces.filter((p) => !!p).map((p) => [p.id, p]));
    deltas.push(...moved(cells, (c) => cellScope(pieceOf.get(c.pieceId), b), (c) => cellScope(pieceOf.get(c.pieceId), o)));
  }
  await apply(store, deltas);
}

/** After pieces were written: one whose class or deletion changed moves its cells' evidence. */
export async function growthAfterPieces(store: GrowthStore, rows: readonly Piece[], before: readonly (Piece | undefined)[]): Promise<void> {
  const deltas: Delta[] = [];
  for (const [i, p] of rows.entries()) {
    const b = before[i];
    if (b && b.deleted === p.deleted && b.classId === p.classId) continue;
    const cells = await store.cellsBy('pieceId', p.id);
    const objectives = await store.objectives([...new Set(cells.map((c) => c.objectiveId))]);
    const objectiveOf = new Map(objectives.filter((o) => !!o).map((o) => [o.id, o]));
    deltas.push(...moved(cells, (c) => cellScope(b, objectiveOf.get(c.objectiveId)), (c) => cellScope(p, objectiveOf.get(c.objectiveId))));
  }
  await apply(store, deltas);
}

interface Readable<T> {
  toArray(): PromiseLike<T[]>;
}

/** Every row from the stored records in one pass (the schema upgrade, and fixtures that bulk-load records). */
export async function rebuildGrowth(t: { pieces: Readable<Piece>; objectives: Readable<Objective>; cells: Readable<Cell>; ratings: Readable<Rating>; growth: { clear(): PromiseLike<unknown>; bulkPut(rows: GrowthRow[]): PromiseLike<unknown> }; growthKeys: { clear(): PromiseLike<unknown>; bulkPut(rows: GrowthKeys[]): PromiseLike<unknown> } }): Promise<void> {
  const pieceOf = new Map((await t.pieces.toArray()).map((p) => [p.id, p]));
  const objectiveOf = new Map((await t.objectives.toArray()).map((o) => [o.id, o]));
  const byRow = new Map<string, { classId: string; studentId: string; entries: TimelineEntry[] }>();
  const add = (classId: string, studentId: string, e: TimelineEntry | null) => {
    if (!e) return;
    const k = JSON.stringify([classId, studentId]);
    const row = byRow.get(k) ?? { classId, studentId, entries: [] };
    row.entries.push(e);
    byRow.set(k, row);
  };
  for (const c of await t.cells.toArray()) {
    const scope = cellScope(pieceOf.get(c.pieceId), objectiveOf.get(c.objectiveId));
    if (scope) add(scope.classId, c.studentId, cellEntry(c, scope.trait));
  }
  for (const r of await t.ratings.toArray()) add(r.classId, r.studentId, ratingEntry(r));
  const rows = [...byRow.values()].map((r) => stored(r.classId, r.studentId, timelineOf(r.entries)));
  await t.growth.clear();
  await t.growthKeys.clear();
  await t.growth.bulkPut(rows.map((r) => r[0]));
  await t.growthKeys.bulkPut(rows.map((r) => r[1]));
}
