// Tablets for the end-to-end encryption server tests: a real engine and blob queue on their own database, keyed by a
// keyring, talking to the real test server; and the keyed class most of those tests start from.
import { Repo } from '../../src/db/repo';
import { createDb } from '../../src/db/schema';
import { writeConfig } from '../../src/sync/config';
import { SyncEngine } from '../../src/sync/engine';
import { Keyring } from '../../src/sync/e2ee/keyring';
import { Sealer } from '../../src/sync/e2ee/sealer';
import { newRecoveryPhrase } from '../../src/sync/e2ee/phrase';
import type { TestServer } from '../../server/testing';
import { BlobSync, type BlobSyncOptions } from '../../src/sync/blobs';
import { BlobSeals } from '../../src/sync/e2ee/blobSeals';

export const ITERATIONS = 100_000;
let devices = 0;

export interface TabletOptions {
  /** Stands between the blob queue and the server (a hostile server's answers, say); plain fetch by default. */
  fetch?: typeof fetch;
  /** The blob queue's clock and slow cadences, for tests that wait hours. */
  blobs?: Pick<BlobSyncOptions, 'now' | 'recheckUploadsMs'>;
}

export async function tablet(server: TestServer, token: string, ring: Keyring, author: string, opts: TabletOptions = {}) {
  const repo = new Repo(createDb(`e2ee-${devices++}`));
  await repo.session.ready();
  await repo.session.setAuthor(author);
  await writeConfig(repo.db, { endpoint: server.url, token });
  const seals = new BlobSeals(repo.db, ring);
  let engine: SyncEngine | undefined = undefined;
  const gets: string[] = [];
  const through = opts.fetch ?? fetch;
  // Records each blob GET, so a test can say the queue stopped asking for one.
  const fetchFn: typeof fetch = (input, init) => {
    if (!init?.method || init.method === 'GET') gets.push(new URL(String(input)).pathname);
    return through(input, init);
  };
  const blobs = new BlobSync(repo, { seals, report: (n) => engine!.reportTamperedBlobs(n), fetch: fetchFn, backoffBaseMs: 1, backoffMaxMs: 2, ...opts.blobs });
  engine = new SyncEngine(repo, { sealer: new Sealer(ring, seals), onPulled: (c) => blobs.enqueuePulled(c) });
  return { repo, engine, blobs, gets };
}

/** A teacher with a keyring, tablet A, and a keyed class with one student on it: where most of these tests start. */
export async function keyedRoom(server: TestServer, opts: TabletOptions = {}) {
  const teacher = await server.addTeacher('Ms Rivera');
  const phrase = newRecoveryPhrase();
  const ring = await Keyring.create(phrase, ITERATIONS);
  const a = await tablet(server, teacher.token, ring, 'Ms Rivera', opts);
  const classId = await a.repo.create('classes', { name: 'Room 12', grade: '4', archived: false, order: 0 });
  await ring.addClassKey(classId);
  const studentId = await a.repo.create('students', { classId, firstName: 'Marisol', lastName: 'Quintanilla', order: 0, archived: false, sourceId: null });
  return { teacher, phrase, ring, a, classId, studentId };
}
