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

/** The blobs a note or conference names (its photo and its memos), read defensively: the server sees raw fields,
 * and rows from before schema 4/5 lack them. */
export function refsOf(record: object | undefined | null): { sha256: string; type: string }[] {
  if (!record) return [];
  const row = record as { photo?: unknown; memos?: unknown };
  const out: { sha256: string; type: string }[] = [];
  const add = (r: unknown) => {
    const ref = r as { sha256?: unknown; type?: unknown } | null;
    if (ref && typeof ref.sha256 === 'string' && ref.sha256) out.push({ sha256: ref.sha256, type: String(ref.type) });
  };
  add(row.photo);
  if (Array.isArray(row.memos)) row.memos.forEach(add);
  return out;
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
