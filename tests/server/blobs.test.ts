// Attachments: a blob goes up and comes back byte for byte with its type; only the class's teachers may store or
// read it; oversized, mistyped and mis-hashed uploads are refused and store nothing; a repeated PUT is harmless; bytes
// changed on disk are never served.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_BLOB_BYTES, SEALED_BLOB_TYPE, type BlobMissingResponse, type BlobPutResponse } from '../../src/shared/blobs';
import { API_BASE, CLIENT_SCHEMA, SCHEMA_HEADER, type ErrorBody } from '../../src/shared/protocol';
import type { TestServer } from '../../server/testing';
import { STORES, change, client, json, st } from './api-helpers';
import { blobClient, blobOf, sha, streamOf, type BlobClient } from './blob-helpers';
import { tamperBlob } from './e2ee-helpers';

describe.each(STORES)('blobs on $name', (store) => {
  let server: TestServer;
  let dataDir: string | undefined;
  let rivera: BlobClient;
  let lee: BlobClient;
  let leeId: string;
  let riveraToken: string;
  let leeToken: string;
  const t0 = Date.now();

  beforeEach(async () => {
    server = await store.start();
    const r = await server.addTeacher('Ms Rivera');
    const l = await server.addTeacher('Mr Lee');
    leeId = l.id;
    riveraToken = r.token;
    leeToken = l.token;
    rivera = blobClient(server, r.token);
    lee = blobClient(server, l.token);
    await client(server, r.token).push('rivera-tab', [change(1, 'classes', 'class-r', { name: 'Room 4' }, st(t0))]);
    await client(server, l.token).push('lee-tab', [change(1, 'classes', 'class-l', { name: 'Room 9' }, st(t0, 'dev2'))]);
    dataDir = server.dataDir;
  });
  afterEach(() => server?.close());

  async function refused(res: Response, status: number, code: string): Promise<void> {
    expect(res.status).toBe(status);
    expect((await json<ErrorBody>(res)).error.code).toBe(code);
  }

  it('round-trips the exact bytes and type, and a repeated PUT answers 200 with the same body', async () => {
    const photo = blobOf(300_000);
    const memo = blobOf(90_000);
    const first = await rivera.put('class-r', photo.sha256, photo.bytes);
    expect(first.status).toBe(201);
    const body = await json<BlobPutResponse>(first);
    expect(body).toEqual({ sha256: photo.sha256, size: 300_000 });
    const again = await rivera.put('class-r', photo.sha256, photo.bytes);
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(body);
    expect((await rivera.put('class-r', memo.sha256, memo.bytes, 'audio/webm;codecs=opus')).status).toBe(201);

    const got = await rivera.get('class-r', photo.sha256);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('cache-control')).toBe('private, no-store');
    expect(sha(new Uint8Array(await got.arrayBuffer()))).toBe(photo.sha256);
    const gotMemo = await rivera.get('class-r', memo.sha256);
    expect(gotMemo.headers.get('content-type')).toBe('audio/webm');
    expect(new Uint8Array(await gotMemo.arrayBuffer())).toEqual(memo.bytes);
    expect((await server.blobs.list()).map((b) => [b.classId, b.sha256, b.type, b.size])).toEqual([
      ['class-r', photo.sha256, 'image/jpeg', 300_000],
      ['class-r', memo.sha256, 'audio/webm', 90_000],
    ]);
  });

  it("refuses another teacher's class on PUT (403) and GET (404, as if absent), with no bytes", async () => {
    const photo = blobOf(10_000);
    expect((await rivera.put('class-r', photo.sha256, photo.bytes)).status).toBe(201);
    const get = await lee.get('class-r', photo.sha256);
    await refused(get, 404, 'not-found');
    // The same answer as for a blob that is not there at all.
    await refused(await lee.get('class-r', blobOf(10).sha256), 404, 'not-found');
    // Naming his own class does not reach a blob stored only for hers.
    await refused(await lee.get('class-l', photo.sha256), 404, 'not-found');
    const other = blobOf(5_000);
    await refused(await lee.put('class-r', other.sha256, other.bytes), 403, 'forbidden');
    await refused(await lee.missing({ classId: 'class-r', hashes: [photo.sha256] }), 403, 'forbidden');
    expect((await server.blobs.list()).map((b) => b.sha256)).toEqual([photo.sha256]);
    // Once she shares the class, he can read and add to it.
    await server.shareClass('class-r', leeId);
    expect((await lee.get('class-r', photo.sha256)).status).toBe(200);
    expect((await lee.put('class-r', other.sha256, other.bytes)).status).toBe(201);
  });

  it("forgets a note's photo and memo when the note is made private; the same bytes in another class stay", async () => {
    const photo = blobOf(20_000);
    const memo = blobOf(9_000);
    const kept = blobOf(5_000);
    for (const b of [photo, memo, kept]) expect((await rivera.put('class-r', b.sha256, b.bytes)).status).toBe(201);
    expect((await lee.put('class-l', photo.sha256, photo.bytes)).status).toBe(201);
    const api = client(server, riveraToken);
    const note = {
      classId: 'class-r',
      text: 'Ana reading aloud',
      private: false,
      deleted: false,
      photo: { sha256: photo.sha256, type: 'image/jpeg' },
      memos: [{ id: 'm1', sha256: memo.sha256, type: 'audio/webm', durationMs: 4000 }],
    };
    expect((await api.push('rivera-tab', [change(2, 'notes', 'note-p', note, st(t0 + 1)), change(3, 'notes', 'note-k', { classId: 'class-r', text: 'kept', photo: { sha256: kept.sha256, type: 'image/jpeg' } }, st(t0 + 1))])).status).toBe(200);
    expect((await rivera.get('class-r', photo.sha256)).status).toBe(200);

    expect((await api.push('rivera-tab', [change(4, 'notes', 'note-p', { private: true }, st(t0 + 2))])).status).toBe(200);
    expect((await rivera.get('class-r', photo.sha256)).status).toBe(404);
    expect((await rivera.get('class-r', memo.sha256)).status).toBe(404);
    expect((await rivera.get('class-r', kept.sha256)).status).toBe(200);
    expect((await lee.get('class-l', photo.sha256)).status).toBe(200);
    expect((await server.blobs.list()).map((b) => [b.classId, b.sha256]).sort()).toEqual([['class-l', photo.sha256], ['class-r', kept.sha256]].sort());
    if (dataDir) {
      // The embedded store keeps one file per hash: the memo's file is gone, the photo's stays for the other class.
      const files = readdirSync(join(dataDir, 'blobs'));
      expect(files).not.toContain(memo.sha256);
      expect(files).toContain(photo.sha256);
    }
  });

  it('keys access by class: the same bytes uploaded for two classes are two entries', async () => {
    const photo = blobOf(4_000);
    expect((await rivera.put('class-r', photo.sha256, photo.bytes)).status).toBe(201);
    expect((await lee.put('class-l', photo.sha256, photo.bytes)).status).toBe(201);
    expect((await lee.get('class-l', photo.sha256)).status).toBe(200);
    expect((await server.blobs.list()).map((b) => b.classId).sort()).toEqual(['class-l', 'class-r']);
  });

  it('lets a teacher upload for a class no one holds yet, which makes it theirs, as a push would', async () => {
    const photo = blobOf(2_000);
    expect((await rivera.put('class-new', photo.sha256, photo.bytes)).status).toBe(201);
    await refused(await lee.put('class-new', photo.sha256, photo.bytes), 403, 'forbidden');
    const push = await client(server, (await server.addTeacher('Ms Kim')).token).push('kim-tab', [
      change(1, 'notes', 'n1', { classId: 'class-new', text: 'x' }, st(t0, 'dev3')),
    ]);
    expect(push.status).toBe(403);
    expect((await server.db.dump('class_members')).filter((m) => m.class_id === 'class-new')).toEqual([
      expect.objectContaining({ role: 'owner' }),
    ]);
  });

  it('refuses an oversized blob with 413, by Content-Length and when a chunked body runs past the limit', async () => {
    const big = blobOf(MAX_BLOB_BYTES + 1);
    await refused(await rivera.put('class-r', big.sha256, big.bytes), 413, 'too-large');
    await refused(await rivera.put('class-r', big.sha256, streamOf(big.bytes, MAX_BLOB_BYTES + 1)), 413, 'too-large');
    // A body whose declared length is a lie goes no further than the limit either.
    const lying = streamOf(big.bytes, MAX_BLOB_BYTES * 2);
    await refused(await rivera.put('class-r', big.sha256, lying), 413, 'too-large');
    const exact = blobOf(MAX_BLOB_BYTES);
    expect((await rivera.put('class-r', exact.sha256, streamOf(exact.bytes, MAX_BLOB_BYTES))).status).toBe(201);
    expect((await server.blobs.list()).map((b) => b.sha256)).toEqual([exact.sha256]);
  });

  it('refuses a body whose hash is not the path (and stores nothing), and types other than photos and memos', async () => {
    const photo = blobOf(20_000);
    const wrong = blobOf(20_000).sha256;
    await refused(await rivera.put('class-r', wrong, photo.bytes), 400, 'hash-mismatch');
    await refused(await rivera.put('class-r', photo.sha256.toUpperCase(), photo.bytes), 400, 'invalid-request');
    await refused(await rivera.put('class-r', photo.sha256, photo.bytes, 'image/gif'), 415, 'unsupported-type');
    await refused(await rivera.put('class-r', photo.sha256, photo.bytes, 'application/octet-stream'), 415, 'unsupported-type');
    await refused(await rivera.put('bad class', photo.sha256, photo.bytes), 400, 'invalid-request');
    await refused(await rivera.get('class-r', wrong), 404, 'not-found');
    expect(await server.blobs.list()).toEqual([]);
    if (dataDir) expect(readdirSync(join(dataDir, 'blobs'))).toEqual([]);
  });

  it('keeps a sealed blob as opaque bytes, and forgets a class\'s plain copies for its own teachers only', async () => {
    const sealed = blobOf(2_000);
    const plain = blobOf(1_500);
    expect((await rivera.put('class-r', sealed.sha256, sealed.bytes, SEALED_BLOB_TYPE)).status).toBe(201);
    expect((await rivera.put('class-r', plain.sha256, plain.bytes)).status).toBe(201);
    const got = await rivera.get('class-r', sealed.sha256);
    expect(got.headers.get('Content-Type')).toBe(SEALED_BLOB_TYPE);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(sealed.bytes);

    const forget = (c: string, body: unknown) =>
      fetch(`${server.url}${API_BASE}/blobs/forget`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${c}`, [SCHEMA_HEADER]: String(CLIENT_SCHEMA), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    await refused(await forget(leeToken, { classId: 'class-r', hashes: [plain.sha256] }), 403, 'forbidden');
    await refused(await forget(riveraToken, { classId: 'class-r', hashes: ['nope'] }), 400, 'invalid-request');
    expect((await rivera.get('class-r', plain.sha256)).status).toBe(200);
    expect((await forget(riveraToken, { classId: 'class-r', hashes: [plain.sha256] })).status).toBe(200);
    expect((await rivera.get('class-r', plain.sha256)).status).toBe(404);
    expect((await rivera.get('class-r', sealed.sha256)).status).toBe(200);
  });

  it('never serves bytes changed on disk: the copy goes, /blobs/missing asks for it, and a PUT stores it whole again', async () => {
    const photo = blobOf(50_000);
    const memo = blobOf(20_000);
    expect((await rivera.put('class-r', photo.sha256, photo.bytes)).status).toBe(201);
    expect((await rivera.put('class-r', memo.sha256, memo.bytes, 'audio/webm')).status).toBe(201);
    await tamperBlob(server, photo.sha256);

    await refused(await rivera.get('class-r', photo.sha256), 404, 'not-found');
    await refused(await rivera.get('class-r', photo.sha256), 404, 'not-found');
    expect((await server.blobs.list()).map((b) => b.sha256)).toEqual([memo.sha256]);
    if (dataDir) expect(readdirSync(join(dataDir, 'blobs'))).toEqual([memo.sha256]);
    const missing = await rivera.missing({ classId: 'class-r', hashes: [photo.sha256, memo.sha256] });
    expect(await json<BlobMissingResponse>(missing)).toEqual({ missing: [photo.sha256] });
    // The blob beside it is untouched; the uploader's next PUT makes the damaged one whole again.
    expect(sha(new Uint8Array(await (await rivera.get('class-r', memo.sha256)).arrayBuffer()))).toBe(memo.sha256);
    expect((await rivera.put('class-r', photo.sha256, photo.bytes)).status).toBe(201);
    const back = await rivera.get('class-r', photo.sha256);
    expect(back.status).toBe(200);
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(photo.bytes);
  });

  it('says which hashes the server lacks for a class', async () => {
    const a = blobOf(100);
    const b = blobOf(100);
    await rivera.put('class-r', a.sha256, a.bytes);
    const res = await rivera.missing({ classId: 'class-r', hashes: [a.sha256, b.sha256] });
    expect(res.status).toBe(200);
    expect(await json<BlobMissingResponse>(res)).toEqual({ missing: [b.sha256] });
    expect(await json(await rivera.missing({ classId: 'class-unheard-of', hashes: [a.sha256] }))).toEqual({ missing: [a.sha256] });
    await refused(await rivera.missing({ classId: 'class-r', hashes: ['nope'] }), 400, 'invalid-request');
  });

  it('asks for a token and a schema like every other endpoint', async () => {
    const photo = blobOf(100);
    await refused(await blobClient(server, 'not-a-token').put('class-r', photo.sha256, photo.bytes), 401, 'unauthorized');
    await refused(await blobClient(server, 'not-a-token').get('class-r', photo.sha256), 401, 'unauthorized');
  });
});
