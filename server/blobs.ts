// The attachment endpoints under /api/v1/blobs: PUT stores a blob for a class after checking its size, type and
// hash; GET returns it to the class's teachers only, and never bytes that no longer hash to their name; POST
// /blobs/missing says which of a list the server lacks, and POST /blobs/forget drops a class's plain copies once
// they were sent again sealed, and a withdrawn note's sealed ones.
// They run behind the same schema, token and rate-limit checks as the record endpoints (app.ts mounts them).

import type { Hono } from 'hono';
import { createHash } from 'node:crypto';
import {
  CLASS_HEADER,
  MAX_BLOB_BYTES,
  MAX_MISSING_HASHES,
  blobTypeOf,
  isSha256Hex,
  type BlobMissingResponse,
  type BlobPutResponse,
} from '../src/shared/blobs';
import { API_BASE } from '../src/shared/protocol';
import type { ApiEnv } from './app';
import { readBodyText } from './body';
import { ApiError } from './errors';
import type { BlobStore } from './store/blobs';

const CLASS_ID = /^[A-Za-z0-9_-]{1,64}$/;

function classIdFrom(header: string | undefined): string {
  if (header === undefined || !CLASS_ID.test(header)) {
    throw new ApiError(400, 'invalid-request', `${CLASS_HEADER}: must be the id of the class the blob belongs to`);
  }
  return header;
}

function hashFrom(param: string): string {
  if (!isSha256Hex(param)) throw new ApiError(400, 'invalid-request', 'The path must end in the SHA-256 of the bytes, as 64 lower-case hex digits');
  return param;
}

const tooLarge = () => new ApiError(413, 'too-large', `A blob may be at most ${MAX_BLOB_BYTES} bytes; scale the photo down or record a shorter memo`);

/** Reads at most max + 1 bytes: a body that goes past the limit is refused there, whatever its Content-Length said. */
async function readBlob(req: Request, max: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > max) throw tooLarge();
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

export function mountBlobRoutes(app: Hono<ApiEnv>, blobs: BlobStore, now: () => number, maxBlobBytes = MAX_BLOB_BYTES): void {
  app.put(`${API_BASE}/blobs/:sha256`, async (c) => {
    const sha256 = hashFrom(c.req.param('sha256'));
    const classId = classIdFrom(c.req.header(CLASS_HEADER));
    const type = blobTypeOf(c.req.header('Content-Type'));
    if (!type) throw new ApiError(415, 'unsupported-type', 'A blob must be image/jpeg, audio/webm, audio/mp4, audio/ogg, or application/vnd.circulate.sealed (a sealed blob)');
    const teacher = c.get('teacher');
    // Checked before the bytes are read, so a refused upload is not received only to be thrown away.
    if ((await blobs.access(teacher.id, classId)) === 'other') {
      throw new ApiError(403, 'forbidden', 'This blob is for a class you do not teach; nothing was saved');
    }
    const bytes = await readBlob(c.req.raw, maxBlobBytes);
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw new ApiError(400, 'hash-mismatch', 'The SHA-256 of the body is not the one in the path; nothing was saved (re-read the file and send it again)');
    }
    const out = await blobs.put(teacher.id, { classId, sha256, type, bytes }, now());
    if (out === 'forbidden') throw new ApiError(403, 'forbidden', 'This blob is for a class you do not teach; nothing was saved');
    c.set('counts', `bytes=${out.size} ${out.created ? 'new' : 'known'}`);
    const body: BlobPutResponse = { sha256, size: out.size };
    return c.json(body, out.created ? 201 : 200);
  });

  app.get(`${API_BASE}/blobs/:sha256`, async (c) => {
    const sha256 = hashFrom(c.req.param('sha256'));
    const classId = classIdFrom(c.req.header(CLASS_HEADER));
    // Absent and not yours answer the same, so a teacher cannot learn what another teacher's class holds.
    const blob = await blobs.get(c.get('teacher').id, classId, sha256);
    const missing = () => new ApiError(404, 'not-found', 'No such blob in this class (it may not be uploaded yet; try again later)');
    if (!blob) throw missing();
    // Bytes changed on disk are never served: the copy goes, so its uploader's next /blobs/missing asks for it
    // again. Checked here, where the bytes are read anyway, not on /blobs/missing, which would read them all.
    if (createHash('sha256').update(blob.bytes).digest('hex') !== sha256) {
      await blobs.discard(classId, sha256);
      c.set('counts', 'damaged');
      throw missing();
    }
    c.set('counts', `bytes=${blob.bytes.length}`);
    return c.body(blob.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': blob.type,
      // Student work: the device keeps its own copy in its database, which sign-out clears; the HTTP cache is not.
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.post(`${API_BASE}/blobs/missing`, async (c) => {
    const req = await classHashes(c.req.raw, blobs, c.get('teacher').id);
    const body: BlobMissingResponse = { missing: await blobs.missing(req.classId, req.hashes) };
    c.set('counts', `hashes=${req.hashes.length} missing=${body.missing.length}`);
    return c.json(body);
  });

  // A class turned encrypted has its photos and memos sent again sealed; its tablet then asks the server to forget
  // the plain copies (as POST /purge-plain does for field history). A tablet that withdrew a note of an encrypted class
  // asks it to forget the note's sealed blobs, whose refs the server cannot read. Any teacher of the class may: they
  // can already withdraw a note, which forgets its blobs too.
  app.post(`${API_BASE}/blobs/forget`, async (c) => {
    const req = await classHashes(c.req.raw, blobs, c.get('teacher').id);
    await blobs.forget(req.classId, req.hashes);
    c.set('counts', `hashes=${req.hashes.length}`);
    return c.json({ forgotten: req.hashes.length });
  });
}

/** The body of /blobs/missing and /blobs/forget, checked: {classId, hashes}, for a class the teacher may touch. */
async function classHashes(req: Request, blobs: BlobStore, teacherId: string): Promise<{ classId: string; hashes: string[] }> {
  const text = await readBodyText(req, 256 * 1024);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'malformed-json', 'The request body is not valid JSON');
  }
  const body = json as { classId?: unknown; hashes?: unknown };
  if (typeof body !== 'object' || body === null || typeof body.classId !== 'string' || !CLASS_ID.test(body.classId)) {
    throw new ApiError(400, 'invalid-request', 'classId: must be a class id');
  }
  if (!Array.isArray(body.hashes) || body.hashes.length > MAX_MISSING_HASHES) {
    throw new ApiError(400, 'invalid-request', `hashes: must be a list of at most ${MAX_MISSING_HASHES} SHA-256 hashes`);
  }
  const bad = body.hashes.findIndex((h) => typeof h !== 'string' || !isSha256Hex(h));
  if (bad >= 0) throw new ApiError(400, 'invalid-request', `hashes[${bad}]: must be 64 lower-case hex digits`);
  if ((await blobs.access(teacherId, body.classId)) === 'other') throw new ApiError(403, 'forbidden', 'This is a class you do not teach');
  return { classId: body.classId, hashes: body.hashes as string[] };
}
