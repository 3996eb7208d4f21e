// The device's blob queue, the data half: which attachments wait to go up or come down, and their retry state.
// The network half is src/sync/blobs.ts. Device-only rows (never synced), so they are written here directly.

import { names, queueRefsIn, refsOf, type BlobOwnerRow, type BlobOwnerTable } from './blobRefs';
import { surfaceQuota } from './errors';
import type { CirculateDb } from './schema';
import type { BlobQueueRow, BlobRow, BlobTamper } from './localRecords';
import { isPrivateNote } from '../shared/records';
import type { NamedBlob } from '../shared/blobs';

/** What the queue may do with an entry now: send it, hold it (a private or deleted owner), or drop it (no owner names it). */
export type OwnerVerdict = 'send' | 'hold' | 'gone';

export class BlobQueueStore {
  constructor(readonly db: CirculateDb) {}

  private ownerTable(t: BlobOwnerTable) {
    return t === 'notes' ? this.db.notes : this.db.conferences;
  }

  /** Adds the entries these records call for; entries already there (pending, done or failed) are left as they are. */
  async enqueue(table: BlobOwnerTable, ids: readonly string[], now = Date.now()): Promise<number> {
    if (!ids.length) return 0;
    const rows = (await this.ownerTable(table).bulkGet([...ids])) as (BlobOwnerRow | undefined)[];
    return this.addFor(table, rows.filter((r): r is BlobOwnerRow => !!r && refsOf(r).length > 0), now);
  }

  private async addFor(table: BlobOwnerTable, rows: readonly BlobOwnerRow[], now: number): Promise<number> {
    if (!rows.length) return 0;
    const hashes = [...new Set(rows.flatMap((r) => refsOf(r).map((x) => x.sha256)))];
    const have = new Set((await this.db.blobs.bulkGet(hashes)).filter((b): b is BlobRow => !!b).map((b) => b.sha256));
    const wanted = rows.flatMap((r) => queueRefsIn(table, r, have, now));
    if (!wanted.length) return 0;
    return this.db
      .transaction('rw', this.db.blobQueue, async () => {
        const existing = await this.db.blobQueue.bulkGet(wanted.map((w) => w.key));
        const fresh = wanted.filter((_, i) => !existing[i]);
        await this.db.blobQueue.bulkPut(fresh);
        return fresh.length;
      })
      .catch(surfaceQuota);
  }

  /** Start-up safety net: queues whatever any record names and the queue does not know (a crash between saving a
   * photo and queueing it, a restore). One pass over notes and conferences. */
  async sweep(now = Date.now()): Promise<number> {
    let n = 0;
    for (const table of ['notes', 'conferences'] as const) {
      const rows: BlobOwnerRow[] = [];
      await this.ownerTable(table).each((r) => {
        if (refsOf(r).length) rows.push(r);
      });
      n += await this.addFor(table, rows, now);
    }
    return n;
  }

  /**
   * After a pull removed notes withdrawn by their author elsewhere: their downloaded photos and memos go too (unless
   * a record still here names the same bytes), with their queue entries. A note still here is left alone.
   */
  async forgetGone(table: BlobOwnerTable, ids: readonly string[]): Promise<number> {
    if (!ids.length) return 0;
    const wanted = new Set(ids);
    return this.db.transaction('rw', [this.db.blobQueue, this.db.blobs, this.db.notes, this.db.conferences], async () => {
      const present = new Set((await this.ownerTable(table).bulkGet([...wanted])).filter((r) => !!r).map((r) => r!.id));
      const entries = await this.db.blobQueue.filter((e) => e.owner.table === table && wanted.has(e.owner.id) && !present.has(e.owner.id)).toArray();
      if (!entries.length) return 0;
      const hashes = new Set(entries.map((e) => e.sha256));
      const named = new Set<string>();
      for (const t of ['notes', 'conferences'] as const) {
        await this.ownerTable(t).each((r) => {
          for (const ref of refsOf(r)) if (hashes.has(ref.sha256)) named.add(ref.sha256);
        });
      }
      await this.db.blobQueue.bulkDelete(entries.map((e) => e.key));
      const unnamed = [...hashes].filter((h) => !named.has(h));
      await this.db.blobs.bulkDelete(unnamed);
      return unnamed.length;
    });
  }

  /** Pending entries whose backoff has passed, uploads first in the order they were queued. */
  async due(now = Date.now()): Promise<BlobQueueRow[]> {
    const pending = await this.db.blobQueue.where('state').equals('pending').toArray();
    return pending.filter((e) => e.nextAt <= now).sort((a, b) => (a.dir === b.dir ? 0 : a.dir === 'up' ? -1 : 1));
  }

  /** The soonest time a pending entry becomes due, or null when none waits. An upload held by a private note does not
   * count: no timer could send it, and the sync that makes the note public starts the pass that does. */
  async nextDueAt(): Promise<number | null> {
    let min: number | null = null;
    for (const e of await this.db.blobQueue.where('state').equals('pending').toArray()) {
      if ((await this.verdict(e)) !== 'hold') min = min === null ? e.nextAt : Math.min(min, e.nextAt);
    }
    return min;
  }

  async pendingCount(): Promise<{ up: number; down: number }> {
    const pending = await this.db.blobQueue.where('state').equals('pending').toArray();
    return { up: pending.filter((e) => e.dir === 'up').length, down: pending.filter((e) => e.dir === 'down').length };
  }

  /** What Settings shows: blobs waiting to go up (not those held by a private note) and to come down. */
  async waiting(): Promise<{ up: number; down: number }> {
    const pending = await this.db.blobQueue.where('state').equals('pending').toArray();
    let up = 0;
    let down = 0;
    for (const e of pending) {
      // A tampered download is the sync status's warning, not something on its way.
      if (e.tampered || (await this.verdict(e)) !== 'send') continue;
      if (e.dir === 'up') up++;
      else down++;
    }
    return { up, down };
  }

  /**
   * Reads the owner as it is now: a private note's blobs never leave the device, so an upload waits while its note
   * is private (or deleted) and goes if the note is made public; an entry whose owner no longer names it is dropped.
   */
  async verdict(e: BlobQueueRow): Promise<OwnerVerdict> {
    const owner = (await this.ownerTable(e.owner.table).get(e.owner.id)) as (BlobOwnerRow & { private?: boolean }) | undefined;
    if (!owner || !names(owner, e.sha256) || owner.classId !== e.classId) return 'gone';
    if (e.dir === 'up' && (isPrivateNote(e.owner.table, owner) || owner.deleted)) return 'hold';
    return 'send';
  }

  /** The ref the entry's owner has for its blob now (with its seal, when it came sealed), or undefined. */
  async namedIn(e: BlobQueueRow): Promise<NamedBlob | undefined> {
    const owner = (await this.ownerTable(e.owner.table).get(e.owner.id)) as BlobOwnerRow | undefined;
    return refsOf(owner).find((r) => r.sha256 === e.sha256);
  }

  /**
   * These classes were just given a key: their uploads (done plain) go again, sealed, and the plain copies on the
   * server are then forgotten (src/sync/blobs.ts).
   */
  async requeueUploads(classIds: readonly string[], now = Date.now()): Promise<number> {
    if (!classIds.length) return 0;
    const wanted = new Set(classIds);
    return this.db.blobQueue
      .filter((e) => e.dir === 'up' && e.state === 'done' && wanted.has(e.classId))
      .modify({ state: 'pending', attempts: 0, nextAt: now, error: undefined });
  }

  blob(sha256: string): Promise<BlobRow | undefined> {
    return this.db.blobs.get(sha256);
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.db.blobs.where('sha256').equals(sha256).count()) > 0;
  }

  async done(key: string): Promise<void> {
    await this.db.blobQueue.update(key, { state: 'done', error: undefined, tampered: undefined });
  }

  /** Uploads marked done, for the queue's slow check that the server still has them (it drops damaged copies). */
  doneUploads(): Promise<BlobQueueRow[]> {
    return this.db.blobQueue.where('state').equals('done').filter((e) => e.dir === 'up').toArray();
  }

  /** A download that failed the encryption check: kept pending, asked again no sooner than nextAt. */
  async tamper(e: BlobQueueRow, tampered: BlobTamper, nextAt: number, error: string): Promise<void> {
    await this.db.blobQueue.update(e.key, { state: 'pending', attempts: e.attempts + 1, nextAt, error, tampered });
  }

  /** How many downloads failed the encryption check and are still missing for a record on this device: the sync
   * status reports them until good bytes come. Tampered entries stay pending, so the done ones are not read. */
  async tamperedCount(): Promise<number> {
    const open = await this.db.blobQueue.where('state').equals('pending').filter((e) => !!e.tampered).toArray();
    let n = 0;
    for (const e of open) if ((await this.verdict(e)) !== 'gone') n++;
    return n;
  }

  async drop(key: string): Promise<void> {
    await this.db.blobQueue.delete(key);
  }

  async failed(key: string, error: string): Promise<void> {
    await this.db.blobQueue.update(key, { state: 'failed', error });
  }

  /** Pending again (an upload found missing on a recheck was done) with its backoff. */
  async retryLater(e: BlobQueueRow, nextAt: number, error: string): Promise<void> {
    await this.db.blobQueue.update(e.key, { state: 'pending', attempts: e.attempts + 1, nextAt, error });
  }

  /** Stores downloaded bytes (already checked against their hash) and marks the entry done, together. */
  async storeDownloaded(e: BlobQueueRow, blob: Blob, now = Date.now()): Promise<void> {
    await this.db
      .transaction('rw', this.db.blobs, this.db.blobQueue, async () => {
        await this.db.blobs.put({ sha256: e.sha256, blob, type: blob.type || e.type, size: blob.size, createdAt: now });
        await this.db.blobQueue.update(e.key, { state: 'done', error: undefined, tampered: undefined });
      })
      .catch(surfaceQuota);
  }
}

/** The `local` key holding the server the queue's "done" uploads went to. */
const SERVER_KEY = 'blobs.server';

/**
 * Called before each pass with the configured server (endpoint and token): when it changed, every upload marked
 * done or failed is pending again, since the new server (or the new teacher's account) has none of those blobs.
 */
export async function rememberServer(store: BlobQueueStore, server: string, now = Date.now()): Promise<boolean> {
  const { db } = store;
  return db.transaction('rw', db.local, db.blobQueue, async () => {
    const was = (await db.local.get(SERVER_KEY))?.value;
    if (was === server) return false;
    await db.blobQueue
      .filter((e) => e.dir === 'up' && e.state !== 'pending')
      .modify({ state: 'pending', attempts: 0, nextAt: now, error: undefined });
    await db.local.put({ key: SERVER_KEY, value: server });
    return was !== undefined;
  });
}
