// A device's data door: the one write path and remote-apply for one database. The app uses the default Repo
// (src/db/write.ts); tests and the sync simulation make several, one per simulated device.

import { Dexie } from 'dexie';
import { newId } from '../domain/ids';
import { maxStamp, mergeStamped, type FieldMeta, type Stamped } from '../domain/merge';
import { isQuotaError, reportStorageError, StorageFullError } from './errors';
import type { CirculateDb } from './schema';
import { Session } from './session';
import { afterFirstWrite } from './storage';
import { SYNCED_TABLES, type Fields, type LocalRow, type OutboxEntry, type TableName } from './types';

type Row = Record<string, unknown> & { id: string; _m?: Record<string, FieldMeta> };

/** Writes grouped with `transact` land together or not at all (imports are all-or-nothing). */
export interface Writer {
  create<T extends TableName>(table: T, fields: Fields<T>, id?: string): Promise<string>;
  update<T extends TableName>(table: T, id: string, patch: Partial<Fields<T>>): Promise<void>;
  remove(table: TableName, id: string): Promise<void>;
  restore(table: TableName, id: string): Promise<void>;
}

/** A change from elsewhere (a sync pull or a backup restore): fields with their stamps. */
export interface RemoteChange {
  table: TableName;
  id: string;
  fields: Record<string, unknown>;
  meta: Record<string, FieldMeta>;
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

export function toStamped(row: Row): Stamped {
  const { id, _m, ...fields } = row;
  return { id, fields, meta: _m ?? {} };
}

export function fromStamped(s: Stamped): Row {
  return { ...s.fields, id: s.id, _m: s.meta };
}

function fieldsOf(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!RESERVED.has(k)) out[k] = v;
  return out;
}

function surfaceQuota(e: unknown): never {
  if (isQuotaError(e)) {
    const err = new StorageFullError(e);
    reportStorageError(err);
    throw err;
  }
  throw e;
}

export class Repo {
  readonly session: Session;
  private readonly writer: Writer;

  constructor(readonly db: CirculateDb) {
    this.session = new Session(db);
    this.writer = {
      create: (table, fields, id = newId()) => this.writeRow(table, id, fields as Record<string, unknown>, 'create').then(() => id),
      update: (table, id, patch) => this.writeRow(table, id, patch as Record<string, unknown>, 'update'),
      remove: (table, id) => this.writeRow(table, id, { deleted: true }, 'update'),
      restore: (table, id) => this.writeRow(table, id, { deleted: false }, 'update'),
    };
  }

  /**
   * Built from Dexie promise chains, not async functions: a native promise awaited inside a Dexie transaction loses
   * the transaction's zone, and the writes after it would silently run (and commit) on their own.
   */
  private writeRow(table: TableName, id: string, patch: Record<string, unknown>, mode: 'create' | 'update'): Promise<void> {
    const t = this.db.table<Row, string>(table);
    // A new id cannot exist yet, so a create skips the read: `add` fails loudly if it somehow does.
    const read = mode === 'create' ? Dexie.Promise.resolve(undefined) : t.get(id);
    return read.then((existing) => {
      if (mode === 'update' && !existing) throw new Error(`No ${table} record ${id}`);
      const meta: FieldMeta = { t: this.session.nextStamp(), by: this.session.author };
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
      return saved.then(() => this.db.outbox.add(entry)).then(() => undefined);
    });
  }

  private async run<R>(tables: readonly TableName[], fn: () => Promise<R>): Promise<R> {
    await this.session.ready();
    try {
      const result = await this.db.transaction('rw', [...tables.map((t) => this.db.table(t)), this.db.outbox], fn);
      afterFirstWrite();
      return result;
    } catch (e) {
      return surfaceQuota(e);
    }
  }

  create<T extends TableName>(table: T, fields: Fields<T>, id?: string): Promise<string> {
    return this.run([table], () => this.writer.create(table, fields, id));
  }

  update<T extends TableName>(table: T, id: string, patch: Partial<Fields<T>>): Promise<void> {
    return this.run([table], () => this.writer.update(table, id, patch));
  }

  /** Deletes by tombstone, so the delete syncs like any other change and can be undone. */
  remove(table: TableName, id: string): Promise<void> {
    return this.run([table], () => this.writer.remove(table, id));
  }

  restore(table: TableName, id: string): Promise<void> {
    return this.run([table], () => this.writer.restore(table, id));
  }

  /**
   * Several writes in one transaction: all land or none do. Inside, await only the writer's methods and Dexie
   * calls (see writeRow).
   */
  transact<R>(fn: (w: Writer) => Promise<R>, tables: readonly TableName[] = SYNCED_TABLES): Promise<R> {
    return this.run(tables, () => fn(this.writer));
  }

  /**
   * Merges remote changes into the local tables by the same per-field merge the server runs, in one transaction
   * with any local rows given (the sync cursor), so an interrupted pull leaves neither half applied. Nothing here
   * enters the outbox: these changes already exist elsewhere.
   */
  async applyRemote(changes: readonly RemoteChange[], alsoPut: readonly LocalRow[] = []): Promise<number> {
    await this.session.ready();
    const known = new Set<string>(SYNCED_TABLES);
    const byTable = new Map<TableName, RemoteChange[]>();
    for (const c of changes) if (known.has(c.table)) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
    let written = 0;
    try {
      await this.db.transaction('rw', [...[...byTable.keys()].map((t) => this.db.table(t)), this.db.local], async () => {
        for (const [table, list] of byTable) {
          const t = this.db.table<Row, string>(table);
          const current = await t.bulkGet(list.map((c) => c.id));
          const merged = new Map<string, Row>();
          list.forEach((c, i) => {
            const base = merged.get(c.id) ?? current[i];
            // A private note is this device's alone; nothing from elsewhere overwrites it.
            if (table === 'notes' && base?.private === true) return;
            const incoming: Stamped = { id: c.id, fields: c.fields, meta: c.meta };
            const next = base ? mergeStamped(toStamped(base), incoming).merged : incoming;
            merged.set(c.id, fromStamped(next));
            const top = maxStamp(incoming);
            if (top) this.session.observe(top);
          });
          if (merged.size) await t.bulkPut([...merged.values()]);
          written += merged.size;
        }
        if (alsoPut.length) await this.db.local.bulkPut([...alsoPut]);
      });
    } catch (e) {
      surfaceQuota(e);
    }
    return written;
  }
}
