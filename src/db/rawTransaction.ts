// The mechanics under the Repo's write routes: a plain IndexedDB transaction on Dexie's connection, and telling live
// queries (here and in other tabs) what it changed, as Dexie would have for its own transactions.

import { Dexie, RangeSet, type ObservabilitySet } from 'dexie';
import { derivedWrites } from './derived';
import { surfaceQuota } from './errors';
import type { CirculateDb } from './schema';

/**
 * Runs `fn` in one plain IndexedDB read-write transaction on Dexie's connection and resolves once it has committed.
 * Any failure aborts the whole transaction; a full disk is surfaced as StorageFullError.
 */
export async function inRawTransaction<R>(db: CirculateDb, stores: string[], fn: (trans: IDBTransaction) => Promise<R>): Promise<R> {
  // Dexie closes the connection when another tab upgrades the schema; reopen rather than fail the write.
  if (!db.isOpen()) await db.open();
  const trans = db.backendDB().transaction(stores, 'readwrite');
  const committed = new Promise<void>((resolve, reject) => {
    trans.oncomplete = () => resolve();
    trans.onabort = () => reject(trans.error ?? new Error('Write aborted'));
  });
  try {
    const result = await fn(trans);
    trans.commit?.();
    await committed;
    return result;
  } catch (e) {
    try {
      trans.abort();
    } catch {
      // Already finished: the error below is the one that matters.
    }
    committed.catch(() => undefined);
    return surfaceQuota(e);
  }
}

/**
 * Tells live queries (here and in other tabs) that tables changed, through Dexie's public storagemutated event.
 * Writes in quick succession share one notification, sent on the next task, as Dexie does for its own writes; every
 * index of a touched table is marked whole, so no query on it can miss the change.
 */
export class LiveNotifier {
  private readonly pending = new Set<string>();

  constructor(private readonly db: CirculateDb) {}

  /** A raw write to `table` also wrote the outbox and the tables derived from it (./derived). */
  notify(table: string): void {
    if (this.pending.size === 0) setTimeout(() => this.flush(), 0);
    this.pending.add(table);
    this.pending.add('outbox');
    for (const t of derivedWrites(table)) this.pending.add(t);
  }

  private flush(): void {
    const parts: ObservabilitySet = {};
    for (const name of this.pending) {
      for (const index of ['', ...this.db.table(name).schema.indexes.map((i) => i.name)]) {
        parts[`idb://${this.db.name}/${name}/${index}`] = new RangeSet(-Infinity, [[]]);
      }
    }
    this.pending.clear();
    Dexie.on.storagemutated.fire(parts);
  }
}
