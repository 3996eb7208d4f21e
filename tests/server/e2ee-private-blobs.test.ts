// A note made private in an encrypted class, through the real engine, blob queue and server on both stores: the
// server cannot read its refs, so the tablet has it forget the sealed photo and memo once the withdrawal is
// acknowledged (never before), keeps what another note still names, and asks again after a failed request.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Repo } from '../../src/db/repo';
import { createDb } from '../../src/db/schema';
import { writeConfig } from '../../src/sync/config';
import { SyncEngine } from '../../src/sync/engine';
import { BlobSync } from '../../src/sync/blobs';
import { BlobSeals } from '../../src/sync/e2ee/blobSeals';
import { Keyring } from '../../src/sync/e2ee/keyring';
import { Sealer } from '../../src/sync/e2ee/sealer';
import { newRecoveryPhrase } from '../../src/sync/e2ee/phrase';
import type { TestServer } from '../../server/testing';
import { STORES } from './api-helpers';
import { newNote } from './blob-devices';
import { bytesOn, holdsBytes, memoOn, photoOn, storeText } from './e2ee-helpers';

let devices = 0;

/** Tablet A of a teacher with a keyring, and a class (keyed unless `plain`) with one student; every request of its
 * engine and blob queue goes through `fetchFn`. `reopen` is the blob queue of the same database in a new tab. */
async function room(server: TestServer, fetchFn: typeof fetch, opts: { plain?: boolean } = {}) {
  const teacher = await server.addTeacher('Ms Rivera');
  const ring = await Keyring.create(newRecoveryPhrase(), 100_000);
  const repo = new Repo(createDb(`e2ee-private-${devices++}`));
  await repo.session.ready();
  await repo.session.setAuthor('Ms Rivera');
  await writeConfig(repo.db, { endpoint: server.url, token: teacher.token });
  const seals = new BlobSeals(repo.db, ring);
  const reopen = () => new BlobSync(repo, { seals, fetch: fetchFn, backoffBaseMs: 1, backoffMaxMs: 2 });
  const blobs = reopen();
  const engine = new SyncEngine(repo, { fetch: fetchFn, sealer: new Sealer(ring, seals), onPulled: (c) => blobs.enqueuePulled(c), backoffBaseMs: 1, backoffMaxMs: 2 });
  const a = { repo, engine, blobs, reopen };
  const classId = await repo.create('classes', { name: 'Room 12', grade: '4', archived: false, order: 0 });
  if (!opts.plain) await ring.addClassKey(classId);
  const studentId = await repo.create('students', { classId, firstName: 'Marisol', lastName: 'Quintanilla', order: 0, archived: false, sourceId: null });
  /** The address the server keeps the class's blob of this size under (a sealed one is 28 bytes longer). */
  const addrSized = async (size: number) => (await server.blobs.list()).find((b) => b.classId === classId && b.size === size)?.sha256;
  const held = async (addr: string) => (await server.blobs.get(teacher.id, classId, addr))?.bytes;
  return { teacher, a, classId, studentId, addrSized, held };
}

/** Every request goes through; those to /blobs/forget are recorded, and the next `failForgets` of them fail. */
function watched() {
  const state = { forgets: [] as string[][], failForgets: 0, failPush: false };
  const fetchFn: typeof fetch = (input, init) => {
    const path = new URL(String(input)).pathname;
    if (path.endsWith('/push') && state.failPush) return Promise.reject(new TypeError('fetch failed'));
    if (path.endsWith('/blobs/forget')) {
      state.forgets.push((JSON.parse(String(init?.body)) as { hashes: string[] }).hashes);
      if (state.failForgets-- > 0) return Promise.reject(new TypeError('fetch failed'));
    }
    return fetch(input, init);
  };
  return { state, fetchFn };
}

describe.each(STORES)("a private note's sealed blobs on $name", (store) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('are forgotten by the server once the withdrawal is acknowledged, except a photo another note still names', async () => {
    server = await store.start();
    const { state, fetchFn } = watched();
    const { a, classId, studentId, addrSized, held } = await room(server, fetchFn);
    const first = await newNote(a, classId, studentId, { text: 'reads her story to her abuela' });
    const photo = await photoOn(a, first);
    const memo = await memoOn(a, first);
    // The same page on a second note: the same bytes, so the same seal and the same address on the server.
    const second = await newNote(a, classId, studentId, { text: 'same page, revised' });
    await a.repo.update('notes', second, { photo: photo.ref, photoId: null });
    expect((await a.engine.sync()).ok).toBe(true);
    expect(await a.blobs.run()).toMatchObject({ uploaded: 2, retrying: 0 });
    const photoAddr = (await addrSized(photo.bytes.length + 28))!;
    const memoAddr = (await addrSized(memo.bytes.length + 28))!;
    const sealedPhoto = (await held(photoAddr))!;
    const sealedMemo = (await held(memoAddr))!;
    expect(holdsBytes(await storeText(server), sealedMemo)).toBe(true);

    await a.repo.update('notes', first, { private: true });
    expect((await a.engine.sync()).ok).toBe(true);
    expect(state.forgets).toEqual([]);
    expect((await a.blobs.run()).forgotten).toBeGreaterThan(0);
    expect(state.forgets.flat()).toContain(memoAddr);
    expect(state.forgets.flat()).not.toContain(photoAddr);
    expect(await held(memoAddr)).toBeUndefined();
    expect(await held(photoAddr)).toEqual(sealedPhoto);
    let text = await storeText(server);
    expect(holdsBytes(text, sealedMemo)).toBe(false);
    expect(holdsBytes(text, sealedPhoto)).toBe(true);
    // The author keeps the note's bytes with the note.
    expect(await bytesOn(a, memo.ref.sha256)).toEqual(memo.bytes);

    // The second note made private too: nothing names the photo any more, and it goes.
    await a.repo.update('notes', second, { private: true });
    expect((await a.engine.sync()).ok).toBe(true);
    await a.blobs.run();
    expect(await held(photoAddr)).toBeUndefined();
    expect((await server.blobs.list()).filter((b) => b.classId === classId)).toEqual([]);
    text = await storeText(server);
    expect(holdsBytes(text, sealedPhoto)).toBe(false);
    expect(holdsBytes(text, sealedMemo)).toBe(false);
    expect(await bytesOn(a, photo.ref.sha256)).toEqual(photo.bytes);
    // A later pass asks nothing again, and the uploads held by the private notes set no timer for one.
    const asked = state.forgets.length;
    await a.blobs.run();
    expect(state.forgets.length).toBe(asked);
    expect(await a.blobs.store.nextDueAt()).toBeNull();

    // Made public again, the note's photo and memo go up again under their seals.
    await a.repo.update('notes', first, { private: false });
    expect((await a.engine.sync()).ok).toBe(true);
    expect(await a.blobs.run()).toMatchObject({ uploaded: 2, retrying: 0 });
    expect(await held(photoAddr)).toEqual(sealedPhoto);
    expect(await held(memoAddr)).toEqual(sealedMemo);
  });

  it('asks nothing before the ack, and after a failed request asks again at the next sync, in a reopened tab', async () => {
    server = await store.start();
    const { state, fetchFn } = watched();
    const { a, classId, studentId, addrSized, held } = await room(server, fetchFn);
    const noteId = await newNote(a, classId, studentId, { text: 'family matter' });
    const memo = await memoOn(a, noteId);
    expect((await a.engine.sync()).ok).toBe(true);
    expect(await a.blobs.run()).toMatchObject({ uploaded: 1 });
    const memoAddr = (await addrSized(memo.bytes.length + 28))!;

    // The withdrawal does not reach the server: nothing is asked, and the sealed memo is still there.
    await a.repo.update('notes', noteId, { private: true });
    state.failPush = true;
    expect((await a.engine.sync({ force: true })).ok).toBe(false);
    await a.blobs.run();
    expect(state.forgets).toEqual([]);
    expect(await held(memoAddr)).toBeDefined();

    // Acknowledged now, but the forget request fails: the pass says so, and the memo is still there.
    state.failPush = false;
    state.failForgets = 1;
    expect((await a.engine.sync({ force: true })).ok).toBe(true);
    expect((await a.blobs.run()).error).toMatchObject({ kind: 'offline' });
    expect(state.forgets).toHaveLength(1);
    expect(await held(memoAddr)).toBeDefined();

    // The tab is closed and reopened: its next sync's blob pass asks again, and the memo goes.
    const reopened = a.reopen();
    expect((await a.engine.sync({ force: true })).ok).toBe(true);
    expect(await reopened.run()).toMatchObject({ forgotten: state.forgets[0]!.length });
    expect(state.forgets).toHaveLength(2);
    expect(state.forgets[1]).toContain(memoAddr);
    expect(await held(memoAddr)).toBeUndefined();
  });

  it('in a class with no key, leaves it to the server (no forget request), and uploads the photo again once the note is public again', async () => {
    server = await store.start();
    const { state, fetchFn } = watched();
    const { a, classId, studentId, held } = await room(server, fetchFn, { plain: true });
    const noteId = await newNote(a, classId, studentId);
    const photo = await photoOn(a, noteId);
    expect((await a.engine.sync()).ok).toBe(true);
    expect(await a.blobs.run()).toMatchObject({ uploaded: 1 });
    expect(await held(photo.ref.sha256)).toBeDefined();

    await a.repo.update('notes', noteId, { private: true });
    expect((await a.engine.sync()).ok).toBe(true);
    expect(await held(photo.ref.sha256)).toBeUndefined();
    expect((await a.blobs.run()).forgotten).toBeUndefined();
    await a.blobs.run();
    expect(state.forgets).toEqual([]);

    // Made public again: the server forgot the photo with the withdrawal, so the tablet uploads it again.
    await a.repo.update('notes', noteId, { private: false });
    expect((await a.engine.sync()).ok).toBe(true);
    expect(await a.blobs.run()).toMatchObject({ uploaded: 1 });
    expect(await held(photo.ref.sha256)).toBeDefined();
  });
});
