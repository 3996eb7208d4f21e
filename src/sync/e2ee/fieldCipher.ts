// Sealing and opening field values with a class key (AES-256-GCM through WebCrypto, a fresh 96-bit nonce per seal),
// each seal group bound to its table, record and stamp, each field to its name. A value that fails to open is
// reported, never guessed at.

import { fieldsOf, isSameSeal, isSealed, sealedContext, E2EE_VERSION, type SameSeal, type SealedValue } from '../../shared/e2ee';
import type { TableName } from '../../shared/records';
import { freshBytes, fromBase64url, fromUtf8, toBase64url, utf8Views } from './bytes';
import { loneGroup, sealGroups, type SealGroup } from './groups';

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

/** Seals one group's plaintext: one AES-GCM call for every field in it. */
async function sealGroup(key: ClassKey, table: string, id: string, group: SealGroup): Promise<SealedValue> {
  const iv = freshBytes(NONCE_BYTES);
  // 12 bytes are four whole base64 groups: the nonce's base64 joined to the ciphertext's is that of both together.
  const head = toBase64url(iv);
  const [additionalData, data] = utf8Views(sealedContext(table, id, group.stamp), group.plaintext) as [Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>];
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key.key, data);
  return { e2: E2EE_VERSION, k: key.id, c: head + toBase64url(new Uint8Array(sealed)) };
}

/** Opens one sealed value to the group object it carries; throws SealError when it does not open. */
async function openGroup(keys: ReadonlyMap<string, ClassKey>, place: FieldPlace, sealed: SealedValue): Promise<Record<string, unknown>> {
  const key = keys.get(sealed.k);
  if (!key) throw new SealError(place.table, place.id, place.field, 'unknown-key');
  try {
    const bytes = fromBase64url(sealed.c);
    if (bytes.length < NONCE_BYTES + 16) throw new Error('too short');
    const [additionalData] = utf8Views(sealedContext(place.table, place.id, place.stamp)) as [Uint8Array<ArrayBuffer>];
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, NONCE_BYTES), additionalData }, key.key, bytes.subarray(NONCE_BYTES));
    const group = JSON.parse(fromUtf8(new Uint8Array(plain))) as unknown;
    if (typeof group !== 'object' || group === null || Array.isArray(group)) throw new Error('not a group');
    return group as Record<string, unknown>;
  } catch {
    throw new SealError(place.table, place.id, place.field, 'damaged');
  }
}

/** The field's value inside its opened group: a ciphertext moved from a group without this field does not open. */
function fieldOf(group: Record<string, unknown>, place: FieldPlace): unknown {
  if (!Object.prototype.hasOwnProperty.call(group, place.field)) throw new SealError(place.table, place.id, place.field, 'damaged');
  return group[place.field];
}

/** One value sealed on its own (a group of one field): keys and tests use it; records go through sealFields. */
export function sealValue(key: ClassKey, place: FieldPlace, value: unknown): Promise<SealedValue> {
  return sealGroup(key, place.table, place.id, loneGroup(place.field, place.stamp, value));
}

export async function openValue(keys: ReadonlyMap<string, ClassKey>, place: FieldPlace, sealed: SealedValue): Promise<unknown> {
  return fieldOf(await openGroup(keys, place, sealed), place);
}

/** A change or pulled record: its fields with the stamp of each. */
export interface StampedFields {
  table: TableName;
  id: string;
  fields: Record<string, unknown>;
  meta: Record<string, { t: string; by: string }>;
}

/**
 * The record with every field the server need not read sealed, one seal per group (`groups`, when the caller has
 * them already, must be this record's); plain fields stay as they are. `compact`: as a push sends it (the form
 * compactSeals makes), each group's seal on its first field and a reference to that field on the others.
 */
export async function sealFields<T extends StampedFields>(key: ClassKey, rec: T, groups = sealGroups(rec.table, rec.id, rec.fields, rec.meta), compact = false): Promise<T> {
  // A record's groups at once: WebCrypto works off the main thread. Most records are one group.
  const seals = groups.length === 1 ? [await sealGroup(key, rec.table, rec.id, groups[0]!)] : await Promise.all(groups.map((g) => sealGroup(key, rec.table, rec.id, g)));
  const byField = new Map<string, SealedValue | SameSeal>();
  groups.forEach((g, i) => {
    const ref: SameSeal | undefined = compact && g.fields.length > 1 ? { e2: E2EE_VERSION, same: g.fields[0]! } : undefined;
    g.fields.forEach((f, j) => byField.set(f, j > 0 && ref ? ref : seals[i]!));
  });
  return { ...rec, fields: fieldsOf(Object.keys(rec.fields), (f) => byField.get(f) ?? rec.fields[f]) };
}

/**
 * The record with every sealed field opened, each group once. Throws SealError on the first field that fails, so a
 * caller applies nothing of a damaged record. A plain value where a sealed one belongs (a class sent before
 * encryption was on) passes through as it is. Takes fields as sent (a field naming the seal of another, see
 * compactSeals) or expanded.
 */
export async function openFields<T extends StampedFields>(keys: ReadonlyMap<string, ClassKey>, rec: T): Promise<T> {
  // A group is opened once: its seal, held by one field and named by the rest, under one stamp. A field claiming
  // another stamp for it is opened (and refused) on its own, and the error names the field it was opened for.
  const names = Object.keys(rec.fields);
  const places = new Array<{ place: FieldPlace; group: number } | undefined>(names.length);
  // A record has one group or a few: a list searched by hand costs less than a map per record of a page.
  const ats: string[] = [];
  const groups: Promise<Record<string, unknown>>[] = [];
  names.forEach((field, i) => {
    const value = rec.fields[field];
    const place = { table: rec.table, id: rec.id, field, stamp: rec.meta[field]?.t ?? '' };
    let holder = field;
    let sealed: SealedValue;
    if (isSameSeal(value)) {
      // A reference to no seal of this record is damaged, never read as a plain value.
      const named = Object.hasOwn(rec.fields, value.same) ? rec.fields[value.same] : undefined;
      if (!isSealed(named)) throw new SealError(rec.table, rec.id, field, 'damaged');
      holder = value.same;
      sealed = named;
    } else if (isSealed(value)) sealed = value;
    else return;
    const at = `${place.stamp}\u0000${holder}`;
    let group = ats.indexOf(at);
    if (group < 0) {
      group = ats.push(at) - 1;
      groups.push(openGroup(keys, place, sealed));
    }
    places[i] = { place, group };
  });
  const opened = await Promise.all(groups);
  return { ...rec, fields: fieldsOf(names, (f, i) => (places[i] ? fieldOf(opened[places[i].group]!, places[i].place) : rec.fields[f])) };
}
