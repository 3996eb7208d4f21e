// Backups carry the photos and memos their notes name: restored onto an empty device the bytes come back with the
// records (and are queued for upload); a file whose bytes do not match their names restores nothing at all.
import { Blob as NodeBlob } from 'node:buffer';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { readBackup } from '../../../src/db/backup';
import { sha256Hex } from '../../../src/db/memos';
import { create, repo } from '../../../src/db/write';
import { checkBackupText } from '../../../src/features/settings/backupSchema';
import { restoreFromText } from '../../../src/features/settings/backupActions';

beforeAll(() => {
  // jsdom's Blob does not survive fake-indexeddb's structured clone; Node's does, as a browser's does.
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
});

async function blobOf(bytes: number[], type: string) {
  const blob = new Blob([new Uint8Array(bytes)], { type });
  const sha256 = await sha256Hex(blob);
  await db.blobs.put({ sha256, blob, type, size: blob.size, createdAt: 1 });
  return { sha256, size: blob.size };
}

async function seed() {
  const classId = await create('classes', { name: 'Room 12', grade: '3', archived: false, order: 0 });
  const studentId = await create('students', { classId, firstName: 'Ana', lastName: 'López', order: 0, archived: false, sourceId: null });
  const photo = await blobOf([255, 216, 255, 224, 7, 7, 7], 'image/jpeg');
  const audio = await blobOf([26, 69, 223, 163, 1], 'audio/webm');
  const noteId = await create('notes', {
    classId, studentId, pieceId: null, text: 'page photo', objectiveIds: [], context: null, private: false, at: 1, printedAt: null, photoId: null,
    groupSessionId: null, conferenceId: null,
    photo: { sha256: photo.sha256, type: 'image/jpeg', size: photo.size, width: 40, height: 30 },
    memos: [{ id: 'm1', sha256: audio.sha256, type: 'audio/webm', size: audio.size, durationMs: 900, at: 1 }],
  });
  // Bytes no record names stay out of the file.
  await blobOf([1, 2, 3], 'image/jpeg');
  return { noteId, photo, audio };
}

async function emptyDevice() {
  repo.session.reset();
  db.close();
  await db.delete();
  await db.open();
}

describe('backups with photos and memos', () => {
  it('exports the named blobs and restores them with the records, queued for upload', async () => {
    const { noteId, photo, audio } = await seed();
    const text = JSON.stringify(await readBackup());
    const file = JSON.parse(text) as { blobs: { sha256: string }[] };
    expect(file.blobs.map((b) => b.sha256).sort()).toEqual([photo.sha256, audio.sha256].sort());
    expect(checkBackupText(text)).toMatchObject({ ok: true });

    await emptyDevice();
    expect(await restoreFromText(text)).toMatchObject({ ok: true });
    expect((await db.notes.get(noteId))?.photo?.sha256).toBe(photo.sha256);
    const restored = await db.blobs.get(photo.sha256);
    expect(restored?.type).toBe('image/jpeg');
    expect(await sha256Hex(restored!.blob)).toBe(photo.sha256);
    expect(await sha256Hex((await db.blobs.get(audio.sha256))!.blob)).toBe(audio.sha256);
    expect((await db.blobQueue.toArray()).map((e) => `${e.dir} ${e.sha256}`).sort()).toEqual([`up ${photo.sha256}`, `up ${audio.sha256}`].sort());
  });

  it('refuses a file whose photo bytes were damaged, and writes nothing', async () => {
    await seed();
    const file = JSON.parse(JSON.stringify(await readBackup())) as { blobs: { sha256: string; data: string; type: string }[] };
    const jpeg = file.blobs.find((b) => b.type === 'image/jpeg')!;
    jpeg.data = btoa('not the photo');
    await emptyDevice();
    const result = await restoreFromText(JSON.stringify(file));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/damaged.*Nothing was restored/) });
    expect(await db.notes.count()).toBe(0);
    expect(await db.classes.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a blob entry that is not base64 or names an unknown type before reading anything', async () => {
    await seed();
    const file = JSON.parse(JSON.stringify(await readBackup())) as { blobs: { type: string }[] };
    file.blobs[0]!.type = 'text/html';
    expect(checkBackupText(JSON.stringify(file))).toMatchObject({ ok: false, message: expect.stringContaining('blobs.0.type') });
  });
});
