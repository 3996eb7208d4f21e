// Photos of students' pages: local-only (never synced), scaled down before storing so a year of them fits.
// The note points at its photo with `update('notes', id, { photoId })`.

import { newId } from '../domain/ids';
import { fitWithin, MAX_PHOTO_SIDE } from '../domain/imageScale';
import { db as appDb } from './db';
import { surfaceQuota } from './errors';
import type { CirculateDb } from './schema';
import type { Photo } from './localRecords';

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

/** Scales the photo to at most 1600 px on its longest side and stores it; returns the photo's id. */
export async function savePhoto(noteId: string, blob: Blob, db: CirculateDb = appDb): Promise<string> {
  const image = await scaled(blob, MAX_PHOTO_SIDE);
  const photo: Photo = { id: newId(), noteId, ...image };
  await db.photos.put(photo).catch(surfaceQuota);
  return photo.id;
}

/** Removes a photo the teacher took off a note (photos are local, so this is a real delete, not a tombstone). */
export function deletePhoto(id: string, db: CirculateDb = appDb): Promise<void> {
  return db.photos.delete(id);
}
