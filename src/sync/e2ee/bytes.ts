// Byte helpers for the encryption code: UTF-8 and base64url (no padding), the encodings the e2ee format uses, and
// random bytes drawn from the browser's CSPRNG in blocks (one call per block, not per nonce: each call costs more
// than the seal it serves).

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export const utf8 = (text: string): Uint8Array<ArrayBuffer> => encoder.encode(text);

let scratch = new Uint8Array(4096);
/** Texts up to this long (in UTF-16 units) go through the reused buffer; longer ones get their own. */
const SCRATCH_MAX = 64 * 1024;

/**
 * Texts as UTF-8 in one reused buffer, for a WebCrypto call: it takes a copy of its inputs as it is called, so the
 * views are good until the next call here. Most seals are a few hundred bytes: allocating two arrays for each of
 * thousands per push cost more than encrypting them.
 */
export function utf8Views(...texts: string[]): Uint8Array<ArrayBuffer>[] {
  const need = texts.reduce((n, t) => n + t.length * 3, 0);
  if (need > SCRATCH_MAX * 3) return texts.map(utf8);
  if (scratch.length < need) scratch = new Uint8Array(need);
  let at = 0;
  return texts.map((t) => {
    const { written } = encoder.encodeInto(t, scratch.subarray(at));
    at += written;
    return scratch.subarray(at - written, at);
  });
}
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

/** UTF-8 length of a text, encoding only when it holds more than ASCII (most JSON here does not). */
export function utf8Length(text: string): number {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007f]/.test(text) ? encoder.encode(text).length : text.length;
}

/** The built-in base64 of Uint8Array (Chromium 140+), where there is one: many times faster than btoa over a string. */
interface NativeBase64 {
  toBase64?: (this: Uint8Array, o: { alphabet: 'base64url'; omitPadding: boolean }) => string;
}
interface NativeFromBase64 {
  fromBase64?: (text: string, o: { alphabet: 'base64url'; lastChunkHandling: 'loose' }) => Uint8Array<ArrayBuffer>;
}
const nativeTo = (Uint8Array.prototype as NativeBase64).toBase64;
const nativeFrom = (Uint8Array as unknown as NativeFromBase64).fromBase64;

export function toBase64url(bytes: Uint8Array): string {
  if (nativeTo) return nativeTo.call(bytes, { alphabet: 'base64url', omitPadding: true });
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Throws on anything that is not base64url, so a damaged value is refused rather than misread. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!BASE64URL.test(text) || text.length % 4 === 1) throw new Error('not base64url');
  if (nativeFrom) return nativeFrom(text, { alphabet: 'base64url', lastChunkHandling: 'loose' });
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

const POOL_BYTES = 4096;
let pool = new Uint8Array(0);
let used = 0;

/**
 * n fresh random bytes from a block drawn once from crypto.getRandomValues: each byte is handed out once and the
 * block is replaced when spent, so two nonces never share a byte.
 */
export function freshBytes(n: number): Uint8Array<ArrayBuffer> {
  if (n > POOL_BYTES) return randomBytes(n);
  if (used + n > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  // A view, not a copy: no byte of the block is handed out twice, and the block is dropped once spent.
  const out = pool.subarray(used, used + n);
  used += n;
  return out;
}
