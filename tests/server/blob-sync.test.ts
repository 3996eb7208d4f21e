// The device blob queue against the real server (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): a photo and
// a memo go up from one tablet and come down to another; a private note's never leave; retries are idempotent.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/testing';
import { appendChunk, finishMemo, startMemo } from '../../src/db/memos';
import { sha256Hex } from '../../src/db/memos';
import { classWithStudent, jpegBytes, newNote, putPhoto, tablet } from './blob-devices';

const stores = [{ name: 'sqlite', url: undefined as string | undefined }, ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres', url: process.env.TEST_DATABASE_URL }] : [])];

describe.each(stores)('blob queue on $name', ({ url }) => {
  let server: TestServer;
  const puts: string[] = [];
  /** Records every blob PUT path, so a test can say what the server was sent. */
  const watching: typeof fetch = (input, init) => {
    if (init?.method === 'PUT') puts.push(new URL(String(input)).pathname.split('/').pop()!);
    return fetch(input, init);
  };
  beforeAll(async () => {
    server = await startTestServer({ databaseUrl: url });
  });
  afterAll(() => server.close());

  it('carries a photo and a memo from tablet A to tablet B, with the bytes intact', async () => {
    const teacher = await server.addTeacher('Ms Rivera');
    const a = await tablet(server.url, teacher.token, { fetch: watching });
    const b = await tablet(server.url, teacher.token);
    const { classId, studentId } = await classWithStudent(a);
    const noteId = await newNote(a, classId, studentId, { text: 'uses dialogue' });
    const photo = jpegBytes(300_000);
    const ref = await putPhoto(a, noteId, photo);
    const memoId = await startMemo({ table: 'notes', id: noteId }, 'audio/webm;codecs=opus', Date.now(), a.repo);
    await appendChunk(memoId, 0, new Blob([new Uint8Array([26, 69, 223, 163, 1, 2, 3])], { type: 'audio/webm' }), Date.now() + 1000, a.repo);
    const memo = await finishMemo(memoId, 1000, a.repo);

    expect((await a.engine.sync({ force: true })).ok).toBe(true);
    expect(await a.blobs.run()).toMatchObject({ uploaded: 2, retrying: 0 });
    expect(await server.blobs.get(teacher.id, classId, ref.sha256)).toBeDefined();

    // B pulls the note first: the photo is named but not yet here; the queue brings it.
    expect((await b.engine.sync({ force: true })).ok).toBe(true);
    expect((await b.repo.db.notes.get(noteId))?.photo).toEqual(ref);
    expect(await b.blobs.store.pendingCount()).toEqual({ up: 0, down: 2 });
    expect(await b.blobs.run()).toMatchObject({ downloaded: 2 });
    const got = await b.repo.db.blobs.get(ref.sha256);
    expect(await sha256Hex(got!.blob)).toBe(ref.sha256);
    expect(got!.type).toBe('image/jpeg');
    expect((await b.repo.db.blobs.get(memo!.sha256))?.type).toBe('audio/webm');

    // A second pass sends nothing again: the queue remembers what went.
    const before = puts.length;
    await a.blobs.run();
    expect(puts.length).toBe(before);
  });

  it("never uploads a private note's photo or memo, and uploads it once the note is made public", async () => {
    const teacher = await server.addTeacher('Mr Lee');
    const a = await tablet(server.url, teacher.token, { fetch: watching });
    const { classId, studentId } = await classWithStudent(a);
    const noteId = await newNote(a, classId, studentId, { private: true, text: 'family matter' });
    const ref = await putPhoto(a, noteId, jpegBytes(20_000));
    const memoId = await startMemo({ table: 'notes', id: noteId }, 'audio/webm', Date.now(), a.repo);
    await appendChunk(memoId, 0, new Blob([new Uint8Array([9, 9, 9])], { type: 'audio/webm' }), Date.now() + 500, a.repo);
    const memo = await finishMemo(memoId, 500, a.repo);
    await a.blobs.store.sweep();

    for (let i = 0; i < 3; i++) {
      expect((await a.engine.sync({ force: true })).ok).toBe(true);
      expect(await a.blobs.run()).toMatchObject({ uploaded: 0 });
    }
    expect(puts).not.toContain(ref.sha256);
    expect(puts).not.toContain(memo!.sha256);
    expect(await server.blobs.get(teacher.id, classId, ref.sha256)).toBeUndefined();
    expect(await server.blobs.get(teacher.id, classId, memo!.sha256)).toBeUndefined();

    await a.repo.update('notes', noteId, { private: false });
    await a.engine.sync({ force: true });
    expect(await a.blobs.run()).toMatchObject({ uploaded: 2 });
    expect(await server.blobs.get(teacher.id, classId, ref.sha256)).toBeDefined();
  });

  it('a note made private after its photo synced: the server and the other tablet forget the photo, its author keeps it', async () => {
    const teacher = await server.addTeacher('Ms Okafor');
    const a = await tablet(server.url, teacher.token);
    const b = await tablet(server.url, teacher.token);
    const { classId, studentId } = await classWithStudent(a);
    const noteId = await newNote(a, classId, studentId, { text: 'reads her story aloud' });
    const ref = await putPhoto(a, noteId, jpegBytes(30_000));
    await a.engine.sync({ force: true });
    await a.blobs.run();
    await b.engine.sync({ force: true });
    expect(await b.blobs.run()).toMatchObject({ downloaded: 1 });
    expect(await b.repo.db.blobs.get(ref.sha256)).toBeDefined();

    await a.repo.update('notes', noteId, { private: true });
    expect((await a.engine.sync({ force: true })).ok).toBe(true);
    expect(await server.blobs.get(teacher.id, classId, ref.sha256)).toBeUndefined();
    expect((await b.engine.sync({ force: true })).ok).toBe(true);
    expect(await b.repo.db.notes.get(noteId)).toBeUndefined();
    expect(await b.repo.db.blobs.get(ref.sha256)).toBeUndefined();
    expect(await b.repo.db.blobQueue.count()).toBe(0);
    expect(await a.repo.db.blobs.get(ref.sha256)).toBeDefined();
  });

  it('retries after a lost answer and a dropped request without storing anything twice', async () => {
    const teacher = await server.addTeacher('Ms Diaz');
    let faults = 2;
    const flaky: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT' && faults > 0) {
        faults--;
        if (faults === 1) throw new TypeError('fetch failed (dropped)');
        await (await fetch(input, init)).arrayBuffer();
        throw new TypeError('fetch failed (answer lost)');
      }
      return fetch(input, init);
    };
    const a = await tablet(server.url, teacher.token, { fetch: flaky });
    const { classId, studentId } = await classWithStudent(a);
    const ref = await putPhoto(a, await newNote(a, classId, studentId), jpegBytes(50_000));
    await a.engine.sync({ force: true });
    expect(await a.blobs.run()).toMatchObject({ uploaded: 0, retrying: 1 });
    await new Promise((r) => setTimeout(r, 10));
    expect(await a.blobs.run()).toMatchObject({ uploaded: 0, retrying: 1 });
    await new Promise((r) => setTimeout(r, 10));
    // The lost answer's PUT was stored: the missing check says so, and the entry is done without a third PUT.
    expect(await a.blobs.run()).toMatchObject({ retrying: 0 });
    expect(await a.blobs.store.pendingCount()).toEqual({ up: 0, down: 0 });
    expect((await server.blobs.get(teacher.id, classId, ref.sha256))?.bytes.length).toBe(50_000);
  });

  it('a pulled photo the server does not have yet waits and comes once it is uploaded', async () => {
    const teacher = await server.addTeacher('Mr Okafor');
    const a = await tablet(server.url, teacher.token);
    const b = await tablet(server.url, teacher.token);
    const { classId, studentId } = await classWithStudent(a);
    const ref = await putPhoto(a, await newNote(a, classId, studentId), jpegBytes(10_000));
    await a.engine.sync({ force: true });
    await b.engine.sync({ force: true });
    expect(await b.blobs.run()).toMatchObject({ downloaded: 0, retrying: 1 });
    expect(await b.repo.db.blobs.get(ref.sha256)).toBeUndefined();
    await a.blobs.run();
    await new Promise((r) => setTimeout(r, 10));
    expect(await b.blobs.run()).toMatchObject({ downloaded: 1 });
  });

  it('drops a retaken photo from the queue, and marks one the server refuses as too large failed for good', async () => {
    const teacher = await server.addTeacher('Ms Park');
    const a = await tablet(server.url, teacher.token, { fetch: watching });
    const { classId, studentId } = await classWithStudent(a);
    const noteId = await newNote(a, classId, studentId);
    const first = await putPhoto(a, noteId, jpegBytes(1000));
    const second = await putPhoto(a, noteId, jpegBytes(2000));
    await a.engine.sync({ force: true });
    expect(await a.blobs.run()).toMatchObject({ uploaded: 1 });
    expect(puts).not.toContain(first.sha256);
    expect(puts).toContain(second.sha256);
    expect(await a.blobs.store.db.blobQueue.get(`up:${classId}:${first.sha256}`)).toBeUndefined();

    const small = await startTestServer({ databaseUrl: url, maxBlobBytes: 4096 });
    try {
      const t = await small.addTeacher('Mr Ito');
      const c = await tablet(small.url, t.token);
      const ids = await classWithStudent(c);
      const big = await putPhoto(c, await newNote(c, ids.classId, ids.studentId), jpegBytes(10_000));
      await c.engine.sync({ force: true });
      expect(await c.blobs.run()).toMatchObject({ uploaded: 0, retrying: 0 });
      expect(await c.blobs.store.db.blobQueue.get(`up:${ids.classId}:${big.sha256}`)).toMatchObject({ state: 'failed' });
      // Never tried again.
      expect(await c.blobs.store.due(Date.now() + 3_600_000)).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('keeps no downloaded bytes that do not hash to their name, and takes the right ones later', async () => {
    const teacher = await server.addTeacher('Ms Novak');
    let tamper = true;
    const proxy: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (tamper && (init?.method ?? 'GET') === 'GET' && String(input).includes('/blobs/')) {
        await res.arrayBuffer();
        return new Response('<html>captive portal</html>', { status: 200, headers: { 'Content-Type': 'image/jpeg' } });
      }
      return res;
    };
    const a = await tablet(server.url, teacher.token);
    const b = await tablet(server.url, teacher.token, { fetch: proxy });
    const { classId, studentId } = await classWithStudent(a);
    const ref = await putPhoto(a, await newNote(a, classId, studentId), jpegBytes(4000));
    await a.engine.sync({ force: true });
    await a.blobs.run();
    await b.engine.sync({ force: true });
    expect(await b.blobs.run()).toMatchObject({ downloaded: 0, retrying: 1 });
    expect(await b.repo.db.blobs.get(ref.sha256)).toBeUndefined();
    tamper = false;
    await new Promise((r) => setTimeout(r, 10));
    expect(await b.blobs.run()).toMatchObject({ downloaded: 1 });
    expect(await sha256Hex((await b.repo.db.blobs.get(ref.sha256))!.blob)).toBe(ref.sha256);
  });
});
