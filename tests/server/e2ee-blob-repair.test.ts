// Sealed photos and memos that fail the encryption check, through the real engines and server on both stores: the
// server never serves bytes changed on disk and its uploader sends them again; a tablet handed tampered bytes keeps
// none, says so on every sync, asks again only after a long wait, and clears the warning once good bytes open.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Keyring } from '../../src/sync/e2ee/keyring';
import type { TestServer } from '../../server/testing';
import { STORES } from './api-helpers';
import { bytesOn, memoOn, photoOn, tamperBlob } from './e2ee-helpers';
import { keyedRoom, tablet, type TabletOptions } from './e2ee-tablets';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A clock the blob queues run on, ahead of the real one by however much a test let pass, so hours pass at once. */
function clock() {
  let ahead = 0;
  return { now: () => Date.now() + ahead, pass: (ms: number) => void (ahead += ms) };
}

/** Tablet A with a note holding a sealed photo and memo, both uploaded; tablet B of the same teacher, synced. */
async function noteOnTwoTablets(server: TestServer, a: TabletOptions, b: TabletOptions) {
  const { teacher, phrase, ring, a: tabletA, classId, studentId } = await keyedRoom(server, a);
  const noteId = await tabletA.repo.create('notes', {
    classId, studentId, pieceId: null, text: 'read aloud', objectiveIds: [], context: null, private: false,
    at: Date.now(), printedAt: null, photoId: null, groupSessionId: null, conferenceId: null,
  });
  const memo = await memoOn(tabletA, noteId);
  const photo = await photoOn(tabletA, noteId);
  expect((await tabletA.engine.sync()).ok).toBe(true);
  expect(await tabletA.blobs.run()).toMatchObject({ uploaded: 2 });
  const tabletB = await tablet(server, teacher.token, await Keyring.open(ring.vault, phrase), 'Ms Rivera', b);
  expect((await tabletB.engine.sync()).ok).toBe(true);
  const addr = (await tabletB.repo.db.notes.get(noteId))!.memos![0]!.sealed!.addr;
  return { teacher, classId, noteId, memo, photo, addr, a: tabletA, b: tabletB };
}

describe.each(STORES)('sealed blobs that fail their check, on $name', (store) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('never serves a sealed blob changed on disk: the server drops it, tablet A sends it again, tablet B opens it', async () => {
    server = await store.start();
    const clockA = clock();
    const clockB = clock();
    const t = await noteOnTwoTablets(server, { blobs: { now: clockA.now } }, { blobs: { now: clockB.now } });
    await tamperBlob(server, t.addr);

    // B asks: the server finds the bytes no longer hash to their address and answers as if never uploaded.
    expect(await t.b.blobs.run()).toMatchObject({ downloaded: 1, retrying: 1 });
    expect(await bytesOn(t.b, t.photo.ref.sha256)).toEqual(t.photo.bytes);
    expect(await t.b.repo.db.blobs.get(t.memo.ref.sha256)).toBeUndefined();
    expect(await server.blobs.get(t.teacher.id, t.classId, t.addr)).toBeUndefined();
    // Nothing came that failed a check, so B has nothing to warn of: the memo is on its way.
    expect(t.b.engine.getStatus()).toMatchObject({ phase: 'synced', error: null });
    expect(await t.b.blobs.store.waiting()).toEqual({ up: 0, down: 1 });

    // A asks after its done uploads only now and then (a day), then sends the memo again.
    clockA.pass(HOUR);
    expect(await t.a.blobs.run()).toMatchObject({ uploaded: 0 });
    clockA.pass(24 * HOUR);
    expect(await t.a.blobs.run()).toMatchObject({ uploaded: 1, retrying: 0 });
    expect(await server.blobs.get(t.teacher.id, t.classId, t.addr)).toBeDefined();

    clockB.pass(MINUTE);
    expect(await t.b.blobs.run()).toMatchObject({ downloaded: 1, retrying: 0 });
    expect(await bytesOn(t.b, t.memo.ref.sha256)).toEqual(t.memo.bytes);
    expect((await t.b.engine.sync()).ok).toBe(true);
    expect(t.b.engine.getStatus()).toMatchObject({ phase: 'synced', error: null });
  });

  it('reports tampered bytes on every sync, keeps none, asks again only after a long wait, and clears once good bytes open', async () => {
    server = await store.start();
    const clockB = clock();
    // A hostile server (or one that skips its check) between B and the store: it changes the memo's bytes.
    const hostile = { addr: '', on: true };
    const through: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!hostile.on || !hostile.addr || !String(input).endsWith(hostile.addr) || res.status !== 200) return res;
      const bytes = new Uint8Array(await res.arrayBuffer());
      bytes[40] = bytes[40]! ^ 0x01;
      return new Response(bytes, { status: 200, headers: res.headers });
    };
    const t = await noteOnTwoTablets(server, {}, { fetch: through, blobs: { now: clockB.now } });
    hostile.addr = t.addr;
    const asked = () => t.b.gets.filter((g) => g.endsWith(t.addr)).length;

    // Bytes not at their address could be a captive portal's page: asked again twice, then called tampered.
    for (let i = 0; i < 3; i++) {
      await t.b.blobs.run();
      clockB.pass(1_000);
    }
    expect(asked()).toBe(3);
    expect(await bytesOn(t.b, t.photo.ref.sha256)).toEqual(t.photo.bytes);
    expect(await t.b.repo.db.blobs.get(t.memo.ref.sha256)).toBeUndefined();
    const warning = { kind: 'tampered', message: expect.stringMatching(/^A photo or voice memo from the server failed the encryption check.*not kept/) };
    expect(t.b.engine.getStatus()).toMatchObject({ phase: 'error', error: warning });

    // A later sync with nothing new says so still; no hot loop of GETs inside the long backoff (15 min and up).
    expect(await t.b.engine.sync()).toMatchObject({ ok: false, error: { kind: 'tampered' } });
    expect(t.b.engine.getStatus().error).toMatchObject(warning);
    for (let i = 0; i < 3; i++) {
      clockB.pass(2 * MINUTE);
      await t.b.blobs.run();
    }
    expect(asked()).toBe(3);
    expect(await t.b.blobs.store.tamperedCount()).toBe(1);

    // The hostile party goes: the next try after the backoff gets good bytes, opens them, and the warning goes.
    hostile.on = false;
    clockB.pass(16 * MINUTE);
    expect(await t.b.blobs.run()).toMatchObject({ downloaded: 1 });
    expect(asked()).toBe(4);
    expect(await bytesOn(t.b, t.memo.ref.sha256)).toEqual(t.memo.bytes);
    expect(t.b.engine.getStatus()).toMatchObject({ phase: 'synced', error: null });
    expect((await t.b.engine.sync()).ok).toBe(true);
    expect(await t.b.blobs.store.tamperedCount()).toBe(0);
  });

  it('keeps reporting bytes that hash to their address but do not open, without asking for them again', async () => {
    server = await store.start();
    const clockB = clock();
    const t = await noteOnTwoTablets(server, {}, { blobs: { now: clockB.now } });
    // A ref naming the memo under another type (as a broken tablet might push it): the right bytes, a seal that fails.
    const note = (await t.b.repo.db.notes.get(t.noteId))!;
    await t.b.repo.db.notes.update(t.noteId, { memos: note.memos!.map((m) => ({ ...m, type: 'audio/ogg' as const })) });
    const asked = () => t.b.gets.filter((g) => g.endsWith(t.addr)).length;

    await t.b.blobs.run();
    expect(asked()).toBe(1);
    expect(await t.b.repo.db.blobs.get(t.memo.ref.sha256)).toBeUndefined();
    expect(t.b.engine.getStatus().error).toMatchObject({ kind: 'tampered' });
    clockB.pass(3 * 24 * HOUR);
    await t.b.blobs.run();
    expect(asked()).toBe(1);
    expect(await t.b.engine.sync()).toMatchObject({ ok: false, error: { kind: 'tampered' } });

    // Once no record names it, there is nothing left to warn of.
    await t.a.repo.update('notes', t.noteId, { memos: [] });
    expect((await t.a.engine.sync()).ok).toBe(true);
    await t.b.engine.sync();
    await t.b.blobs.run();
    expect(t.b.engine.getStatus()).toMatchObject({ phase: 'synced', error: null });
    expect((await t.b.engine.sync()).ok).toBe(true);
  });
});
