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
}

interface Part {
  field: string;
  json: string;
  bytes: number;
}

/** A group's plaintext: the JSON object of its fields, each value's JSON text as it was measured. */
function groupOf(stamp: string, parts: readonly Part[]): SealGroup {
  const plaintext = `{${parts.map((p) => `${JSON.stringify(p.field)}:${p.json}`).join(',')}}`;
  return { stamp, fields: parts.map((p) => p.field), plaintext, bytes: utf8Length(plaintext) };
}

/** One value as a group of its own (keys and tests seal single values this way). */
export function loneGroup(field: string, stamp: string, value: unknown): SealGroup {
  const json = jsonOf(value);
  return groupOf(stamp, [{ field, json, bytes: utf8Length(json) }]);
}

// JSON.stringify(undefined) is undefined: a field holding undefined travels as null, as it would plain.
const jsonOf = (value: unknown): string => JSON.stringify(value) ?? 'null';

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
    const cost = utf8Length(JSON.stringify(p.field)) + 1 + p.bytes + 1;
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
    const json = jsonOf(value);
    const parts = byStamp.get(stamp) ?? [];
    parts.push({ field, json, bytes: utf8Length(json) });
    byStamp.set(stamp, parts);
  }
  const out: SealGroup[] = [];
  for (const [stamp, parts] of byStamp) pack(stamp, parts, out);
  return out;
}
