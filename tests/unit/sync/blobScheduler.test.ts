// When the blob queue runs: after a sync of records succeeds or only warns of tampered data (never before or during
// one, nor on a status change outside a sync), and again when its soonest backed-off entry comes due; stopping ends both.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BlobSync } from '../../../src/sync/blobs';
import { endsGoodSync, startBlobScheduler } from '../../../src/sync/blobScheduler';
import type { SyncEngine, SyncStatus } from '../../../src/sync/engine';

function fakes(nextDue: () => number | null) {
  const statusListeners = new Set<(s: SyncStatus) => void>();
  const passListeners = new Set<() => void>();
  const idle: SyncStatus = { phase: 'idle', lastSyncAt: null, error: null, retryAt: null, failures: 0 };
  const engine = {
    subscribe: (fn: (s: SyncStatus) => void) => (statusListeners.add(fn), () => statusListeners.delete(fn)),
    getStatus: () => idle,
  } as unknown as SyncEngine;
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
  const status = (phase: SyncStatus['phase'], error: SyncStatus['error'] = null) => statusListeners.forEach((fn) => fn({ ...idle, phase, error }));
  return { engine, blobs, status, runs: () => runs };
}

const tampered: SyncStatus['error'] = { kind: 'tampered', message: 'A photo failed the encryption check' };

afterEach(() => {
  vi.useRealTimers();
});

describe('blob scheduler', () => {
  it('runs after each successful sync of records, not while one is syncing or after a failure', async () => {
    const f = fakes(() => null);
    const stop = startBlobScheduler(f.engine, f.blobs);
    f.status('syncing');
    f.status('error', { kind: 'server', message: 'down' });
    f.status('syncing');
    f.status('offline');
    expect(f.runs()).toBe(0);
    f.status('syncing');
    f.status('synced');
    expect(f.runs()).toBe(1);
    // The blob queue's own report of a tampered photo, and its clearing, are not the end of a sync.
    f.status('error', tampered);
    f.status('synced');
    expect(f.runs()).toBe(1);
    stop();
    f.status('syncing');
    f.status('synced');
    expect(f.runs()).toBe(1);
  });

  it('runs after a sync that got through with a tampered warning, so a good copy of a photo can still come', () => {
    const f = fakes(() => null);
    const stop = startBlobScheduler(f.engine, f.blobs);
    f.status('syncing');
    f.status('error', tampered);
    expect(f.runs()).toBe(1);
    stop();
  });

  it('says which statuses end a sync that got through', () => {
    const s = (phase: SyncStatus['phase'], error: SyncStatus['error'] = null): SyncStatus => ({ phase, lastSyncAt: 1, error, retryAt: null, failures: 0 });
    expect(endsGoodSync('syncing', s('synced'))).toBe(true);
    expect(endsGoodSync('syncing', s('error', tampered))).toBe(true);
    expect(endsGoodSync('syncing', s('error', { kind: 'auth', message: 'token' }))).toBe(false);
    expect(endsGoodSync('syncing', s('offline'))).toBe(false);
    expect(endsGoodSync('error', s('synced'))).toBe(false);
    expect(endsGoodSync('synced', s('error', tampered))).toBe(false);
  });

  it('runs again when the soonest backed-off entry comes due', async () => {
    vi.useFakeTimers();
    const due = Date.now() + 5_000;
    let next: number | null = due;
    const f = fakes(() => next);
    const stop = startBlobScheduler(f.engine, f.blobs);
    f.status('syncing');
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
