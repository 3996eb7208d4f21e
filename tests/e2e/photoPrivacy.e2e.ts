// A photo keeps none of the camera's metadata: a JPEG carrying an EXIF segment with GPS tags is stored re-encoded,
// with no APP1/Exif segment and no GPS bytes left (read back from the blob store in IndexedDB in the page).
import { expect, test } from '@playwright/test';
import { classWithPiece } from './helpers/clipboard';

/** The markers of a JPEG's header segments, up to the start of the image data. */
function segmentMarkers(b: Uint8Array): number[] {
  const out: number[] = [];
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1]!;
    out.push(marker);
    if (marker === 0xda) break;
    i += 2 + ((b[i + 2]! << 8) | b[i + 3]!);
  }
  return out;
}

function contains(b: Uint8Array, text: string): boolean {
  const needle = [...text].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i + needle.length <= b.length; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

test('a photo with EXIF and GPS tags is stored without any of them', async ({ page }) => {
  await classWithPiece(page);
  await page.getByRole('button', { name: 'Note for Ana Lopez' }).click();
  const jpeg = await page.evaluate(async () => {
    const c = new OffscreenCanvas(64, 48);
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 64, 48);
    ctx.fillStyle = '#000';
    ctx.fillRect(8, 8, 30, 10);
    const plain = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg' })).arrayBuffer());
    // A big-endian TIFF: IFD0 with a GPSInfo pointer (0x8825) to a GPS IFD holding GPSLatitudeRef "N" and a
    // GPSProcessingMethod of "GPS".
    const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));
    const u16 = (n: number) => [n >> 8, n & 0xff];
    const u32 = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
    const method = [...ascii('ASCII'), 0, 0, 0, ...ascii('GPS')];
    const tiff = [
      ...ascii('MM'), ...u16(42), ...u32(8),
      ...u16(1), ...u16(0x8825), ...u16(4), ...u32(1), ...u32(26), ...u32(0),
      ...u16(2), ...u16(0x0001), ...u16(2), ...u32(2), ...ascii('N'), 0, 0, 0,
      ...u16(0x001b), ...u16(7), ...u32(method.length), ...u32(56), ...u32(0),
      ...method,
    ];
    const body = [...ascii('Exif'), 0, 0, ...tiff];
    const app1 = [0xff, 0xe1, ...u16(body.length + 2), ...body];
    return [...plain.slice(0, 2), ...app1, ...plain.slice(2)];
  });
  const fixture = new Uint8Array(jpeg);
  // The fixture really carries the metadata.
  expect(segmentMarkers(fixture)[0]).toBe(0xe1);
  expect(contains(fixture, 'Exif')).toBe(true);
  expect(contains(fixture, 'GPS')).toBe(true);

  await page.getByLabel('Take or add a photo').setInputFiles({ name: 'page.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(fixture) });
  await expect(page.getByRole('img', { name: "Photo of Ana Lopez's page" })).toBeVisible();

  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('circulate');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const photos = await new Promise<{ blob: Blob; type: string }[]>((resolve, reject) => {
      const req = db.transaction('blobs').objectStore('blobs').getAll();
      req.onsuccess = () => resolve((req.result as { blob: Blob; type: string }[]).filter((b) => b.type === 'image/jpeg'));
      req.onerror = () => reject(req.error);
    });
    db.close();
    return Promise.all(photos.map(async (p) => [...new Uint8Array(await p.blob.arrayBuffer())]));
  });
  expect(stored).toHaveLength(1);
  const bytes = new Uint8Array(stored[0]!);
  expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
  expect(segmentMarkers(bytes)).not.toContain(0xe1);
  expect(contains(bytes, 'Exif')).toBe(false);
  expect(contains(bytes, 'GPS')).toBe(false);
});
