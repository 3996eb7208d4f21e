// The keyring relay's bodies (valibot), worded for the server's 400s; apart from e2ee.ts so the app never loads it.
import * as v from 'valibot';

const b64url = (max: number) => v.pipe(v.string(), v.maxLength(max), v.regex(/^[A-Za-z0-9_-]+$/, 'must be base64url'));
const recordId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, - or _'));
/** A P-256 public key as a JWK: no private part (`d`) is ever accepted. */
const publicJwk = v.strictObject({
  kty: v.literal('EC'),
  crv: v.literal('P-256'),
  x: b64url(64),
  y: b64url(64),
  ext: v.optional(v.boolean()),
  key_ops: v.optional(v.array(v.pipe(v.string(), v.maxLength(20)))),
});

export const VaultSchema = v.strictObject({
  version: v.literal(1),
  kdf: v.strictObject({
    name: v.literal('PBKDF2-SHA-256'),
    iterations: v.pipe(v.number(), v.integer(), v.minValue(100_000, 'must be at least 100000'), v.maxValue(10_000_000)),
    salt: b64url(64),
  }),
  check: b64url(256),
  publicJwk,
  privateKey: b64url(1024),
  classKeys: v.pipe(v.array(v.strictObject({ classId: recordId, keyId: recordId, wrapped: b64url(256) })), v.maxLength(5000)),
});

export const SharedKeySchema = v.strictObject({ classId: recordId, keyId: recordId, epk: publicJwk, wrapped: b64url(256) });

export const SharePutSchema = v.strictObject({ to: recordId, share: SharedKeySchema });

export const VaultPutSchema = v.strictObject({ vault: VaultSchema });
