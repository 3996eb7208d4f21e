// Forgetting a withdrawn note's sealed photos and memos (the queue is src/db/blobForgets.ts): in an encrypted class
// the server cannot read the note's refs, so the tablet that withdrew it names their addresses in POST /blobs/forget.

import { BlobForgets } from '../db/blobForgets';
import type { CirculateDb } from '../db/schema';
import { MAX_MISSING_HASHES } from '../shared/blobs';
import type { BlobSeals } from './e2ee/blobSeals';
import { asSyncError, type SyncError } from './errors';
import type { Transport } from './transport';

/**
 * One request per queued note, at the start of each blob pass (so after the sync that acknowledged the withdrawal).
 * A note that fails stays queued for the next pass, the one after the next sync; the failure is returned, and the
 * rest wait with it. A refusal no retry cures (400, or 403: the class is no longer this teacher's) drops the note.
 */
export async function forgetWithdrawn(db: CirculateDb, seals: BlobSeals | undefined, transport: Transport, now: () => number): Promise<{ forgotten: number; error?: SyncError }> {
  const store = new BlobForgets(db);
  let forgotten = 0;
  for (const w of await store.due()) {
    const addrs = seals ? [...new Set((await Promise.all(w.blobs.map((b) => seals.addrsOf(w.classId, b)))).flat())] : [];
    // A plain class (or a tablet without encryption): the server read the refs and forgot the blobs with the push.
    // Their uploads are pending again all the same, to go up should the note be made public again.
    if (!addrs.length) {
      await store.done(w, now());
      continue;
    }
    try {
      for (let i = 0; i < addrs.length; i += MAX_MISSING_HASHES) {
        await transport.request('/blobs/forget', { classId: w.classId, hashes: addrs.slice(i, i + MAX_MISSING_HASHES) });
      }
    } catch (err) {
      const e = asSyncError(err);
      if (e.status === 400 || e.status === 403) {
        await store.drop(w.noteId);
        continue;
      }
      return { forgotten, error: e };
    }
    await store.done(w, now());
    forgotten += addrs.length;
  }
  return { forgotten };
}
