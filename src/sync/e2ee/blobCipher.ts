// Sealing and opening a photo's or memo's bytes under a class key (AES-256-GCM through WebCrypto, a fresh 96-bit
// nonce per blob), bound to the class, the kind of blob and its type; addressed by the SHA-256 of the ciphertext.

import { blobContext } from '../../shared/e2ee';
import type { BlobKind, BlobSeal } from '../../shared/blobs';
import { fromBase64url, randomBytes, toBase64url, utf8 } from './bytes';
import type { ClassKey } from './fieldCipher';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** What a sealed blob is bound to: the class it belongs to, which of a record's blobs it is, and its plain type. */
export interface BlobPlace {
  classId: string;
  kind: BlobKind;
  type: string;
}

/** A sealed blob that failed to open: changed after it was sealed, named under another class or kind, or sealed
 * with a key this tablet does not have (yet). */
export class BlobSealError extends Error {
  constructor(readonly reason: 'damaged' | 'unknown-key') {
    super(
      reason === 'unknown-key'
        ? 'A photo or memo was sealed with a class key this tablet does not have yet.'
        : 'A photo or memo from the server failed its integrity check: it was changed after it was sealed. It was not kept.',
    );
    this.name = 'BlobSealError';
  }
}

export async function sha256HexOf(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let out = '';
  for (const b of digest) out += b.toString(16).padStart(2, '0');
  return out;
}

/**
 * Seals plain bytes: nonce || ciphertext || tag, and the seal a ref carries to find and open it. Given the nonce of
 * an earlier seal (same key, same bytes, same place), it gives those same bytes again: only ever pass back a seal's
 * own nonce with the plain bytes it was made for, never another blob's.
 */
export async function sealBlob(key: ClassKey, place: BlobPlace, plain: Uint8Array<ArrayBuffer>, nonce?: string): Promise<{ bytes: Uint8Array<ArrayBuffer>; seal: BlobSeal }> {
  const iv = nonce === undefined ? randomBytes(NONCE_BYTES) : fromBase64url(nonce);
  if (iv.length !== NONCE_BYTES) throw new Error('A blob nonce is 12 bytes');
  const additionalData = utf8(blobContext(place.classId, place.kind, place.type));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key.key, plain));
  const bytes = new Uint8Array(NONCE_BYTES + sealed.length);
  bytes.set(iv);
  bytes.set(sealed, NONCE_BYTES);
  return { bytes, seal: { v: 1, k: key.id, addr: await sha256HexOf(bytes), n: toBase64url(iv) } };
}

/** Opens bytes fetched from a seal's address; throws BlobSealError when they are not what was sealed there. */
export async function openBlob(keys: ReadonlyMap<string, ClassKey>, seal: BlobSeal, place: BlobPlace, bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const key = keys.get(seal.k);
  if (!key) throw new BlobSealError('unknown-key');
  try {
    if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new Error('too short');
    const additionalData = utf8(blobContext(place.classId, place.kind, place.type));
    const iv = bytes.subarray(0, NONCE_BYTES);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, key.key, bytes.subarray(NONCE_BYTES)));
  } catch {
    throw new BlobSealError('damaged');
  }
}
