// When the device syncs: on start, when the network comes back, when the app becomes visible, a couple of seconds
// after local changes (seen in the outbox, so features never call sync), every minute while online, and on retry.

import type { SyncEngine } from './engine';

export interface SchedulerOptions {
  /** Quiet time after the last local change before a sync. */
  debounceMs?: number;
  intervalMs?: number;
  /** Event sources; default to the browser's window and document. */
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  doc?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
  isOnline?: () => boolean;
}

/** Starts the triggers; returns a function that stops them all. Syncs never block: each runs in the background. */
export function startScheduler(engine: SyncEngine, opts: SchedulerOptions = {}): () => void {
  const debounceMs = opts.debounceMs ?? 2_000;
  const intervalMs = opts.intervalMs ?? 60_000;
  const target = opts.target ?? globalThis.window;
  const doc = opts.doc ?? globalThis.document;
  const isOnline = opts.isOnline ?? (() => globalThis.navigator?.onLine !== false);
  let stopped = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const run = (force = false) => {
    if (stopped) return;
    // The outcome lands in the engine's status; nothing here waits on it.
    void engine.sync({ force }).catch(() => undefined);
  };

  const onOnline = () => run(true);
  const onVisible = () => {
    if (doc?.visibilityState === 'visible') run();
  };
  target?.addEventListener('online', onOnline);
  doc?.addEventListener('visibilitychange', onVisible);

  const interval = setInterval(() => {
    if (isOnline()) run();
  }, intervalMs);

  // After a failure, try again when the backoff (or the server's Retry-After) ends.
  const unsubscribe = engine.subscribe((s) => {
    if (retry) clearTimeout(retry);
    retry = undefined;
    if (s.retryAt !== null && (s.phase === 'error' || s.phase === 'offline')) {
      retry = setTimeout(() => run(), Math.max(0, s.retryAt - Date.now()) + 10);
    }
  });

  const stopWatching = engine.repo.outbox.onGrowth(() => {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => run(), debounceMs);
  });

  run();

  return () => {
    stopped = true;
    target?.removeEventListener('online', onOnline);
    doc?.removeEventListener('visibilitychange', onVisible);
    clearInterval(interval);
    if (debounce) clearTimeout(debounce);
    if (retry) clearTimeout(retry);
    unsubscribe();
    stopWatching();
  };
}
