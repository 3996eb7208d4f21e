// Stored rows as the Repo handles them: their stamped form for the merge, value comparison, and the bulk reads a
// pulled page needs. Plain helpers, no rules about what may be written.

import type { FieldMeta, Stamped } from '../domain/merge';
import { request } from './idb';
import { SYNCED_TABLES, type TableName } from '../shared/records';

export type Row = Record<string, unknown> & { id: string; _m?: Record<string, FieldMeta> };

/** A change from elsewhere (a sync pull or a backup restore): fields with their stamps. */
export interface RemoteChange {
  table: TableName;
  id: string;
  fields: Record<string, unknown>;
  meta: Record<string, FieldMeta>;
}

export const RESERVED = new Set(['id', '_m']);

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Blob || b instanceof Blob) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function toStamped(row: Row): Stamped {
  const { id, _m, ...fields } = row;
  return { id, fields, meta: _m ?? {} };
}

export function fromStamped(s: Stamped): Row {
  return { ...s.fields, id: s.id, _m: s.meta };
}

export function fieldsOf(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!RESERVED.has(k)) out[k] = v;
  return out;
}

/**
 * The current rows for these changes' ids, in order. Ids are time-ordered, so a pulled page's ids mostly span a
 * narrow key range: listing which keys exist there (one request) spares a read per record that is new here, as most
 * are on a first sync. Only ids proven absent skip the read; a range holding many other records falls back to
 * reading every id.
 */
export async function currentRows(store: IDBObjectStore, list: readonly RemoteChange[]): Promise<(Row | undefined)[]> {
  const ids = list.map((c) => c.id);
  let lo = ids[0]!;
  let hi = lo;
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  const cap = ids.length * 4;
  const present = await request<string[]>(store.getAllKeys(IDBKeyRange.bound(lo, hi), cap));
  const have = present.length < cap ? new Set(present) : undefined;
  const toRead = have ? ids.filter((id) => have.has(id)) : ids;
  const found = await Promise.all(toRead.map((id) => request<Row | undefined>(store.get(id))));
  const byId = new Map<string, Row>();
  for (const row of found) if (row) byId.set(row.id, row);
  return ids.map((id) => byId.get(id));
}

/** Changes grouped by table (tables this version does not know are left out), in their order within each table. */
export function groupByTable(changes: readonly RemoteChange[]): Map<TableName, RemoteChange[]> {
  const known = new Set<string>(SYNCED_TABLES);
  const byTable = new Map<TableName, RemoteChange[]>();
  for (const c of changes) {
    if (!known.has(c.table)) continue;
    const list = byTable.get(c.table);
    if (list) list.push(c);
    else byTable.set(c.table, [c]);
  }
  return byTable;
}
