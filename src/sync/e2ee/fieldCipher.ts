// Sealing and opening field values with a class key (AES-256-GCM through WebCrypto, a fresh 96-bit nonce per seal),
// each bound to its table, record, field and stamp. A value that fails to open is reported, never guessed at.

import { isSealed, sealedContext, staysPlain, E2EE_VERSION, type SealedValue } from '../../shared/e2ee';
import type { TableName } from '../../shared/records';
import { fromBase64url, fromUtf8, randomBytes, toBase64url, utf8 } from './bytes';

const NONCE_BYTES = 12;

/** One key of a class: its random id (sent with each sealed value) and the AES-GCM key, never extractable. */
export interface ClassKey {
  id: string;
  key: CryptoKey;
}

/** Where a sealed value failed to open: tampered with, moved to another record or field, or sealed with another key. */
export class SealError extends Error {
  constructor(
    readonly table: string,
    readonly recordId: string,
    readonly field: string,
    readonly reason: 'damaged' | 'unknown-key',
  ) {
    super(
      reason === 'unknown-key'
        ? `A ${table} record's ${field} was sealed with a class key this tablet does not have.`
        : `A ${table} record's ${field} from the server failed its integrity check: it was changed after it was sealed. It was not applied.`,
    );
    this.name = 'SealError';
  }
}

/** Where one field write sits: what its ciphertext is bound to. */
export interface FieldPlace {
  table: string;
  id: string;
  field: string;
  /** The field's HLC stamp, so a sealed value cannot be replayed under a newer stamp. */
  stamp: string;
}

export async function sealValue(key: ClassKey, place: FieldPlace, value: unknown): Promise<SealedValue> {
  const iv = randomBytes(NONCE_BYTES);
  const additionalData = utf8(sealedContext(place.table, place.id, place.field, place.stamp));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key.key, utf8(JSON.stringify(value))));
  const out = new Uint8Array(NONCE_BYTES + sealed.length);
  out.set(iv);
  out.set(sealed, NONCE_BYTES);
  return { circulateE2ee: E2EE_VERSION, k: key.id, c: toBase64url(out) };
}

export async function openValue(keys: ReadonlyMap<string, ClassKey>, place: FieldPlace, sealed: SealedValue): Promise<unknown> {
  const key = keys.get(sealed.k);
  if (!key) throw new SealError(place.table, place.id, place.field, 'unknown-key');
  try {
    const bytes = fromBase64url(sealed.c);
    if (bytes.length < NONCE_BYTES + 16) throw new Error('too short');
    const additionalData = utf8(sealedContext(place.table, place.id, place.field, place.stamp));
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, NONCE_BYTES), additionalData }, key.key, bytes.subarray(NONCE_BYTES));
    return JSON.parse(fromUtf8(new Uint8Array(plain))) as unknown;
  } catch {
    throw new SealError(place.table, place.id, place.field, 'damaged');
  }
}

/** A change or pulled record: its fields with the stamp of each. */
export interface StampedFields {
  table: TableName;
  id: string;
  fields: Record<string, unknown>;
  meta: Record<string, { t: string; by: string }>;
}

/** The record with every field the server need not read sealed; plain fields are left as they are. */
export async function sealFields<T extends StampedFields>(key: ClassKey, rec: T): Promise<T> {
  // All of a record's fields at once: WebCrypto works off the main thread, so awaiting each in turn would pay its
  // round trip per field.
  const entries = await Promise.all(
    Object.entries(rec.fields).map(async ([field, value]): Promise<[string, unknown]> => {
      const stamp = rec.meta[field]?.t;
      if (staysPlain(rec.table, field)) return [field, value];
      if (stamp === undefined) throw new Error(`${rec.table} ${rec.id}: field ${field} has no stamp to seal it under`);
      return [field, await sealValue(key, { table: rec.table, id: rec.id, field, stamp }, value)];
    }),
  );
  return { ...rec, fields: fieldsFrom(entries) };
}

/** Fields from [name, value] pairs, on an object with no prototype (a field may be named like one of its keys). */
function fieldsFrom(entries: readonly [string, unknown][]): Record<string, unknown> {
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [f, v] of entries) fields[f] = v;
  return { ...fields };
}

/**
 * The record with every sealed field opened. Throws SealError on the first field that fails, so a caller applies
 * nothing of a damaged record. A plain value where a sealed one belongs (a class sent before encryption was on)
 * passes through as it is.
 */
export async function openFields<T extends StampedFields>(keys: ReadonlyMap<string, ClassKey>, rec: T): Promise<T> {
  const entries = await Promise.all(
    Object.entries(rec.fields).map(async ([field, value]): Promise<[string, unknown]> => {
      const stamp = rec.meta[field]?.t ?? '';
      return [field, isSealed(value) ? await openValue(keys, { table: rec.table, id: rec.id, field, stamp }, value) : value];
    }),
  );
  return { ...rec, fields: fieldsFrom(entries) };
}
