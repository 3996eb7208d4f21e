// End-to-end encryption, format version 2: what a sealed field value looks like on the wire, and which fields stay
// plain so the server can still route, check access and merge. docs/sync-protocol.md describes it for other clients.

import type { TableName } from './records';

export const E2EE_VERSION = 2;

/**
 * A field value sealed on the device: AES-256-GCM under the class key `k`, `c` = base64url(nonce (12 bytes) ||
 * ciphertext || tag (16 bytes)). The plaintext is the UTF-8 JSON of an object holding this field's value under its
 * name, together with the record's other small fields written under the same stamp (a seal group: every field of
 * the group carries the same `c`, so the server still merges each field on its own). The additional data binds it
 * to its table, record id and stamp (see sealedContext); the field name binds it inside.
 */
export interface SealedValue {
  /** The envelope's mark and format. Builds before 2026-12-05 wrote it `circulateE2ee`; both are read (LEGACY_MARK). */
  e2: typeof E2EE_VERSION;
  /** Which key of the class sealed it: key ids are random and say nothing about the class. */
  k: string;
  c: string;
}

/** Fields every table keeps plain: the server routes on classId, and merges and pages on stamps alone. */
const ALWAYS_PLAIN = new Set(['classId', 'deleted']);

/** Fields the server reads for a table beyond those: `private` on notes (it never forwards a private note). */
const PLAIN_BY_TABLE: Partial<Record<TableName, ReadonlySet<string>>> = {
  notes: new Set(['private']),
};

/** Whether this field is sent as it is, readable by the server; every other field is sealed. */
export function staysPlain(table: TableName, field: string): boolean {
  return ALWAYS_PLAIN.has(field) || PLAIN_BY_TABLE[table]?.has(field) === true;
}

/**
 * The envelope mark of the first format 2 builds: still read (records stored or held since), never written. The
 * short mark is written since, as every sealed field of every record carries it (a tenth of a sealed mark's bytes).
 */
const LEGACY_MARK = 'circulateE2ee';
const marked = (v: Record<string, unknown>): boolean => v.e2 === E2EE_VERSION || v[LEGACY_MARK] === E2EE_VERSION;

export function isSealed(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return marked(v) && typeof v.k === 'string' && typeof v.c === 'string' && Object.keys(v).length === 3;
}

/** The additional authenticated data of one seal group (fields of a record written under one stamp). */
export function sealedContext(table: string, id: string, stamp: string): string {
  return `circulate-e2ee-v${E2EE_VERSION}\u0000${table}\u0000${id}\u0000${stamp}`;
}

/**
 * The additional authenticated data of a sealed blob (a photo's or memo's bytes): its class, which kind of blob it
 * is and its plain type, so a server cannot pass one class's blob off as another's, a memo as a photo, or change
 * how it is played. The ref naming it (itself a sealed field) carries the rest, and the plain hash is checked after.
 */
export function blobContext(classId: string, kind: string, type: string): string {
  // Blobs have their own format number: field format 2 (seal groups) left the sealing of bytes unchanged.
  return `circulate-e2ee-blob-v1\u0000${classId}\u0000${kind}\u0000${type}`;
}

/** A key wrapped under another: base64url(nonce || AES-GCM ciphertext || tag), bound to its own context text. */
export type Wrapped = string;

/** A teacher's keyring as the server relays it between their tablets: every key in it wrapped (docs/e2ee.md). */
export interface Vault {
  version: 1;
  kdf: { name: 'PBKDF2-SHA-256'; iterations: number; salt: string };
  /** A known text sealed under the derived key: a wrong phrase fails here, before anything is touched. */
  check: Wrapped;
  publicJwk: JsonWebKey;
  privateKey: Wrapped;
  classKeys: { classId: string; keyId: string; wrapped: Wrapped }[];
}

/** A class key for another teacher, sealed to their public key with an ephemeral ECDH key (`epk`). */
export interface SharedKey {
  classId: string;
  keyId: string;
  epk: JsonWebKey;
  wrapped: Wrapped;
}

/** A share as the server hands it to its recipient: who sent it, so the tablet can say so. */
export interface ReceivedShare {
  from: { id: string; name: string };
  share: SharedKey;
}

/** GET /classes/:id/teachers: each teacher of a class and their public key (null until their keyring is set up). */
export interface ClassTeachersResponse {
  teachers: { id: string; name: string; publicJwk: JsonWebKey | null }[];
}

/**
 * A field whose sealed value is the very seal of an earlier field of the same record (fields of one seal group):
 * sent and stored once, by reference. Only the wire and the store use it: the server expands a record before it
 * merges and compacts it again after, so each field still merges on its own; devices expand before they open.
 */
export interface SameSeal {
  e2: typeof E2EE_VERSION;
  same: string;
}

export function isSameSeal(value: unknown): value is SameSeal {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return marked(v) && typeof v.same === 'string' && Object.keys(v).length === 2;
}

/**
 * A record's fields from their names in order and a value for each. A field named __proto__ is defined as data (as
 * Object.fromEntries would), so it stays a field rather than setting the prototype; the rest are plain assignments,
 * which cost far less than building [name, value] pairs for every record of a page.
 */
export function fieldsOf(names: readonly string[], valueOf: (field: string, i: number) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) {
    const f = names[i]!;
    if (f === '__proto__') Object.defineProperty(out, f, { value: valueOf(f, i), enumerable: true, writable: true, configurable: true });
    else out[f] = valueOf(f, i);
  }
  return out;
}

/** The fields with every repeated seal replaced by a reference to the first field holding it. */
export function compactSeals(fields: Record<string, unknown>): Record<string, unknown> {
  // Plain records (every record of a class without a key) pass through the server's push untouched.
  if (!Object.values(fields).some(isSealed)) return fields;
  const first = new Map<string, string>();
  let changed = false;
  const entries = Object.entries(fields).map(([f, v]): [string, unknown] => {
    if (!isSealed(v)) return [f, v];
    const at = `${v.k}\u0000${v.c}`;
    const same = first.get(at);
    if (same === undefined) {
      first.set(at, f);
      return [f, v];
    }
    changed = true;
    return [f, { e2: E2EE_VERSION, same } satisfies SameSeal];
  });
  // Object.fromEntries defines each name as data, so a field named __proto__ stays a field.
  return changed ? Object.fromEntries(entries) : fields;
}

/** The fields with each reference replaced by the seal it names; a reference to nothing sealed is left as it is. */
export function expandSeals(fields: Record<string, unknown>): Record<string, unknown> {
  if (!Object.values(fields).some(isSameSeal)) return fields;
  let changed = false;
  const entries = Object.entries(fields).map(([f, v]): [string, unknown] => {
    if (!isSameSeal(v) || !Object.hasOwn(fields, v.same) || !isSealed(fields[v.same])) return [f, v];
    changed = true;
    return [f, fields[v.same]];
  });
  return changed ? Object.fromEntries(entries) : fields;
}
