// Sync throughput: 10,000 changes pushed from one device and pulled into a second, each device the real engine on
// Chromium's IndexedDB, through the reference server on SQLite that bench/run.ts starts on 127.0.0.1. Budget: 3 s.
// Five runs, each with its own teacher and two fresh devices; the median is reported (this machine's IndexedDB
// and CPU share swing a single run by a fifth). Five more, each right after one of those, seal every change under a
// class key (end-to-end encryption): the median of each pair's ratio is the encryption ratio, budget 1.3x (a pair
// shares the machine's minute, so a slow minute does not land on one kind only).
import { Dexie } from 'dexie';
import { Repo } from '../../src/db/repo';
import { createDb } from '../../src/db/schema';
import { writeConfig } from '../../src/sync/config';
import { SyncEngine } from '../../src/sync/engine';
import { Sealer, type KeySource } from '../../src/sync/e2ee/sealer';
import { newClassKey } from '../../src/sync/e2ee/keys';
import type { ClassKey } from '../../src/sync/e2ee/fieldCipher';
import { benchServer } from '../harness/benchServer';
import { median, type Metrics } from '../types';

const CHANGES = 10_000;

/** Both tablets of a run hold the one class key (as the keyring would give them after the phrase). */
class OneClassKey implements KeySource {
  classId = '';
  constructor(private readonly key: ClassKey) {}
  sealingKey(scope: string) {
    return scope === this.classId ? this.key : undefined;
  }
  openingKeys(scope: string) {
    return new Map(scope === this.classId ? [[this.key.id, this.key]] : []);
  }
}

async function device(name: string, token: string, keys?: KeySource): Promise<{ repo: Repo; engine: SyncEngine }> {
  await Dexie.delete(name);
  const repo = new Repo(createDb(name));
  await repo.session.ready();
  await writeConfig(repo.db, { endpoint: benchServer().url, token });
  return { repo, engine: new SyncEngine(repo, keys ? { sealer: new Sealer(keys) } : {}) };
}

/** One run: push then pull, in ms. */
async function run(token: string, encrypted: boolean): Promise<{ push: number; pull: number }> {
  const keys = encrypted ? new OneClassKey((await newClassKey()).classKey) : undefined;
  const a = await device('bench-sync-a', token, keys);
  const b = await device('bench-sync-b', token, keys);
  try {
    // A class's worth of taps: 10,000 changes, each one outbox entry (written in big transactions to set up quickly).
    const classId = await a.repo.create('classes', { name: 'Room 12', grade: '4', archived: false, order: 0 });
    if (keys) keys.classId = classId;
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
    if (encrypted && (await b.repo.db.marks.toCollection().first())?.value !== 'x') throw new Error('an encrypted mark did not open');
    if ((await a.repo.db.outbox.count()) !== 0) throw new Error('push left entries in the outbox');
    return { push: t1 - t0, pull: t2 - t1 };
  } finally {
    a.repo.db.close();
    b.repo.db.close();
    await Dexie.delete('bench-sync-a');
    await Dexie.delete('bench-sync-b');
  }
}

export default async function syncBench(): Promise<Metrics> {
  const runs: { push: number; pull: number }[] = [];
  const sealed: { push: number; pull: number }[] = [];
  // Alternating, so a slow minute of this shared machine falls on both kinds alike.
  const tokens = benchServer().tokens;
  for (let i = 0; i + 1 < tokens.length; i += 2) {
    runs.push(await run(tokens[i]!, false));
    sealed.push(await run(tokens[i + 1]!, true));
  }
  const totals = runs.map((r) => r.push + r.pull);
  const mid = runs[totals.indexOf(median(totals))]!;
  const sealedTotals = sealed.map((r) => r.push + r.pull);
  const ratio = median(sealedTotals.map((t, i) => t / totals[i]!));
  const sealedMid = sealed[sealedTotals.indexOf(median(sealedTotals))]!;
  return {
    'sync-encrypted-ratio': {
      value: Math.round(ratio * 100) / 100,
      unit: 'x',
      budget: 1.3,
      note: `10k changes sealed (AES-GCM per seal group) vs plain, median of ${sealed.length} pairs: ${sealedTotals.map(Math.round).join(', ')} ms vs ${totals.map(Math.round).join(', ')} ms (sealed median: push ${Math.round(sealedMid.push)} ms, pull ${Math.round(sealedMid.pull)} ms)`,
    },
    'sync-push-pull-10k': {
      value: Math.round(mid.push + mid.pull),
      unit: 'ms',
      budget: 3000,
      note: `median of ${runs.length} (${totals.map(Math.round).join(', ')}): push ${Math.round(mid.push)} ms, pull ${Math.round(mid.pull)} ms; Chromium IndexedDB, SQLite server`,
    },
  };
}
