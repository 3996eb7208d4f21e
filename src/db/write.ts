// The one write path. Every create, update and delete stamps its changed fields with the HLC and appends the
// change to the outbox in the same Dexie transaction, so a change is never saved without being queued to sync.

import { Dexie } from 'dexie';
import type { FieldMeta } from '../domain/merge';
import { newId } from '../domain/ids';
import { db } from './db';
import { isQuotaError, reportStorageError, StorageFullError } from './errors';
import { currentAuthor, nextStamp, ready } from './session';
import { afterFirstWrite } from './storage';
import { SYNCED_TABLES, type Fields, type OutboxEntry, type SyncedTables, type TableName } from './types';

type Row = Record<string, unknown> & { id: string; _m?: Record<string, FieldMeta> };

/** Writes grouped with `transact` land together or not at all (imports are all-or-nothing). */
export interface Writer {
  create<T extends TableName>(table: T, fields: Fields<T>, id?: string): Promise<string>;
  update<T extends TableName>(table: T, id: string, patch: Partial<Fields<T>>): Promise<void>;
  remove(table: TableName, id: string): Promise<void>;
  restore(table: TableName, id: string): Promise<void>;
}

const RESERVED = new Set(['id', '_m']);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Blob || b instanceof Blob) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Private notes never leave the device, so they never enter the outbox. */
function isPrivate(table: TableName, row: Row | undefined): boolean {
  return table === 'notes' && row?.private === true;
}

function fieldsOf(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!RESERVED.has(k)) out[k] = v;
  return out;
}

/**
 * Built from Dexie promise chains, not async functions: a native promise awaited inside a Dexie transaction loses
 * the transaction's zone, and the writes after it would silently run (and commit) on their own.
 */
function writeRow(table: TableName, id: string, patch: Record<string, unknown>, mode: 'create' | 'update'): Promise<void> {
  const t = db.table<Row, string>(table);
  // A new id cannot exist yet, so a create skips the read: `add` fails loudly if it somehow does.
  const read = mode === 'create' ? Dexie.Promise.resolve(undefined) : t.get(id);
  return read.then((existing) => {
    if (mode === 'update' && !existing) throw new Error(`No ${table} record ${id}`);
    const meta: FieldMeta = { t: nextStamp(), by: currentAuthor() };
    const changed: Record<string, unknown> = {};
    const changedMeta: Record<string, FieldMeta> = {};
    const source = mode === 'create' ? { deleted: false, ...patch } : patch;
    for (const [k, v] of Object.entries(source)) {
      if (RESERVED.has(k) || v === undefined) continue;
      if (existing && sameValue(existing[k], v)) continue;
      changed[k] = v;
      changedMeta[k] = meta;
    }
    if (Object.keys(changed).length === 0) return undefined;

    const next: Row = { ...(existing ?? {}), ...changed, id, _m: { ...(existing?._m ?? {}), ...changedMeta } };
    const saved = mode === 'create' ? t.add(next) : t.put(next);
    if (isPrivate(table, next)) return saved.then(() => undefined);
    // A note made public after being private has never been sent: send all of it, not just the flag.
    const entry: OutboxEntry = isPrivate(table, existing)
      ? { table, id, fields: fieldsOf(next), meta: next._m ?? {} }
      : { table, id, fields: changed, meta: changedMeta };
    return saved.then(() => db.outbox.add(entry)).then(() => undefined);
  });
}

const writer: Writer = {
  create: (table, fields, id = newId()) => writeRow(table, id, fields as Record<string, unknown>, 'create').then(() => id),
  update: (table, id, patch) => writeRow(table, id, patch as Record<string, unknown>, 'update'),
  remove: (table, id) => writeRow(table, id, { deleted: true }, 'update'),
  restore: (table, id) => writeRow(table, id, { deleted: false }, 'update'),
};

async function run<R>(tables: readonly TableName[], fn: () => Promise<R>): Promise<R> {
  await ready();
  try {
    const result = await db.transaction('rw', [...tables.map((t) => db.table(t)), db.outbox], fn);
    afterFirstWrite();
    return result;
  } catch (e) {
    if (isQuotaError(e)) {
      const err = new StorageFullError(e);
      reportStorageError(err);
      throw err;
    }
    throw e;
  }
}

export function create<T extends TableName>(table: T, fields: Fields<T>, id?: string): Promise<string> {
  return run([table], () => writer.create(table, fields, id));
}

export function update<T extends TableName>(table: T, id: string, patch: Partial<Fields<T>>): Promise<void> {
  return run([table], () => writer.update(table, id, patch));
}

/** Deletes by tombstone, so the delete syncs like any other change and can be undone. */
export function remove(table: TableName, id: string): Promise<void> {
  return run([table], () => writer.remove(table, id));
}

export function restore(table: TableName, id: string): Promise<void> {
  return run([table], () => writer.restore(table, id));
}

/** Several writes in one transaction: all land or none do. */
export function transact<R>(fn: (w: Writer) => Promise<R>, tables: readonly TableName[] = SYNCED_TABLES): Promise<R> {
  return run(tables, () => fn(writer));
}

export type { SyncedTables };
