// The outbox's one door for the sync engine: read the front, acknowledge through a seq, count, watch for growth.
// Sync never touches the outbox or notes tables itself, so the private-note gate lives here with the data.

import { liveQuery } from 'dexie';
import { isPrivateNote, isWithdrawal } from '../shared/records';
import type { OutboxEntry } from './localRecords';
import { forgetRows } from './blobForgets';
import type { TableName } from '../shared/records';
import type { CirculateDb } from './schema';

/** An outbox entry as read back: its seq, and whether it touches a private note (never to be sent). */
export type PeekedEntry = OutboxEntry & { seq: number; private: boolean };

export class Outbox {
  constructor(private readonly db: CirculateDb) {}

  /**
   * Up to `limit` entries from the front (after `after`, when reading ahead), oldest first. Private notes are
   * marked here, as the last gate behind the write path: the note as it stands now, or the entry's own fields.
   */
  async peek(limit: number, after?: number): Promise<PeekedEntry[]> {
    const db = this.db;
    // One read transaction: the entries and the notes they touch, as they stand together.
    const [entries, notes] = await db.transaction('r', db.outbox, db.notes, async () => {
      // The table's own order is its primary key, seq: the oldest changes first.
      const from = after === undefined ? db.outbox.toCollection() : db.outbox.where('seq').above(after);
      const list = (await from.limit(limit).toArray()) as (OutboxEntry & { seq: number })[];
      const noteIds = [...new Set(list.filter((e) => e.table === 'notes').map((e) => e.id))];
      return [list, noteIds.length ? await db.notes.bulkGet(noteIds) : []] as const;
    });
    const privateIds = new Set(notes.filter((n) => isPrivateNote('notes', n)).map((n) => n!.id));
    // A withdrawal is the one entry of a private note that goes: it carries no words, and takes the old ones back.
    return entries.map((e) => ({ ...e, private: !isWithdrawal(e.table, e.fields) && (privateIds.has(e.id) || isPrivateNote(e.table, e.fields)) }));
  }

  /**
   * The class of each entry's record, for sealing it under the class's key: from the entry when it carries classId,
   * else from the record as stored (an update names only the fields it changed). Keyed `table NUL id`.
   */
  async classIds(entries: readonly PeekedEntry[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    const missing = new Map<TableName, string[]>();
    for (const e of entries) {
      const key = `${e.table}\u0000${e.id}`;
      if (out.has(key)) continue;
      if (typeof e.fields.classId === 'string') out.set(key, e.fields.classId);
      else if (e.table === 'classes') out.set(key, e.id);
      else {
        const ids = missing.get(e.table);
        if (ids) ids.push(e.id);
        else missing.set(e.table, [e.id]);
      }
    }
    for (const [table, ids] of missing) {
      const rows = (await this.db.table(table).bulkGet(ids)) as ({ classId?: unknown } | undefined)[];
      ids.forEach((id, i) => {
        const classId = rows[i]?.classId;
        out.set(`${table}\u0000${id}`, typeof classId === 'string' ? classId : null);
      });
    }
    return out;
  }

  /**
   * Drops every entry at or below `seq`: reads start at the front, so that is exactly what was read and sent. The
   * notes whose withdrawal the server acknowledged are queued, in the same transaction, to have their sealed photos
   * and memos forgotten on the server (./blobForgets).
   */
  ackThrough(seq: number, withdrawn: readonly string[] = []): Promise<number> {
    const db = this.db;
    const drop = () => db.outbox.where('seq').belowOrEqual(seq).delete();
    if (!withdrawn.length) return db.transaction('rw', db.outbox, drop);
    return db.transaction('rw', db.outbox, db.local, () => db.local.bulkPut(forgetRows(withdrawn)).then(drop));
  }

  /** Drops these entries (a batch of only private ones: nothing to send, nothing to keep). */
  drop(seqs: readonly number[]): Promise<void> {
    return this.db.outbox.bulkDelete([...seqs]);
  }

  count(): Promise<number> {
    return this.db.outbox.count();
  }

  /**
   * Calls `fn` whenever a write adds to the outbox, in this tab or another; not at subscribe, and not when a push
   * empties it (the last key only grows on a write). Returns the unsubscribe.
   */
  onGrowth(fn: () => void): () => void {
    let lastSeen: number | undefined;
    let first = true;
    const sub = liveQuery(() => this.db.outbox.toCollection().lastKey()).subscribe({
      next: (key) => {
        const seq = typeof key === 'number' ? key : undefined;
        const grew = seq !== undefined && (lastSeen === undefined || seq > lastSeen);
        if (seq !== undefined) lastSeen = seq;
        if (first) {
          first = false;
          return;
        }
        if (grew) fn();
      },
      error: () => undefined,
    });
    return () => sub.unsubscribe();
  }
}
