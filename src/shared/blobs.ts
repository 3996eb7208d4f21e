// Attachments (photos, voice memos) as content-addressed blobs: the types, limits and header the device and the
// server share. docs/sync-protocol.md ("Attachments") describes the endpoints; nothing here loads React or Dexie.

/** Photos are re-encoded on the device as JPEG; memos are what MediaRecorder gives (Chromium webm, Safari mp4). */
export const BLOB_TYPES = ['image/jpeg', 'audio/webm', 'audio/mp4', 'audio/ogg'] as const;
export type BlobType = (typeof BLOB_TYPES)[number];

/** 8 MiB: a 1600 px page photo is under ~1 MB and a 3-minute 64 kbps memo ~1.5 MB, so this leaves room, not waste. */
export const MAX_BLOB_BYTES = 8 * 1024 * 1024;

/** The class a blob belongs to, on every blob request: access is per class, exactly as for records. */
export const CLASS_HEADER = 'X-Circulate-Class';

/** At most this many hashes in one POST /blobs/missing. */
export const MAX_MISSING_HASHES = 1000;

export function isSha256Hex(s: string): boolean {
  return /^[0-9a-f]{64}$/.test(s);
}

/** The blob type of a Content-Type header, ignoring parameters ("audio/webm;codecs=opus" is audio/webm). */
export function blobTypeOf(contentType: string | null | undefined): BlobType | undefined {
  const base = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (BLOB_TYPES as readonly string[]).includes(base) ? (base as BlobType) : undefined;
}

/** The answer to a PUT (201 when new, 200 when the server already had it). */
export interface BlobPutResponse {
  sha256: string;
  size: number;
}

export interface BlobMissingRequest {
  classId: string;
  hashes: string[];
}

/** The hashes of the request the server lacks for that class, in the request's order. */
export interface BlobMissingResponse {
  missing: string[];
}
