// A device's data door: the one write path and remote-apply for one database. The app uses the default Repo
// (src/db/write.ts); tests and the sync simulation make several, one per simulated device.

import { Dexie, type Table } from 'dexie';
import { maxStamp, mergeStamped, type FieldMeta, type Stamped } from '../domain/merge';
import { dexieDerived, rawDerived, refreshDerived, storesFor } from './derived';
import { surfaceQuota } from './errors';
import { request } from './idb';
import { currentRows, fieldsOf, fromStamped, groupByTable, RESERVED, sameValue, toStamped, type RemoteChange, type Row } from './rows';
import { inRawTransaction, LiveNotifier } from './rawTransaction';
import { Outbox } from './outbox';
import { restoreEntries, withdrawal } from './outboxEntries';
import type { CirculateDb } from './schema';
import { writerOver, type Writer } from './writeRoutes';
import { restampScope } from './restamp';
import { Session } from './session';
import { ChangeFeed } from './changeFeed';
import { afterFirstWrite } from './storage';
import { isPrivateNote, SYNCED_TABLES, type TableName } from '../shared/records';
import { fieldsProblem } from '../shared/fieldRules';
import type { BlobRow, LocalRow, OutboxEntry } from './localRecords';

export type { RemoteChange } from './rows';

export type { Writer } from './writeRoutes';

export class Repo implements Writer {
  readonly session: Session;
  /** The sync engine's way into the outbox. */
  readonly outbox: Outbox;
  /** Single writes (a tap, a keystroke), each in its own raw transaction (writeOne). */
  readonly create: Writer['create'];
  readonly update: Writer['update'];
  readonly remove: Writer['remove'];
  readonly restore: Writer['restore'];
  /** The same writes inside `transact`'s Dexie transaction (writeRow). */
  private readonly writer: Writer;
  private readonly live: LiveNotifier;
  /** (table, id) of every committed change, by any route; `transact` reports its rows once it has finished. */
  readonly changes = new ChangeFeed();
  private txChanged: [TableName, string][] = [];

  constructor(readonly db: CirculateDb) {
    this.session = new Session(db);
    this.outbox = new Outbox(db);
    this.live = new LiveNotifier(db);
    this.writer = writerOver((...a) => this.writeRow(...a));
    ({ create: this.create, update: this.update, remove: this.remove, restore: this.restore } = writerOver((...a) => this.writeOne(...a)));
  }

  /**
   * What one write does to one row: the stamped next row and its outbox entry (none for a private note), or null
   * when nothing changed. Pure apart from issuing the stamp, so both write routes below share it.
   */
  private plan(table: TableName, id: string, patch: Record<string, unknown>, mode: 'create' | 'update', existing: Row | undefined): { next: Row; entry: OutboxEntry | null } | null {
    if (mode === 'update' && !existing) throw new Error(`No ${table} record ${id}`);
    const changed: Record<string, unknown> = {};
    const source = mode === 'create' ? { deleted: false, ...patch } : patch;
    for (const [k, v] of Object.entries(source)) {
      if (RESERVED.has(k) || v === undefined) continue;
      if (existing && sameValue(existing[k], v)) continue;
      // What the server would refuse (a reserved name, a value nested too deep) is refused here, before it is kept.
      const bad = fieldsProblem({ [k]: v }, table);
      if (bad) throw new Error(`Cannot save ${bad}`);
      changed[k] = v;
    }
    const names = Object.keys(changed);
    if (names.length === 0) return null;
    const meta: FieldMeta = { t: this.session.nextStamp(), by: this.session.author };
    const changedMeta: Record<string, FieldMeta> = {};
    for (const k of names) changedMeta[k] = meta;

    const next: Row = { ...(existing ?? {}), ...changed, id, _m: { ...(existing?._m ?? {}), ...changedMeta } };
    if (isPrivateNote(table, next)) return { next, entry: isPrivateNote(table, existing) || !existing ? null : withdrawal(next) };
    // A note made public after being private has never been sent: send all of it, not just the flag.
    const entry: OutboxEntry = isPrivateNote(table, existing)
      ? { table, id, fields: fieldsOf(next), meta: next._m ?? {} }
      : { table, id, fields: changed, meta: changedMeta };
    return { next, entry };
  }

  /**
   * The route for writes grouped in `transact`. Built from Dexie promise chains, not async functions: a native
   * promise awaited inside a Dexie transaction loses the transaction's zone, and later writes would run outside it.
   */
  private writeRow(table: TableName, id: string, patch: Record<string, unknown>, mode: 'create' | 'update'): Promise<void> {
    const t = this.db.table<Row, string>(table);
    // A new id cannot exist yet, so a create skips the read: `add` fails loudly if it somehow does.
    const read = mode === 'create' ? Dexie.Promise.resolve(undefined) : t.get(id);
    return read.then((existing) => {
      const p = this.plan(table, id, patch, mode, existing);
      if (!p) return undefined;
      this.txChanged.push([table, id]);
      const saved = mode === 'create' ? t.add(p.next) : t.put(p.next);
      const entry = p.entry;
      const queued = entry ? saved.then(() => this.db.outbox.add(entry)) : saved;
      return queued.then(() => refreshDerived(dexieDerived(this.db), table, [p.next], [existing]));
    });
  }

  /**
   * The route for a single write (a tap, a keystroke): the same plan in one plain IndexedDB transaction on Dexie's
   * open connection. Dexie's own transaction machinery tripled the cost of a tap against a raw put; here live
   * queries (and other tabs) are told of the change through Dexie's public storagemutated event on commit, and the
   * database is opened with Dexie's query cache disabled so no cached result can miss the change.
   */
  private async writeOne(table: TableName, id: string, patch: Record<string, unknown>, mode: 'create' | 'update'): Promise<void> {
    await this.session.ready();
    const planned = await inRawTransaction(this.db, [...storesFor([table]), 'outbox'], async (trans) => {
      const store = trans.objectStore(table);
      const existing = mode === 'create' ? undefined : await request<Row | undefined>(store.get(id));
      const p = this.plan(table, id, patch, mode, existing);
      if (!p) return false;
      if (mode === 'create') store.add(p.next);
      else store.put(p.next);
      if (p.entry) trans.objectStore('outbox').add(p.entry);
      await refreshDerived(rawDerived(trans), table, [p.next], [existing]);
      return true;
    });
    if (planned) {
      this.live.notify(table);
      this.changes.emit(table, [id]);
    }
    afterFirstWrite();
  }

  /** The tables a transaction writing these needs: with them, the derived tables kept from them (./derived). */
  private scope(tables: Iterable<TableName>): Table[] {
    return storesFor(tables).map((t) => this.db.table(t));
  }

  private async run<R>(tables: readonly TableName[], fn: () => Promise<R>): Promise<R> {
    await this.session.ready();
    try {
      const result = await this.db.transaction('rw', [...this.scope(tables), this.db.outbox], fn);
      afterFirstWrite();
      return result;
    } catch (e) {
      return surfaceQuota(e);
    } finally {
      const done = this.txChanged;
      this.txChanged = [];
      for (const [t, id] of done) this.changes.emit(t, [id]);
    }
  }

  /**
   * Several writes in one transaction: all land or none do. Inside, await only the writer's methods and Dexie
   * calls (see writeRow).
   */
  transact<R>(fn: (w: Writer) => Promise<R>, tables: readonly TableName[] = SYNCED_TABLES): Promise<R> {
    return this.run(tables, () => fn(this.writer));
  }

  /** Queues a class (or the teacher's own records) to be sent again whole under fresh stamps; see ./restamp. */
  restamp(scope: { classId: string } | 'self'): Promise<number> {
    return restampScope(this.db, this.session, scope);
  }

  /**
   * Merges remote changes into the local tables by the same per-field merge the server runs, in one transaction
   * with any local rows given (the sync cursor), so an interrupted pull leaves neither half applied. Nothing here
   * enters the outbox: these changes already exist elsewhere.
   */
  applyRemote(changes: readonly RemoteChange[], alsoPut: readonly LocalRow[] = []): Promise<number> {
    return this.mergeIn(changes, { keepPrivate: true, queue: false, alsoPut });
  }

  /**
   * Restores records (from a backup file) by the same per-field merge as applyRemote, so restoring over newer data
   * loses nothing, in one transaction. Unlike a pull, the fields the file brought in are also queued in the outbox,
   * so a device restored from a backup sends them on at its next sync; a private note never is.
   */
  importRecords(changes: readonly RemoteChange[], blobs: readonly BlobRow[] = []): Promise<number> {
    return this.mergeIn(changes, { keepPrivate: false, queue: true, alsoPut: [], blobs });
  }

  /**
   * The bulk route (pulls and restores): one plain IndexedDB transaction, like writeOne's, since a pulled page is a
   * thousand rows and Dexie's per-request machinery cost a tenth of a sync. Returns how many records changed.
   */
  private async mergeIn(changes: readonly RemoteChange[], opts: { keepPrivate: boolean; queue: boolean; alsoPut: readonly LocalRow[]; blobs?: readonly BlobRow[] }): Promise<number> {
    await this.session.ready();
    const byTable = groupByTable(changes);
    const stores = new Set<string>(storesFor(byTable.keys()));
    if (opts.queue) stores.add('outbox');
    if (opts.alsoPut.length) stores.add('local');
    // A restore's photos and memos land with its records, or neither does.
    if (opts.blobs?.length) stores.add('blobs');
    if (stores.size === 0) return 0;
    const touched = new Map<TableName, string[]>();
    const written = await inRawTransaction(this.db, [...stores], async (trans) => {
      let n = 0;
      for (const [table, list] of byTable) {
        const store = trans.objectStore(table);
        const { merged, won, before, gone } = this.mergeChanges(table, list, await currentRows(store, list), opts.keepPrivate);
        if (merged.size === 0 && gone.size === 0) continue;
        for (const row of merged.values()) store.put(row);
        for (const id of gone) store.delete(id);
        await refreshDerived(rawDerived(trans), table, [...merged.values()], [...merged.keys()].map((id) => before.get(id)));
        if (opts.queue) for (const entry of restoreEntries(table, merged, won, before)) trans.objectStore('outbox').add(entry);
        touched.set(table, [...merged.keys(), ...gone]);
        n += merged.size + gone.size;
      }
      for (const row of opts.alsoPut) trans.objectStore('local').put(row);
      for (const b of opts.blobs ?? []) trans.objectStore('blobs').put(b);
      return n;
    });
    for (const [t, ids] of touched) {
      this.live.notify(t);
      this.changes.emit(t, ids);
    }
    if (opts.alsoPut.length) this.live.notify('local');
    if (opts.blobs?.length) this.live.notify('blobs');
    return written;
  }

  /**
   * Folds one table's incoming changes into its current rows by the per-field merge. Returns only the rows that
   * changed (a pull that echoes this device's own writes rewrites nothing), the fields that won in each, and each
   * row as it was. With `keepPrivate` (a pull), a note private on this device is left alone: it is this device's only;
   * and one that arrives private (withdrawn by its author on another device) is removed here, its words with it.
   */
  private mergeChanges(table: TableName, list: readonly RemoteChange[], current: readonly (Row | undefined)[], keepPrivate: boolean) {
    const before = new Map<string, Row | undefined>();
    const merged = new Map<string, Row>();
    const won = new Map<string, Set<string>>();
    const gone = new Set<string>();
    list.forEach((c, i) => {
      if (!before.has(c.id)) before.set(c.id, current[i]);
      const base = merged.get(c.id) ?? current[i];
      if (keepPrivate && isPrivateNote(table, base)) return;
      const incoming: Stamped = { id: c.id, fields: c.fields, meta: c.meta };
      const top = maxStamp(incoming);
      if (top) this.session.observe(top);
      // With nothing stored yet, every incoming field wins.
      const result = base ? mergeStamped(toStamped(base), incoming) : { merged: incoming, won: Object.keys(incoming.meta) };
      if (result.won.length === 0) return;
      // From a pull, a note that became private elsewhere was withdrawn by its author: this copy goes.
      if (keepPrivate && isPrivateNote(table, result.merged.fields)) {
        merged.delete(c.id);
        if (base) gone.add(c.id);
        return;
      }
      gone.delete(c.id);
      merged.set(c.id, fromStamped(result.merged));
      const set = won.get(c.id) ?? new Set<string>();
      for (const f of result.won) set.add(f);
      won.set(c.id, set);
    });
    return { merged, won, before, gone };
  }
}
