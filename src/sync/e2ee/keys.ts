// The keys behind end-to-end encryption, all WebCrypto: a random AES-256-GCM key per class; a teacher's key-
// encryption key derived from the recovery phrase (PBKDF2-HMAC-SHA256, see docs/sync-protocol.md for the
// parameters); and a P-256 ECDH key pair per teacher so a co-teacher can be given a class key the server cannot read.

import { fromBase64url, randomBytes, toBase64url, utf8 } from './bytes';
import type { ClassKey } from './fieldCipher';
import type { SharedKey, Wrapped } from '../../shared/e2ee';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; the phrase itself carries 128 random bits, so this is a second wall. */
export const PBKDF2_ITERATIONS = 600_000;
const AES = { name: 'AES-GCM', length: 256 } as const;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;


async function sealBytes(kek: CryptoKey, context: string, plain: Uint8Array<ArrayBuffer>): Promise<Wrapped> {
  const iv = randomBytes(12);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(context) }, kek, plain));
  const out = new Uint8Array(12 + sealed.length);
  out.set(iv);
  out.set(sealed, 12);
  return toBase64url(out);
}

/** Throws (WebCrypto's OperationError) when the key is wrong or the bytes were changed. */
async function openBytes(kek: CryptoKey, context: string, wrapped: Wrapped): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = fromBase64url(wrapped);
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData: utf8(context) }, kek, bytes.subarray(12)));
}

export async function newClassKey(): Promise<{ classKey: ClassKey; raw: Uint8Array<ArrayBuffer> }> {
  const raw = randomBytes(32);
  return { classKey: await importClassKey(toBase64url(randomBytes(9)), raw), raw };
}

export async function importClassKey(id: string, raw: Uint8Array<ArrayBuffer>): Promise<ClassKey> {
  return { id, key: await crypto.subtle.importKey('raw', raw, AES, false, ['encrypt', 'decrypt']) };
}

/** The teacher's key-encryption key, from the normalised phrase and the salt stored with their keyring. */
export async function deriveKek(phrase: string, salt: Uint8Array<ArrayBuffer>, iterations = PBKDF2_ITERATIONS): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', utf8(phrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, AES, false, ['encrypt', 'decrypt']);
}

const classKeyContext = (classId: string, keyId: string) => `circulate-class-key\u0000${classId}\u0000${keyId}`;

export const wrapClassKey = (kek: CryptoKey, classId: string, keyId: string, raw: Uint8Array<ArrayBuffer>): Promise<Wrapped> => sealBytes(kek, classKeyContext(classId, keyId), raw);

/** The raw bytes of a wrapped class key (to share it, or import it); throws when the key or bytes are wrong. */
export const openClassKeyBytes = (kek: CryptoKey, classId: string, keyId: string, wrapped: Wrapped): Promise<Uint8Array<ArrayBuffer>> => openBytes(kek, classKeyContext(classId, keyId), wrapped);

export async function unwrapClassKey(kek: CryptoKey, classId: string, keyId: string, wrapped: Wrapped): Promise<ClassKey> {
  return importClassKey(keyId, await openClassKeyBytes(kek, classId, keyId, wrapped));
}

export { openBytes, sealBytes };

// ---- teacher key pairs, for sharing a class key with a co-teacher ----

export interface TeacherKeyPair {
  publicJwk: JsonWebKey;
  privateKey: CryptoKey;
}

export async function newTeacherKeyPair(): Promise<{ pair: TeacherKeyPair; privatePkcs8: Uint8Array<ArrayBuffer> }> {
  const kp = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  const privatePkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', kp.privateKey));
  return { pair: await importTeacherKeyPair(await crypto.subtle.exportKey('jwk', kp.publicKey), privatePkcs8), privatePkcs8 };
}

export async function importTeacherKeyPair(publicJwk: JsonWebKey, privatePkcs8: Uint8Array<ArrayBuffer>): Promise<TeacherKeyPair> {
  return { publicJwk, privateKey: await crypto.subtle.importKey('pkcs8', privatePkcs8, ECDH, false, ['deriveBits']) };
}


async function agreedKey(privateKey: CryptoKey, publicJwk: JsonWebKey, info: string): Promise<CryptoKey> {
  const pub = await crypto.subtle.importKey('jwk', publicJwk, ECDH, false, []);
  const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: pub }, privateKey, 256);
  const hkdf = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: utf8(info) }, hkdf, AES, false, ['encrypt', 'decrypt']);
}

const shareContext = (classId: string, keyId: string) => `circulate-share\u0000${classId}\u0000${keyId}`;

export async function shareClassKey(recipientJwk: JsonWebKey, classId: string, keyId: string, raw: Uint8Array<ArrayBuffer>): Promise<SharedKey> {
  const eph = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  const kek = await agreedKey(eph.privateKey, recipientJwk, shareContext(classId, keyId));
  return { classId, keyId, epk: await crypto.subtle.exportKey('jwk', eph.publicKey), wrapped: await sealBytes(kek, shareContext(classId, keyId), raw) };
}

/** The raw class key from a share addressed to this teacher; throws when it was not, or was changed on the way. */
export async function acceptSharedKey(own: TeacherKeyPair, share: SharedKey): Promise<Uint8Array<ArrayBuffer>> {
  const kek = await agreedKey(own.privateKey, share.epk, shareContext(share.classId, share.keyId));
  return openBytes(kek, shareContext(share.classId, share.keyId), share.wrapped);
}
