// A class made after encryption is on goes up sealed once, through the real engine, key storage and server on both
// stores: its records keep their stamps (never re-stamped), each is pushed once and no plain copy is asked to be
// dropped, while a class the server already held plain is still re-sent sealed and its plain copy dropped.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Repo } from '../../src/db/repo';
import { createDb } from '../../src/db/schema';
import { writeConfig } from '../../src/sync/config';
import { SyncEngine } from '../../src/sync/engine';
import { DeviceKeys } from '../../src/sync/e2ee/deviceKeys';
import { KeyExchange } from '../../src/sync/e2ee/exchange';
import { newRecoveryPhrase } from '../../src/sync/e2ee/phrase';
import { Sealer } from '../../src/sync/e2ee/sealer';
import { EncryptionSetup } from '../../src/sync/encryption';
import type { Change } from '../../src/shared/protocol';
import type { TestServer } from '../../server/testing';
import { STORES } from './api-helpers';
import { storeText } from './e2ee-helpers';

const ITERATIONS = 100_000;
let devices = 0;

/** A tablet whose every push and purge request is recorded; two changes a push, as a big class would span several. */
async function tablet(server: TestServer, token: string) {
  const repo = new Repo(createDb(`e2ee-new-${devices++}`));
  await repo.session.ready();
  await repo.session.setAuthor('Ms Rivera');
  await writeConfig(repo.db, { endpoint: server.url, token });
  const keys = new DeviceKeys(repo.db);
  const pushed: Change[] = [];
  const purged: string[] = [];
  const spy: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { changes?: Change[]; classIds?: string[] }) : {};
    if (url.endsWith('/push')) pushed.push(...(body.changes ?? []));
    if (url.endsWith('/purge-plain')) purged.push(...(body.classIds ?? []));
    return fetch(input, init);
  };
  const engine = new SyncEngine(repo, { fetch: spy, pushBatch: 2, sealer: new Sealer(keys), keyExchange: new KeyExchange(repo, keys) });
  return { repo, keys, engine, pushed, purged, setup: new EncryptionSetup(engine, keys, ITERATIONS) };
}

async function synced(engine: SyncEngine): Promise<void> {
  const out = await engine.sync({ force: true });
  expect(out.error?.message).toBeUndefined();
  expect(out.ok).toBe(true);
}

type Tablet = Awaited<ReturnType<typeof tablet>>;

/** A class with two students, as the roster screen makes one; returns every record's id, the class's first. */
async function classWithStudents(t: Tablet, name: string, students: [string, string][]): Promise<string[]> {
  const classId = await t.repo.create('classes', { name, grade: '4', archived: false, order: 0 });
  const ids = [classId];
  for (const [i, [firstName, lastName]] of students.entries()) {
    ids.push(await t.repo.create('students', { classId, firstName, lastName, order: i, archived: false, sourceId: null }));
  }
  return ids;
}

async function stamps(t: Tablet, ids: string[]): Promise<unknown[]> {
  const [classId, ...students] = ids;
  return [(await t.repo.db.classes.get(classId!))?._m, ...(await t.repo.db.students.bulkGet(students)).map((s) => s?._m)];
}

describe.each(STORES)('a class made after encryption is on, on $name', (store) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('is pushed sealed once and never re-stamped; a class synced plain before is still re-sent', async () => {
    server = await store.start();
    const teacher = await server.addTeacher('Ms Rivera');
    const a = await tablet(server, teacher.token);

    const plain = await classWithStudents(a, 'Room 12', [['Marisol', 'Quintanilla'], ['Bao', 'Nguyen']]);
    await synced(a.engine);
    const phrase = newRecoveryPhrase();
    await a.setup.turnOn(phrase);
    await synced(a.engine);
    // The plain class went twice (plain, then sealed) and its plain copy was dropped.
    const timesPushed = (ids: string[]) => ids.map((id) => a.pushed.filter((c) => c.id === id).length);
    expect(timesPushed(plain)).toEqual([2, 2, 2]);
    expect(a.purged).toEqual([plain[0]]);

    const fresh = await classWithStudents(a, 'Room 14', [['Ximena', 'Oyelaran'], ['Tadeusz', 'Brightwater']]);
    const before = await stamps(a, fresh);
    expect(await a.repo.outbox.count()).toBe(3);
    await synced(a.engine);
    expect(timesPushed(fresh)).toEqual([1, 1, 1]);
    expect(await stamps(a, fresh)).toEqual(before);
    expect(a.purged).toEqual([plain[0]]);
    expect(await a.repo.outbox.count()).toBe(0);

    // It went sealed: the server cannot read it, and the teacher's other tablet opens it with the phrase.
    const text = await storeText(server);
    for (const s of ['Room 14', 'Ximena', 'Oyelaran', 'Brightwater', 'Marisol']) expect(text).not.toContain(s);
    const b = await tablet(server, teacher.token);
    await b.setup.unlock(phrase);
    await synced(b.engine);
    expect((await b.repo.db.classes.get(fresh[0]!))?.name).toBe('Room 14');
    expect((await b.repo.db.students.get(fresh[2]!))?.lastName).toBe('Brightwater');
    expect((await b.repo.db.students.get(plain[1]!))?.firstName).toBe('Marisol');
  });
});
