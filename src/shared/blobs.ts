// Attachments (photos, voice memos) as content-addressed blobs: the types, limits and header the device and the
// server share. docs/sync-protocol.md ("Attachments") describes the endpoints; nothing here loads React or Dexie.

/** Photos are re-encoded on the device as JPEG; memos are what MediaRecorder gives (Chromium webm, Safari mp4). */
export const BLOB_TYPES = ['image/jpeg', 'audio/webm', 'audio/mp4', 'audio/ogg', 'application/vnd.circulate.sealed'] as const;
export type BlobType = (typeof BLOB_TYPES)[number];

/** What a sealed blob is sent and stored as: the server learns neither that it is a photo or a memo nor its format. */
export const SEALED_BLOB_TYPE = 'application/vnd.circulate.sealed';

/** 8 MiB: a 1600 px page photo is under ~1 MB and a 3-minute 64 kbps memo ~1.5 MB, so this leaves room, not waste. */
export const MAX_BLOB_BYTES = 8 * 1024 * 1024;

/** The class a blob belongs to, on every blob request: access is per class, exactly as for records. */
export const CLASS_HEADER = 'X-Circulate-Class';

/** At most this many hashes in one POST /blobs/missing. */
export const MAX_MISSING_HASHES = 1000;

export function isSha256Hex(s: string): boolean {
  return /^[0-9a-f]{64}$/.test(s);
}

/**
 * Where a sealed photo or memo is on the server and how to open it (end-to-end encryption; docs/sync-protocol.md):
 * the bytes are AES-256-GCM under class key `k`, stored as nonce (12 bytes) || ciphertext || tag (16 bytes) under
 * the SHA-256 of exactly those bytes, `addr`. The ref's own `sha256` stays that of the plain bytes (the device keeps
 * them under it, and checks what it opened against it). `n` (base64url) is the nonce again, so any tablet holding
 * the plain bytes can produce the same ciphertext for the same address.
 */
export interface BlobSeal {
  v: 1;
  k: string;
  addr: string;
  n: string;
}

/** Which of a record's blobs a ref is: part of what a sealed blob's ciphertext is bound to. */
export type BlobKind = 'photo' | 'memo';

/** A finished voice memo on a note or conference. The audio is a content-addressed blob (its sha256) that travels
 * on the blob queue; the reference syncs with the record. */
export interface MemoRef {
  id: string;
  sha256: string;
  type: string;
  size: number;
  durationMs: number;
  /** When recording started. */
  at: number;
  /** Present when the class is encrypted: where the sealed bytes are (absent on refs of plain classes). */
  sealed?: BlobSeal;
}

/** A photo of a student's page on a note: a content-addressed JPEG blob (its sha256), re-encoded on the device so no
 * EXIF or GPS survives. The bytes travel on the blob queue, the reference by field sync. */
export interface PhotoRef {
  sha256: string;
  type: string;
  size: number;
  width: number;
  height: number;
  /** Present when the class is encrypted: where the sealed bytes are (absent on refs of plain classes). */
  sealed?: BlobSeal;
}

/** One blob a record names: its plain hash and type, which of the record's blobs it is, and its seal if any. */
export interface NamedBlob {
  sha256: string;
  type: string;
  kind: BlobKind;
  sealed?: BlobSeal;
}

export function isBlobSeal(x: unknown): x is BlobSeal {
  const s = x as Partial<BlobSeal> | null;
  return typeof s === 'object' && s !== null && s.v === 1 && typeof s.k === 'string' && typeof s.addr === 'string' && isSha256Hex(s.addr) && typeof s.n === 'string';
}

/** The blobs a note or conference names (its photo and its memos), read defensively: the server sees raw fields,
 * and rows from before schema 4/5 lack them. */
export function refsOf(record: object | undefined | null): NamedBlob[] {
  if (!record) return [];
  const row = record as { photo?: unknown; memos?: unknown };
  const out: NamedBlob[] = [];
  const add = (r: unknown, kind: BlobKind) => {
    const ref = r as { sha256?: unknown; type?: unknown; sealed?: unknown } | null;
    if (!ref || typeof ref.sha256 !== 'string' || !ref.sha256) return;
    out.push({ sha256: ref.sha256, type: String(ref.type), kind, ...(isBlobSeal(ref.sealed) ? { sealed: ref.sealed } : {}) });
  };
  add(row.photo, 'photo');
  if (Array.isArray(row.memos)) row.memos.forEach((m) => add(m, 'memo'));
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
