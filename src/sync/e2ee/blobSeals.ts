// The tablet's side of sealed blobs: which seal a photo or memo of an encrypted class travels under (one per class
// and bytes, kept in `local` so the ref a push sends and the bytes the blob queue uploads always agree), the sealed
// bytes to upload, and opening what comes down. A class with no key keeps its blobs plain, as before.

import type { CirculateDb } from '../../db/schema';
import { isBlobSeal, SEALED_BLOB_TYPE, type BlobKind, type BlobSeal, type NamedBlob } from '../../shared/blobs';
import type { TableName } from '../../shared/records';
import { BlobSealError, openBlob, sealBlob, sha256HexOf } from './blobCipher';
import type { ClassKey } from './fieldCipher';
import type { KeySource } from './sealer';

const SEAL_PREFIX = 'e2ee-blob:';
const sealKey = (classId: string, kind: BlobKind, sha256: string) => `${SEAL_PREFIX}${classId}:${kind}:${sha256}`;
/** Set once a push carried the seal in a ref: only then may the plain copy on the server be forgotten. */
const sentKey = (classId: string, seal: BlobSeal) => `${SEAL_PREFIX}sent:${classId}:${seal.addr}`;

interface RefLike {
  sha256?: unknown;
  type?: unknown;
  sealed?: unknown;
}

/** Whether a change names blobs (a note's or conference's photo or memos): only those need seals. */
export function namesBlobs(rec: { table: TableName; fields: Record<string, unknown> }): boolean {
  return (rec.table === 'notes' || rec.table === 'conferences') && ('photo' in rec.fields || 'memos' in rec.fields);
}

/** Each ref of the change's photo and memos passed through `fn` (refs that are not refs are left alone). */
async function mapRefs<T extends { fields: Record<string, unknown> }>(rec: T, fn: (ref: RefLike & object, kind: BlobKind) => Promise<unknown> | unknown): Promise<T> {
  const fields = { ...rec.fields };
  const one = async (r: unknown, kind: BlobKind) => (r && typeof r === 'object' && typeof (r as RefLike).sha256 === 'string' ? fn(r, kind) : r);
  if ('photo' in fields) fields.photo = await one(fields.photo, 'photo');
  if (Array.isArray(fields.memos)) fields.memos = await Promise.all(fields.memos.map((m) => one(m, 'memo')));
  return { ...rec, fields };
}

/** The change as sealing will make it, with a stand-in seal of exactly a real one's JSON length on each ref. */
export function withStandInSeals<T extends { table: TableName; fields: Record<string, unknown> }>(key: ClassKey, rec: T): T {
  if (!namesBlobs(rec)) return rec;
  const standIn: BlobSeal = { v: 1, k: key.id, addr: '0'.repeat(64), n: 'A'.repeat(16) };
  const fields = { ...rec.fields };
  const one = (r: unknown) => (r && typeof r === 'object' && !isBlobSeal((r as RefLike).sealed) ? { ...r, sealed: standIn } : r);
  if ('photo' in fields) fields.photo = one(fields.photo);
  if (Array.isArray(fields.memos)) fields.memos = fields.memos.map(one);
  return { ...rec, fields };
}

export class BlobSeals {
  constructor(
    private readonly db: CirculateDb,
    private readonly keys: KeySource,
  ) {}

  /**
   * The seal these plain bytes travel under in this class: the one kept for them while its key still opens, else a
   * new one under the class's newest key. Undefined when the class has no key (they go plain) or the bytes are not
   * on this tablet (the ref goes as it came).
   */
  async sealOf(classId: string, kind: BlobKind, sha256: string, type: string): Promise<BlobSeal | undefined> {
    const openable = this.keys.openingKeys(classId);
    const key = this.keys.sealingKey(classId);
    if (!key) return undefined;
    const kept = (await this.db.local.get(sealKey(classId, kind, sha256)))?.value;
    if (isBlobSeal(kept) && openable.has(kept.k)) return kept;
    const row = await this.db.blobs.get(sha256);
    if (!row) return undefined;
    const { seal } = await sealBlob(key, { classId, kind, type }, new Uint8Array(await row.blob.arrayBuffer()));
    // Two passes sealing at once: the first seal kept wins, so every ref and upload name the same ciphertext.
    return this.db.transaction('rw', this.db.local, async () => {
      const now = (await this.db.local.get(sealKey(classId, kind, sha256)))?.value;
      if (isBlobSeal(now) && openable.has(now.k)) return now;
      await this.db.local.put({ key: sealKey(classId, kind, sha256), value: seal });
      return seal;
    });
  }

  /** A note or conference change with each ref's seal filled in, for the push (the stored row is left as it is). */
  async withSeals<T extends { table: TableName; fields: Record<string, unknown> }>(rec: T, classId: string): Promise<T> {
    if (!namesBlobs(rec) || !this.keys.sealingKey(classId)) return rec;
    const openable = this.keys.openingKeys(classId);
    return mapRefs(rec, async (ref, kind) => {
      if (isBlobSeal(ref.sealed) && openable.has(ref.sealed.k)) return ref;
      const seal = await this.sealOf(classId, kind, String(ref.sha256), String(ref.type));
      if (!seal) return ref;
      await this.db.local.put({ key: sentKey(classId, seal), value: true });
      return { ...ref, sealed: seal };
    });
  }

  /**
   * Whether records name this seal on the server (the ref came with it, or a push carried it): only then may the
   * plain copy go, else a device still reading the plain ref would never find the bytes. A blob sealed only for an
   * upload (bytes downloaded plain before the class was keyed) keeps its plain copy.
   */
  async published(classId: string, named: NamedBlob, seal: BlobSeal): Promise<boolean> {
    if (named.sealed?.addr === seal.addr) return true;
    return (await this.db.local.get(sentKey(classId, seal)))?.value === true;
  }

  /** The seal a blob of this class uploads under: the ref's own when it came sealed, else the kept or a new one.
   * Undefined when the class has no key (the blob goes plain) or the bytes are not here. */
  sealFor(classId: string, named: NamedBlob): Promise<BlobSeal | undefined> {
    if (named.sealed && this.keys.openingKeys(classId).has(named.sealed.k)) return Promise.resolve(named.sealed);
    return this.sealOf(classId, named.kind, named.sha256, named.type);
  }

  /**
   * Every address a withdrawn note's blob may be kept under on this class's server: the ref's own seal, the seal kept
   * here, and the plain copy (a note made private before its class's plain copies were replaced kept its own). Empty
   * for a class with neither a key nor a seal: its refs are plain, and the server forgot their blobs itself.
   */
  async addrsOf(classId: string, named: NamedBlob): Promise<string[]> {
    const kept = (await this.db.local.get(sealKey(classId, named.kind, named.sha256)))?.value;
    const sealed = [named.sealed, kept].filter(isBlobSeal).map((s) => s.addr);
    if (!sealed.length && this.keys.openingKeys(classId).size === 0) return [];
    return [...new Set([...sealed, named.sha256])];
  }

  /** The bytes to upload under a seal, made again from the plain bytes and the seal's nonce; undefined when they
   * are not here, or the seal was not made of these bytes (a ref from elsewhere naming other bytes). */
  async sealedBytes(classId: string, named: NamedBlob, seal: BlobSeal): Promise<Blob | undefined> {
    const key = this.keys.openingKeys(classId).get(seal.k);
    const row = await this.db.blobs.get(named.sha256);
    if (!key || !row) return undefined;
    const { bytes, seal: again } = await sealBlob(key, { classId, kind: named.kind, type: named.type }, new Uint8Array(await row.blob.arrayBuffer()), seal.n);
    return again.addr === seal.addr ? new Blob([bytes], { type: SEALED_BLOB_TYPE }) : undefined;
  }

  /** Opens bytes fetched from a seal's address into the plain blob, checked against the ref's plain hash. */
  async open(classId: string, named: NamedBlob & { sealed: BlobSeal }, bytes: Uint8Array<ArrayBuffer>): Promise<Blob> {
    const plain = await openBlob(this.keys.openingKeys(classId), named.sealed, { classId, kind: named.kind, type: named.type }, bytes);
    if ((await sha256HexOf(plain)) !== named.sha256) throw new BlobSealError('damaged');
    return new Blob([plain], { type: named.type });
  }
}
