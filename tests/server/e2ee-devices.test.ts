// Encryption as tablets turn it on, through the real engine, the tablet's own key storage and the real server on both
// stores: a class already synced plain (with a lost write in the server's field history) is re-sent sealed and the
// server drops its plain copy; the second tablet opens the keys with the phrase alone (a wrong one changes nothing);
// a co-teacher is given the class key through the relay without anyone handling keys, and sees everything. Its photo
// and memo, uploaded plain before, go again sealed and the server forgets the plain bytes.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Repo } from '../../src/db/repo';
import { createDb } from '../../src/db/schema';
import { writeConfig } from '../../src/sync/config';
import { SyncEngine } from '../../src/sync/engine';
import { DeviceKeys, E2EE_KEYS } from '../../src/sync/e2ee/deviceKeys';
import { KeyExchange } from '../../src/sync/e2ee/exchange';
import { newRecoveryPhrase } from '../../src/sync/e2ee/phrase';
import { Sealer } from '../../src/sync/e2ee/sealer';
import { EncryptionSetup } from '../../src/sync/encryption';
import type { TestServer } from '../../server/testing';
import { STORES } from './api-helpers';
import { bytesOn, holdsBytes, memoOn, photoOn, storeText } from './e2ee-helpers';
import { BlobSync } from '../../src/sync/blobs';
import { BlobSeals } from '../../src/sync/e2ee/blobSeals';
import { SEALED_BLOB_TYPE } from '../../src/shared/blobs';

const ITERATIONS = 100_000;
const SECRETS = ['Marisol', 'Quintanilla', 'abuela', 'garden', 'Room 12'];
let devices = 0;

async function tablet(server: TestServer, token: string, author: string) {
  const repo = new Repo(createDb(`e2ee-dev-${devices++}`));
  await repo.session.ready();
  await repo.session.setAuthor(author);
  await writeConfig(repo.db, { endpoint: server.url, token });
  const keys = new DeviceKeys(repo.db);
  const seals = new BlobSeals(repo.db, keys);
  const blobs = new BlobSync(repo, { seals, backoffBaseMs: 1, backoffMaxMs: 2 });
  const engine = new SyncEngine(repo, { sealer: new Sealer(keys, seals), keyExchange: new KeyExchange(repo, keys), onPulled: (c) => blobs.enqueuePulled(c) });
  return { repo, keys, engine, blobs, setup: new EncryptionSetup(engine, keys, ITERATIONS) };
}

async function synced(engine: SyncEngine): Promise<void> {
  const out = await engine.sync({ force: true });
  expect(out.error?.message).toBeUndefined();
  expect(out.ok).toBe(true);
}

describe.each(STORES)('turning encryption on, on $name', (store) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('re-sends a plain class sealed, drops the plain copy, and every tablet and the co-teacher still see everything', async () => {
    server = await store.start();
    const teacher = await server.addTeacher('Ms Rivera');
    const coTeacher = await server.addTeacher('Mr Okafor');
    const a = await tablet(server, teacher.token, 'Ms Rivera');
    const b = await tablet(server, teacher.token, 'Ms Rivera');

    // Before encryption: a class synced plain, and a write lost to the other tablet, kept in the field history.
    const classId = await a.repo.create('classes', { name: 'Room 12', grade: '4', archived: false, order: 0 });
    const studentId = await a.repo.create('students', { classId, firstName: 'Marisol', lastName: 'Quintanilla', order: 0, archived: false, sourceId: null });
    const noteId = await a.repo.create('notes', {
      classId, studentId, pieceId: null, text: 'Wrote about her abuela', objectiveIds: [], context: null, private: false,
      at: Date.now(), printedAt: null, photoId: null, groupSessionId: null, conferenceId: null,
    });
    const photo = await photoOn(a, noteId);
    const memo = await memoOn(a, noteId);
    await synced(a.engine);
    expect(await a.blobs.run()).toMatchObject({ uploaded: 2 });
    await synced(b.engine);
    expect(await b.blobs.run()).toMatchObject({ downloaded: 2 });
    expect(holdsBytes(await storeText(server), memo.bytes)).toBe(true);
    await b.repo.update('notes', noteId, { text: 'Her abuela in the garden' });
    await a.repo.update('notes', noteId, { text: 'Wrote about her abuela, with dialogue' });
    await synced(a.engine);
    await synced(b.engine);
    expect((await server.db.history({ scope: '', table: 'notes', id: noteId })).length).toBeGreaterThan(0);
    expect(await storeText(server)).toContain('garden');

    // Tablet A turns it on: a new phrase; its next sync keys the class, re-sends it sealed, and the plain copy goes.
    const phrase = newRecoveryPhrase();
    await a.setup.turnOn(phrase);
    await synced(a.engine);
    expect(await a.repo.db.local.get(E2EE_KEYS.purge)).toBeUndefined();
    const text = await storeText(server);
    for (const s of SECRETS) expect(text).not.toContain(s);
    expect(await server.db.history({ scope: '', table: 'notes', id: noteId })).toEqual([]);
    // Its photo and memo go again sealed, and the server forgets the plain copies once the sealed ones are there.
    expect(await a.blobs.run()).toMatchObject({ uploaded: 2, retrying: 0 });
    const stored = await storeText(server);
    expect(holdsBytes(stored, memo.bytes)).toBe(false);
    expect(holdsBytes(stored, photo.bytes)).toBe(false);
    expect((await server.blobs.list()).map((x) => x.type)).toEqual([SEALED_BLOB_TYPE, SEALED_BLOB_TYPE]);
    expect(await server.blobs.get(teacher.id, classId, memo.ref.sha256)).toBeUndefined();

    // Tablet B: a wrong phrase is refused and keeps nothing; the right one opens everything.
    expect(await b.setup.state()).toBe('enter-phrase');
    await expect(b.setup.unlock(newRecoveryPhrase())).rejects.toThrow(/does not open this teacher\u2019s keys.*nothing was changed/);
    await expect(b.setup.unlock('apple banana')).rejects.toThrow(/has 12 words; this has 2/);
    expect(b.keys.keyring).toBeNull();
    expect(await b.repo.db.local.get(E2EE_KEYS.keyring)).toBeUndefined();
    await b.setup.unlock(`  ${phrase.toUpperCase()} `);
    await synced(b.engine);
    expect(await b.setup.state()).toBe('on');
    await b.repo.update('students', studentId, { firstName: 'Maricela' });
    await synced(b.engine);
    await synced(a.engine);
    expect((await a.repo.db.students.get(studentId))?.firstName).toBe('Maricela');

    // The co-teacher: their own phrase; the class key reaches them through the relay once the owner's tablet syncs.
    await server.shareClass(classId, coTeacher.id);
    const c = await tablet(server, coTeacher.token, 'Mr Okafor');
    await c.setup.turnOn(newRecoveryPhrase());
    await synced(c.engine);
    expect(await c.repo.db.notes.get(noteId)).toBeUndefined();
    await synced(a.engine);
    await synced(c.engine);
    expect((await c.repo.db.notes.get(noteId))?.text).toBe('Wrote about her abuela, with dialogue');
    expect(await c.repo.db.students.get(studentId)).toMatchObject({ firstName: 'Maricela', lastName: 'Quintanilla' });
    expect((await c.repo.db.classes.get(classId))?.name).toBe('Room 12');
    expect(await c.blobs.run()).toMatchObject({ downloaded: 2, retrying: 0 });
    expect(await bytesOn(c, memo.ref.sha256)).toEqual(memo.bytes);
    expect(await bytesOn(c, photo.ref.sha256)).toEqual(photo.bytes);

    await c.repo.update('notes', noteId, { text: 'Second draft: the garden scene' });
    await synced(c.engine);
    await synced(a.engine);
    await synced(b.engine);
    expect((await a.repo.db.notes.get(noteId))?.text).toBe('Second draft: the garden scene');
    expect((await b.repo.db.notes.get(noteId))?.text).toBe('Second draft: the garden scene');
    const after = await storeText(server);
    for (const s of [...SECRETS, 'Maricela', 'scene']) expect(after).not.toContain(s);
    expect(holdsBytes(after, memo.bytes)).toBe(false);
  });
});
