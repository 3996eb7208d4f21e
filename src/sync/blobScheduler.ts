// When the blob queue runs: after every sync of records that succeeded (so records always go first), and again
// when its soonest backed-off entry comes due. It never holds the engine's lock, so a tap syncs during an upload.

import type { BlobSync } from './blobs';
import type { SyncEngine } from './engine';

export function startBlobScheduler(engine: SyncEngine, blobs: BlobSync): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (!stopped) void blobs.run().catch(() => undefined);
  };
  const unsubscribe = engine.subscribe((s) => {
    if (s.phase === 'synced') run();
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
