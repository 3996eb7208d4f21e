// Withdrawn notes whose photos and memos the server may still keep sealed: a device-only queue in `local`, one row per
// note, written with the outbox ack of its withdrawal and cleared once the server forgot them (src/sync/blobForget.ts).

import { Dexie } from 'dexie';
import { queueKey, refsOf, type BlobOwnerRow } from './blobRefs';
import type { CirculateDb } from './schema';
import type { LocalRow } from './localRecords';
import { isPrivateNote } from '../shared/records';
import type { NamedBlob } from '../shared/blobs';

const PREFIX = 'blobs.forget:';

/**
 * The rows for notes whose withdrawal the server has just acknowledged, put in the same transaction as the outbox
 * delete (Outbox.ackThrough). Queued at the ack rather than when the note is made private: so no forget can go before
 * the server has the withdrawal, and a tab closed between the two still has it (the withdrawal's entry, until the
 * ack lands; this row, after). Rather than derived from every private note at each sync: that is a scan of all notes.
 */
export const forgetRows = (noteIds: readonly string[]): LocalRow[] => noteIds.map((id) => ({ key: PREFIX + id, value: true }));

/** A withdrawn note still private here, and the blobs of it no other record of its class on this device names. */
export interface Withdrawn {
  noteId: string;
  classId: string;
  blobs: NamedBlob[];
}

export class BlobForgets {
  constructor(readonly db: CirculateDb) {}

  /**
   * The queued notes with something to forget. A row goes at once, with nothing asked, when its note is public again
   * (the server needs its copies back) or every blob it names is also named by a note or conference of the class
   * that is not private: the same bytes share one seal, so one address. That record's own withdrawal forgets them.
   */
  async due(): Promise<Withdrawn[]> {
    const keys = (await this.db.local.where('key').startsWith(PREFIX).primaryKeys()) as string[];
    const out: Withdrawn[] = [];
    // One read of a class's notes and conferences however many of its notes are queued: only private notes are, and
    // private notes name nothing here.
    const namedIn = new Map<string, Promise<Set<string>>>();
    for (const key of keys) {
      const noteId = key.slice(PREFIX.length);
      const note = await this.db.notes.get(noteId);
      if (note && isPrivateNote('notes', note) && note.classId && refsOf(note).length) {
        if (!namedIn.has(note.classId)) namedIn.set(note.classId, this.namedInClass(note.classId));
        const named = await namedIn.get(note.classId)!;
        const blobs = refsOf(note).filter((r) => !named.has(r.sha256));
        if (blobs.length) {
          out.push({ noteId, classId: note.classId, blobs });
          continue;
        }
      }
      await this.drop(noteId);
    }
    return out;
  }

  /** The plain hashes the class's notes and conferences name, private notes left out. */
  private async namedInClass(classId: string): Promise<Set<string>> {
    const named = new Set<string>();
    const range = (t: 'notes' | 'conferences') => this.db.table(t).where('[classId+at]').between([classId, Dexie.minKey], [classId, Dexie.maxKey]);
    for (const t of ['notes', 'conferences'] as const) {
      await range(t).each((r: BlobOwnerRow) => {
        if (isPrivateNote(t, r)) return;
        for (const ref of refsOf(r)) named.add(ref.sha256);
      });
    }
    return named;
  }

  /** Forgotten on the server: the row goes, and the note's uploads are pending again. They wait while it stays private
   * (the queue holds a private note's uploads) and go up again should it be made public. */
  async done(w: Withdrawn, now = Date.now()): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.local, db.blobQueue, async () => {
      await db.local.delete(PREFIX + w.noteId);
      const keys = w.blobs.map((b) => queueKey('up', w.classId, b.sha256));
      await db.blobQueue.where('key').anyOf(keys).filter((e) => e.state === 'done').modify({ state: 'pending', attempts: 0, nextAt: now, error: undefined });
    });
  }

  /** Nothing to forget, or the server refused for good: the row goes. */
  async drop(noteId: string): Promise<void> {
    await this.db.local.delete(PREFIX + noteId);
  }
}
