// Simulated tablets for the blob-queue tests and benches: a Repo on fake-indexeddb, its SyncEngine and its BlobSync,
// against a real server; and how a test gives a note a photo without a canvas (the bytes are stored as the app would).
import { Repo } from '../../src/db/repo';
import { createDb } from '../../src/db/schema';
import { BlobQueueStore } from '../../src/db/blobQueue';
import { sha256Hex } from '../../src/db/memos';
import { writeConfig } from '../../src/sync/config';
import { SyncEngine } from '../../src/sync/engine';
import { BlobSync, type BlobSyncOptions } from '../../src/sync/blobs';
import type { PhotoRef } from '../../src/shared/records';

export interface Tablet {
  repo: Repo;
  engine: SyncEngine;
  blobs: BlobSync;
}

let n = 0;

export async function tablet(url: string, token: string, opts: BlobSyncOptions = {}): Promise<Tablet> {
  const repo = new Repo(createDb(`blob-tablet-${process.pid}-${n++}-${Math.random().toString(36).slice(2)}`));
  await repo.session.ready();
  await repo.session.setAuthor('Ms Rivera');
  await writeConfig(repo.db, { endpoint: url, token });
  const blobs = new BlobSync(repo, { backoffBaseMs: 1, backoffMaxMs: 2, ...opts });
  const engine = new SyncEngine(repo, { fetch: opts.fetch, onPulled: (c) => blobs.enqueuePulled(c), backoffBaseMs: 1, backoffMaxMs: 2 });
  return { repo, engine, blobs };
}

export async function classWithStudent(t: Tablet): Promise<{ classId: string; studentId: string }> {
  const classId = await t.repo.create('classes', { name: 'Room 12', grade: '4', archived: false, order: 0 });
  const studentId = await t.repo.create('students', { classId, firstName: 'Ana', lastName: 'Lopez', order: 0, archived: false, sourceId: null });
  return { classId, studentId };
}

export function newNote(t: Tablet, classId: string, studentId: string, extra: { private?: boolean; text?: string } = {}): Promise<string> {
  return t.repo.create('notes', {
    classId,
    studentId,
    pieceId: null,
    text: extra.text ?? '',
    objectiveIds: [],
    context: null,
    private: extra.private ?? false,
    at: Date.now(),
    printedAt: null,
    photoId: null,
    groupSessionId: null,
    conferenceId: null,
  });
}

/** Random bytes standing for a re-encoded JPEG. */
export function jpegBytes(size: number): Blob {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65536)));
  return new Blob([bytes], { type: 'image/jpeg' });
}

/** What attachPhoto does after the canvas: the bytes by their hash, the ref through the write path, then the queue. */
export async function putPhoto(t: Tablet, noteId: string, blob: Blob): Promise<PhotoRef> {
  const sha256 = await sha256Hex(blob);
  await t.repo.db.blobs.put({ sha256, blob, type: 'image/jpeg', size: blob.size, createdAt: Date.now() });
  const ref: PhotoRef = { sha256, type: 'image/jpeg', size: blob.size, width: 1200, height: 1600 };
  await t.repo.update('notes', noteId, { photo: ref, photoId: null });
  await new BlobQueueStore(t.repo.db).enqueue('notes', [noteId]);
  return ref;
}
