// Sync throughput: 10,000 changes pushed from one device and pulled into a second, each device the real engine on
// Chromium's IndexedDB, through the reference server on SQLite that bench/run.ts starts on 127.0.0.1. Budget: 3 s.
import { Dexie } from 'dexie';
import { Repo } from '../../src/db/repo';
import { createDb } from '../../src/db/schema';
import { writeConfig } from '../../src/sync/config';
import { SyncEngine } from '../../src/sync/engine';
import { benchServer } from '../harness/benchServer';
import type { Metrics } from '../types';

const CHANGES = 10_000;

async function device(name: string): Promise<{ repo: Repo; engine: SyncEngine }> {
  await Dexie.delete(name);
  const repo = new Repo(createDb(name));
  await repo.session.ready();
  const { url, token } = benchServer();
  await writeConfig(repo.db, { endpoint: url, token });
  return { repo, engine: new SyncEngine(repo) };
}

export default async function syncBench(): Promise<Metrics> {
  const a = await device('bench-sync-a');
  const b = await device('bench-sync-b');
  try {
    // A class's worth of taps: 10,000 changes, each one outbox entry (written in big transactions to set up quickly).
    const classId = await a.repo.create('classes', { name: 'Room 12', grade: '4', archived: false, order: 0 });
    for (let done = 1; done < CHANGES; ) {
      const n = Math.min(1000, CHANGES - done);
      await a.repo.transact(async (w) => {
        for (let i = 0; i < n; i++) {
          await w.create('marks', { classId, pieceId: 'p1', studentId: `s${(done + i) % 30}`, objectiveId: `o${(done + i) % 8}`, value: 'x', at: done + i });
        }
      }, ['marks']);
      done += n;
    }
    const queued = await a.repo.db.outbox.count();
    if (queued !== CHANGES) throw new Error(`expected ${CHANGES} outbox entries, got ${queued}`);

    const t0 = performance.now();
    const pushed = await a.engine.sync({ pushOnly: true });
    const t1 = performance.now();
    const pulled = await b.engine.sync();
    const t2 = performance.now();
    if (!pushed.ok || pushed.pushed !== CHANGES) throw new Error(`push failed: ${pushed.error?.message ?? pushed.pushed}`);
    if (!pulled.ok || (await b.repo.db.marks.count()) !== CHANGES - 1) throw new Error(`pull failed: ${pulled.error?.message ?? ''}`);
    if ((await a.repo.db.outbox.count()) !== 0) throw new Error('push left entries in the outbox');
    return {
      'sync-push-pull-10k': { value: Math.round(t2 - t0), unit: 'ms', budget: 3000, note: `push ${Math.round(t1 - t0)} ms, pull ${Math.round(t2 - t1)} ms; Chromium IndexedDB, SQLite server` },
    };
  } finally {
    a.repo.db.close();
    b.repo.db.close();
    await Dexie.delete('bench-sync-a');
    await Dexie.delete('bench-sync-b');
  }
}
