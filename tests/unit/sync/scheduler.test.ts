// When sync runs: on start, when the network returns, when the app is shown again, after local changes, on a timer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Repo } from '../../../src/db/repo';
import { createDb } from '../../../src/db/schema';
import { SyncEngine } from '../../../src/sync/engine';
import { startScheduler } from '../../../src/sync/scheduler';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let stop: (() => void) | undefined;
let repo: Repo | undefined;

afterEach(async () => {
  stop?.();
  await repo?.db.delete();
});

function setup(opts: { online?: () => boolean; intervalMs?: number } = {}) {
  repo = new Repo(createDb(`sched-${Date.now()}-${Math.random()}`));
  const engine = new SyncEngine(repo);
  const calls: { force?: boolean }[] = [];
  vi.spyOn(engine, 'sync').mockImplementation(async (o = {}) => {
    calls.push(o);
    return { ok: true, pushed: 0, pulled: 0 };
  });
  const target = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: 'hidden' as DocumentVisibilityState });
  stop = startScheduler(engine, {
    debounceMs: 50,
    intervalMs: opts.intervalMs ?? 60_000,
    target: target as unknown as Window,
    doc: doc as unknown as Document,
    isOnline: opts.online ?? (() => true),
  });
  return { engine, calls, target, doc, repo };
}

describe('sync scheduler', () => {
  it('syncs on start, when the network comes back (forced past any backoff), and when the app is shown', async () => {
    const { calls, target, doc } = setup();
    expect(calls).toHaveLength(1);
    target.dispatchEvent(new Event('online'));
    expect(calls.at(-1)).toEqual({ force: true });
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(calls).toHaveLength(2);
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(calls).toHaveLength(3);
  });

  it('syncs a short while after local changes, once for a burst, and not when a push empties the outbox', async () => {
    const { calls, repo } = setup();
    await wait(100);
    const before = calls.length;
    for (let i = 0; i < 3; i++) {
      await repo.create('reflections', { classId: 'c1', date: '2026-11-22', hard: `h${i}`, wentWell: '' });
      await wait(10);
    }
    expect(calls.length).toBe(before);
    await vi.waitFor(() => expect(calls.length).toBe(before + 1));
    await repo.db.outbox.clear();
    await wait(150);
    expect(calls.length).toBe(before + 1);
  });

  it('syncs every interval while online only', async () => {
    let online = false;
    const { calls } = setup({ online: () => online, intervalMs: 40 });
    await wait(130);
    expect(calls).toHaveLength(1);
    online = true;
    await vi.waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(3));
  });

  it('retries when a failure\u2019s backoff ends', async () => {
    repo = new Repo(createDb(`sched-retry-${Date.now()}`));
    let n = 0;
    const engine = new SyncEngine(repo, {
      fetch: async () => {
        n++;
        throw new TypeError('offline');
      },
      backoffBaseMs: 20,
      backoffMaxMs: 40,
    });
    await repo.db.local.bulkPut([{ key: 'sync.endpoint', value: 'https://sync.example.org' }, { key: 'sync.token', value: 't' }]);
    stop = startScheduler(engine, { target: new EventTarget() as unknown as Window, doc: new EventTarget() as unknown as Document });
    await vi.waitFor(() => expect(n).toBeGreaterThanOrEqual(3), { timeout: 2000 });
    expect(engine.getStatus().phase).toBe('offline');
  });
});
