// A server process killed (SIGKILL) while pushes are in flight, then started again on the same store: every batch is
// either wholly there or wholly absent, and the devices' retries end with each change applied exactly once.

import { openStore } from '../../server/store/open';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change, PushResponse } from '../../src/shared/protocol';
import { STORES, change, client, st } from './api-helpers';
import { freePort } from '../../server/testing';
import { addTeacherToStore, freshStoreEnv, startServerProcess, type ServerProcess } from './process-helpers';

describe.each(STORES)('crash mid-push on $name', (store) => {
  let proc: ServerProcess | undefined;
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(async () => {
    await proc?.kill();
    await cleanup();
  });

  it('keeps batches atomic across a SIGKILL, and retries apply each change once', async () => {
    const fresh = freshStoreEnv(store.name, 'crash');
    const env = fresh.env;
    cleanup = fresh.cleanup;
    const token = await addTeacherToStore(env, 'Ms Rivera');

    const port = await freePort();
    proc = await startServerProcess(env, port);
    const api = client({ url: proc.url }, token);
    const t0 = Date.now();
    await api.push('setup', [change(1, 'classes', 'class-a', { name: 'Room 4' }, st(t0))]);

    // Four devices, each with three batches of 400 changes, all sending at once.
    const devices = ['dev1', 'dev2', 'dev3', 'dev4'];
    const batches = new Map<string, Change[][]>(
      devices.map((d) => [
        d,
        Array.from({ length: 3 }, (_, b) =>
          Array.from({ length: 400 }, (_, i) => {
            const n = b * 400 + i + 1;
            return change(n, 'marks', `${d}-mark-${n}`, { classId: 'class-a', value: 'x', studentId: `s${i % 25}` }, st(t0 + n, d));
          }),
        ),
      ]),
    );
    // Like the app: one batch at a time, in order, stopping at the first failure to retry later.
    const sendAll = async (d: string) => {
      for (const b of batches.get(d)!) {
        const ok = await api.push(`tablet-${d}`, b).then((r) => r.ok, () => false);
        if (!ok) return;
      }
    };
    const inFlight = Promise.all(devices.map(sendAll));
    // Kill as soon as the first batch has committed, so the crash lands with others half-way.
    const watcher = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, pgSchema: env.PG_SCHEMA });
    while ((await watcher.dump('records')).length <= 1) await new Promise((r) => setTimeout(r, 5));
    await proc.kill();
    await watcher.close();
    await inFlight;

    // What survived the crash: for each batch, all of it or none of it.
    const after = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, pgSchema: env.PG_SCHEMA });
    const ids = new Set((await after.dump('records')).map((r) => r.id as string));
    await after.close();
    // The kill came after some batches and before the last.
    expect(ids.size).toBeGreaterThan(1);
    expect(ids.size).toBeLessThan(1 + devices.length * 1200);
    for (const d of devices) {
      for (const batch of batches.get(d)!) {
        const present = batch.filter((c) => ids.has(c.id)).length;
        expect([0, batch.length]).toContain(present);
      }
    }

    proc = await startServerProcess(env, port);
    // Each device retries its batches in order until acknowledged.
    const applied = await Promise.all(
      devices.map(async (d) => {
        let total = 0;
        for (const b of batches.get(d)!) {
          const res = await api.push(`tablet-${d}`, b);
          expect(res.status).toBe(200);
          const body = (await res.json()) as PushResponse;
          expect(body.ackedThrough).toBe(b[b.length - 1]!.n);
          total += body.applied;
        }
        return total;
      }),
    );
    const { records } = await api.pullAll();
    expect(records).toHaveLength(1 + devices.length * 1200);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    // What the retries applied is exactly what the crash had lost.
    expect(applied.reduce((a, b) => a + b, 0)).toBe(devices.length * 1200 - (ids.size - 1));
  });
});
