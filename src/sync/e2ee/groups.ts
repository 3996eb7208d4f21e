// Which of a record's fields are sealed together: small fields written under one stamp share one AES-GCM seal
// (a mark's five fields are one seal, not five); a long text is sealed alone, since each field of a group carries it.

import { staysPlain } from '../../shared/e2ee';
import type { TableName } from '../../shared/records';
import { utf8Length } from './bytes';

/** A field this long (its JSON, in UTF-8 bytes) or longer is sealed on its own. */
const ALONE_FROM = 64;
/** The most plaintext one group holds: every field of the group carries the whole ciphertext. */
const GROUP_MAX = 192;

/** One seal: the fields it covers and the exact plaintext (a JSON object of those fields). */
export interface SealGroup {
  stamp: string;
  fields: string[];
  plaintext: string;
  bytes: number;
  /** The UTF-8 bytes its fields' values take in the plain JSON of the record, and whether each is there at all
   * (JSON leaves out a field holding undefined; sealed, it travels as null). */
  valueBytes: number;
  allInPlainJson: boolean;
}

interface Part {
  field: string;
  /** The field's name as JSON, and the UTF-8 bytes of `"name":value` in the group's plaintext. */
  key: string;
  json: string;
  bytes: number;
  entry: number;
  inPlainJson: boolean;
}

function partOf(field: string, value: unknown): Part {
  const key = JSON.stringify(field);
  const plain = JSON.stringify(value) as string | undefined;
  // JSON.stringify(undefined) is undefined: a field holding undefined travels as null once sealed.
  const json = plain ?? 'null';
  const bytes = utf8Length(json);
  return { field, key, json, bytes, entry: utf8Length(key) + 1 + bytes, inPlainJson: plain !== undefined };
}

/** A group's plaintext: the JSON object of its fields, each value's JSON text as it was measured. */
function groupOf(stamp: string, parts: readonly Part[]): SealGroup {
  let plaintext = '{';
  let bytes = 1 + parts.length;
  let valueBytes = 0;
  let allInPlainJson = true;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    plaintext += `${i ? ',' : ''}${p.key}:${p.json}`;
    bytes += p.entry;
    valueBytes += p.bytes;
    allInPlainJson &&= p.inPlainJson;
  }
  return { stamp, fields: parts.map((p) => p.field), plaintext: `${plaintext}}`, bytes: parts.length ? bytes : 2, valueBytes, allInPlainJson };
}

/** One value as a group of its own (keys and tests seal single values this way). */
export function loneGroup(field: string, stamp: string, value: unknown): SealGroup {
  return groupOf(stamp, [partOf(field, value)]);
}

/** Packs one stamp's fields into groups in the order given, a long one alone, none over GROUP_MAX. */
function pack(stamp: string, parts: readonly Part[], out: SealGroup[]): void {
  let open: Part[] = [];
  let size = 2;
  const close = () => {
    if (open.length === 0) return;
    out.push(groupOf(stamp, open));
    open = [];
    size = 2;
  };
  for (const p of parts) {
    const cost = p.entry + 1;
    if (p.bytes >= ALONE_FROM || size + cost > GROUP_MAX) close();
    open.push(p);
    size += cost;
    if (p.bytes >= ALONE_FROM) close();
  }
  close();
}

/**
 * The seal groups of a record's sealed fields (every field but those the server reads), in a fixed order so the
 * size measured before sealing is the size sent. Throws when a sealed field has no stamp.
 */
export function sealGroups(table: TableName, id: string, fields: Record<string, unknown>, meta: Record<string, { t: string } | undefined>): SealGroup[] {
  const byStamp = new Map<string, Part[]>();
  for (const [field, value] of Object.entries(fields)) {
    if (staysPlain(table, field)) continue;
    const stamp = meta[field]?.t;
    if (stamp === undefined) throw new Error(`${table} ${id}: field ${field} has no stamp to seal it under`);
    const parts = byStamp.get(stamp);
    if (parts) parts.push(partOf(field, value));
    else byStamp.set(stamp, [partOf(field, value)]);
  }
  const out: SealGroup[] = [];
  for (const [stamp, parts] of byStamp) pack(stamp, parts, out);
  return out;
}
