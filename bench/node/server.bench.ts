// Server throughput for small pushes: 100 simulated tablets (each its own teacher token and clientId) pushing a few
// changes at a time to the reference server on SQLite, run as its own process on 127.0.0.1 as in production.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatStamp } from '../../src/domain/hlc';
import { API_BASE, CLIENT_SCHEMA, SCHEMA_HEADER, type Change } from '../../src/shared/protocol';
import { openSqliteStore } from '../../server/store/sqlite';
import { freePort } from '../../server/testing';
import { hashToken, newToken } from '../../server/tokens';
import { percentile, type Metrics } from '../types';

const TABLETS = 100;
const PUSHES_PER_TABLET = 20;
const CHANGES_PER_PUSH = 3;
const WARMUP_PUSHES = 3;
const TIME_LIMIT_MS = 20_000;

async function waitUntilUp(url: string, headers: Record<string, string>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}${API_BASE}/hello`, { headers })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

export default async function serverBench(): Promise<Metrics> {
  const dir = mkdtempSync(join(tmpdir(), 'circulate-server-bench-'));
  const store = openSqliteStore(dir);
  const tablets: Array<{ token: string; clientId: string; classId: string }> = [];
  for (let i = 0; i < TABLETS; i++) {
    const token = newToken();
    await store.addTeacher(`Teacher ${i}`, hashToken(token));
    tablets.push({ token, clientId: `bench-tablet-${i}`, classId: `bench-class-${i}` });
  }
  await store.close();

  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, DATABASE_URL: '', CIRCULATE_LOG: 'quiet', RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'ignore', process.env.BENCH_DEBUG ? 'inherit' : 'ignore'],
  });
  const url = `http://127.0.0.1:${port}`;
  const headersFor = (token: string) => ({ Authorization: `Bearer ${token}`, [SCHEMA_HEADER]: String(CLIENT_SCHEMA), 'Content-Type': 'application/json' });

  try {
    await waitUntilUp(url, headersFor(tablets[0]!.token));
    const latencies: number[] = [];
    let failures = 0;
    const counters = tablets.map(() => 0);
    /** One small push from tablet ti: its class first, then marks, three changes at a time. */
    const pushFrom = (ti: number) => {
      const t = tablets[ti]!;
      const first = counters[ti] === 0;
      const ms = Date.now();
      const changes = Array.from({ length: CHANGES_PER_PUSH }, (_, i): Change => {
        const n = ++counters[ti]!;
        const stamp = { t: formatStamp(ms, n, `tab${ti}`), by: `Teacher ${ti}` };
        return first && i === 0
          ? { n, table: 'classes', id: t.classId, fields: { name: 'Room', deleted: false }, meta: { name: stamp, deleted: stamp } }
          : { n, table: 'marks', id: `m-${ti}-${n}`, fields: { classId: t.classId, value: 'x', deleted: false }, meta: { classId: stamp, value: stamp, deleted: stamp } };
      });
      const body = JSON.stringify({ clientId: t.clientId, schema: CLIENT_SCHEMA, changes });
      return fetch(`${url}${API_BASE}/push`, { method: 'POST', headers: headersFor(t.token), body });
    };
    // Warm-up, not measured: each tablet's first pushes (the first creates its class) open its connection and warm
    // the server's JIT, so the numbers are the steady state of a school morning, not a cold start.
    for (let w = 0; w < WARMUP_PUSHES; w++) await Promise.all(tablets.map(async (_, ti) => void (await (await pushFrom(ti)).arrayBuffer())));

    const deadline = performance.now() + TIME_LIMIT_MS;
    const start = performance.now();
    await Promise.all(
      tablets.map(async (_, ti) => {
        for (let p = 0; p < PUSHES_PER_TABLET && performance.now() < deadline; p++) {
          const t0 = performance.now();
          const res = await pushFrom(ti);
          await res.arrayBuffer();
          latencies.push(performance.now() - t0);
          if (!res.ok) failures++;
        }
      }),
    );
    const elapsed = (performance.now() - start) / 1000;
    if (failures > 0) throw new Error(`${failures} pushes failed`);
    return {
      'server-small-push-throughput': {
        value: Math.round(latencies.length / elapsed),
        unit: 'req/s',
        note: `${latencies.length} pushes of ${CHANGES_PER_PUSH} changes from ${TABLETS} tablets, SQLite`,
      },
      'server-small-push-p99': { value: Math.round(percentile(latencies, 99)), unit: 'ms', note: `p50 ${Math.round(percentile(latencies, 50))} ms` },
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
