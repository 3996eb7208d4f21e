// When the blob queue runs: after a sync of records succeeds (never before or during one), and again when its
// soonest backed-off entry comes due; stopping ends both.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BlobSync } from '../../../src/sync/blobs';
import { startBlobScheduler } from '../../../src/sync/blobScheduler';
import type { SyncEngine, SyncStatus } from '../../../src/sync/engine';

function fakes(nextDue: () => number | null) {
  const statusListeners = new Set<(s: SyncStatus) => void>();
  const passListeners = new Set<() => void>();
  const engine = { subscribe: (fn: (s: SyncStatus) => void) => (statusListeners.add(fn), () => statusListeners.delete(fn)) } as unknown as SyncEngine;
  let runs = 0;
  const blobs = {
    run: () => {
      runs++;
      queueMicrotask(() => passListeners.forEach((fn) => fn()));
      return Promise.resolve({ uploaded: 0, downloaded: 0, retrying: 0 });
    },
    onPass: (fn: () => void) => (passListeners.add(fn), () => passListeners.delete(fn)),
    store: { nextDueAt: () => Promise.resolve(nextDue()) },
  } as unknown as BlobSync;
  const status = (phase: SyncStatus['phase']) => statusListeners.forEach((fn) => fn({ phase, lastSyncAt: null, error: null, retryAt: null, failures: 0 }));
  return { engine, blobs, status, runs: () => runs };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('blob scheduler', () => {
  it('runs after each successful sync of records, not while one is syncing or after a failure', async () => {
    const f = fakes(() => null);
    const stop = startBlobScheduler(f.engine, f.blobs);
    f.status('syncing');
    f.status('error');
    f.status('offline');
    expect(f.runs()).toBe(0);
    f.status('synced');
    expect(f.runs()).toBe(1);
    stop();
    f.status('synced');
    expect(f.runs()).toBe(1);
  });

  it('runs again when the soonest backed-off entry comes due', async () => {
    vi.useFakeTimers();
    const due = Date.now() + 5_000;
    let next: number | null = due;
    const f = fakes(() => next);
    const stop = startBlobScheduler(f.engine, f.blobs);
    f.status('synced');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(f.runs()).toBe(1);
    next = null;
    await vi.advanceTimersByTimeAsync(1_100);
    expect(f.runs()).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(f.runs()).toBe(2);
    stop();
  });
});
