// The device-only tables every write route keeps current with the records they come from, in the write's own
// transaction: the checklist's cells (./cells) and the growth timelines (./growth). Which stores a write of a table
// needs, which it changes, and the refresh itself, over a Dexie or a plain IndexedDB transaction.
import { dexieCells, rawCells, refreshCells, type Cell, type CellStore } from './cells';
import { growthAfterCells, growthAfterObjectives, growthAfterPieces, growthAfterRatings, type GrowthKeys, type GrowthRow, type GrowthStore } from './growth';
import { request } from './idb';
import type { Row } from './rows';
import type { CirculateDb } from './schema';
import type { Mark, Objective, Piece, Rating, TableName } from '../shared/records';

const GROWTH = ['growth', 'growthKeys'];

/** The derived stores a write of each table changes. */
const WRITES: Partial<Record<TableName, readonly string[]>> = {
  marks: ['cells', ...GROWTH],
  ratings: GROWTH,
  objectives: GROWTH,
  pieces: GROWTH,
};

/** What else the refresh reads. */
const READS: Partial<Record<TableName, readonly string[]>> = {
  marks: ['pieces', 'objectives'],
  objectives: ['cells', 'pieces'],
  pieces: ['cells', 'objectives'],
};

export function derivedWrites(table: string): readonly string[] {
  return WRITES[table as TableName] ?? [];
}

/** Every store a transaction writing these tables needs, each once. */
export function storesFor(tables: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const t of tables) {
    out.add(t);
    for (const s of [...derivedWrites(t), ...(READS[t as TableName] ?? [])]) out.add(s);
  }
  return [...out];
}

export interface DerivedStores {
  cells: CellStore;
  growth: GrowthStore;
}

/** Brings the derived tables up to date after `rows` of `table` were written (`before`: each as it was). */
export async function refreshDerived(s: DerivedStores, table: TableName, rows: readonly Row[], before: readonly (Row | undefined)[]): Promise<void> {
  if (table === 'marks') await growthAfterCells(s.growth, await refreshCells(s.cells, rows as unknown as Mark[], before as unknown as (Mark | undefined)[]));
  else if (table === 'ratings') await growthAfterRatings(s.growth, rows as unknown as Rating[], before as unknown as (Rating | undefined)[]);
  else if (table === 'objectives') await growthAfterObjectives(s.growth, rows as unknown as Objective[], before as unknown as (Objective | undefined)[]);
  else if (table === 'pieces') await growthAfterPieces(s.growth, rows as unknown as Piece[], before as unknown as (Piece | undefined)[]);
}

/** Over a Dexie transaction (transact): Dexie promises only, so the transaction's zone holds. */
export function dexieDerived(db: CirculateDb): DerivedStores {
  return {
    cells: dexieCells(db),
    growth: {
      pieces: (ids) => db.pieces.bulkGet([...ids]),
      objectives: (ids) => db.objectives.bulkGet([...ids]),
      rows: (keys) => Promise.all([db.growth.bulkGet([...keys]), db.growthKeys.bulkGet([...keys])]),
      cellsBy: (index, id) => db.cells.where(index).equals(id).toArray(),
      put: (rows, keys) => Promise.all([db.growth.bulkPut([...rows]), db.growthKeys.bulkPut([...keys])]),
      remove: (keys) => Promise.all([db.growth.bulkDelete([...keys]), db.growthKeys.bulkDelete([...keys])]),
    },
  };
}

function getAll<T>(store: IDBObjectStore, keys: readonly IDBValidKey[]): Promise<(T | undefined)[]> {
  return Promise.all(keys.map((k) => request<T | undefined>(store.get(k))));
}

/** Over a plain IndexedDB transaction holding the stores storesFor names (single writes, pulls, restores). */
export function rawDerived(trans: IDBTransaction): DerivedStores {
  const store = (name: string) => trans.objectStore(name);
  return {
    // Made when used: only a write of marks holds the marks store the cells' refresh reads.
    get cells() {
      return rawCells(trans);
    },
    growth: {
      pieces: (ids) => getAll<Piece>(store('pieces'), ids),
      objectives: (ids) => getAll<Objective>(store('objectives'), ids),
      rows: (keys) => Promise.all([getAll<GrowthRow>(store('growth'), keys), getAll<GrowthKeys>(store('growthKeys'), keys)]),
      cellsBy: (index, id) => request<Cell[]>(store('cells').index(index).getAll(id)),
      // Writes are not awaited: the caller commits right after, and a failed write aborts the whole transaction.
      put: (rows, keys) => Promise.resolve((rows.forEach((r) => store('growth').put(r)), keys.forEach((k) => store('growthKeys').put(k)))),
      remove: (keys) => Promise.resolve(keys.forEach((k) => (store('growth').delete(k), store('growthKeys').delete(k)))),
    },
  };
}
