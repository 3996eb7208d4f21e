// When the blob queue runs: after every sync of records that succeeded (so records always go first; one that only
// warns of tampered data succeeded too), and again when its soonest backed-off entry comes due. It never holds the
// engine's lock, so a tap syncs during an upload.

import type { BlobSync } from './blobs';
import type { SyncEngine, SyncPhase, SyncStatus } from './engine';

/** Whether this status ends a sync that got through: from syncing to synced, or to the tampered warning (every
 * sync shows it while damaged data is held, and the blob queue is what fetches a good copy of a photo or memo). */
export function endsGoodSync(was: SyncPhase, s: SyncStatus): boolean {
  return was === 'syncing' && (s.phase === 'synced' || (s.phase === 'error' && s.error?.kind === 'tampered'));
}

export function startBlobScheduler(engine: SyncEngine, blobs: BlobSync): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (!stopped) void blobs.run().catch(() => undefined);
  };
  // Only the end of a sync: the blob queue's own report changes the status too, and must not start another pass.
  let was: SyncPhase = engine.getStatus().phase;
  const unsubscribe = engine.subscribe((s) => {
    const ended = endsGoodSync(was, s);
    was = s.phase;
    if (ended) run();
  });
  const unwatch = blobs.onPass(() => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (stopped) return;
    void blobs.store.nextDueAt().then((at) => {
      if (at === null || stopped) return;
      timer = setTimeout(run, Math.max(1_000, at - Date.now()) + 10);
    });
  });
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    unsubscribe();
    unwatch();
  };
}
