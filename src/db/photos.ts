// Photos of students' pages: re-encoded (so no EXIF or GPS survives), scaled down so a year of them fits, and stored
// by sha256 in `blobs`; the note names its photo with a PhotoRef, and the blob queue carries the bytes to the server.

import { fitWithin, MAX_PHOTO_SIDE } from '../domain/imageScale';
import { BlobQueueStore } from './blobQueue';
import { surfaceQuota } from './errors';
import { sha256Hex } from './memos';
import { repo as appRepo } from './write';
import type { Repo } from './repo';
import type { Photo } from './localRecords';
import type { Note, PhotoRef } from '../shared/records';

/** Draws the image at its stored size and encodes it as JPEG (photos of handwriting compress well). */
async function scaled(blob: Blob, max: number): Promise<{ blob: Blob; width: number; height: number }> {
  const bitmap = await createImageBitmap(blob);
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, max);
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('This browser cannot draw the photo.');
      ctx.drawImage(bitmap, 0, 0, width, height);
      return { blob: await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 }), width, height };
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw the photo.');
    ctx.drawImage(bitmap, 0, 0, width, height);
    const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!out) throw new Error('This browser cannot encode the photo.');
    return { blob: out, width, height };
  } finally {
    bitmap.close();
  }
}

/** Scales the photo to at most 1600 px on its longest side and stores it by its sha256; returns its reference. */
export async function savePhoto(blob: Blob, r: Repo = appRepo): Promise<PhotoRef> {
  const image = await scaled(blob, MAX_PHOTO_SIDE);
  return storePhoto(image.blob, image.width, image.height, r);
}

async function storePhoto(blob: Blob, width: number, height: number, r: Repo): Promise<PhotoRef> {
  const sha256 = await sha256Hex(blob);
  const type = 'image/jpeg';
  await r.db.blobs.put({ sha256, blob, type, size: blob.size, createdAt: Date.now() }).catch(surfaceQuota);
  return { sha256, type, size: blob.size, width, height };
}

/** Puts a new photo on a note through the write path and queues it for upload; the one it replaces leaves the device. */
export async function attachPhoto(note: Pick<Note, 'id' | 'photo'>, file: Blob, r: Repo = appRepo): Promise<PhotoRef> {
  const ref = await savePhoto(file, r);
  await r.update('notes', note.id, { photo: ref, photoId: null });
  await new BlobQueueStore(r.db).enqueue('notes', [note.id]);
  if (note.photo && note.photo.sha256 !== ref.sha256) await forget(note.photo.sha256, r);
  return ref;
}

export async function detachPhoto(note: Pick<Note, 'id' | 'photo'>, r: Repo = appRepo): Promise<void> {
  if (!note.photo) return;
  await r.update('notes', note.id, { photo: null });
  await forget(note.photo.sha256, r);
}

/** Deletes a photo's bytes from this device unless another note still shows it (the same page photographed twice). */
async function forget(sha256: string, r: Repo): Promise<void> {
  if ((await r.db.notes.filter((n) => n.photo?.sha256 === sha256).count()) === 0) await r.db.blobs.delete(sha256);
}

/**
 * Right after opening schema 5: photos from before it (the local `photos` table, named by `photoId`) move into
 * `blobs` under their sha256, and each note gets its `photo` through the write path (so the reference syncs and the
 * bytes are queued for upload). Each photo row goes only after its note is rewritten, so a crash midway loses none,
 * and running again does each step once. Returns how many photos moved.
 */
export async function migrateLegacyPhotos(r: Repo = appRepo): Promise<number> {
  const legacy: Photo[] = await r.db.photos.toArray();
  let n = 0;
  for (const p of legacy) {
    const note = await r.db.notes.get(p.noteId);
    if (note && note.photoId === p.id) {
      const ref = await storePhoto(p.blob, p.width, p.height, r);
      await r.update('notes', note.id, { photo: ref, photoId: null });
      await new BlobQueueStore(r.db).enqueue('notes', [note.id]);
      n++;
    }
    await r.db.photos.delete(p.id);
  }
  return n;
}
