// Per-field last-writer-wins merge of stamped records: the one merge the device and the server both run.
// Every field carries its own stamp, so two teachers editing different fields of one note both keep their edit.

import { compareStamps, type Stamp } from './hlc';

/** Who wrote a field, and when by the hybrid logical clock (the stamp's node id names the device). */
export interface FieldMeta {
  t: Stamp;
  /** Teacher name at the time of the write, for "written by" on shared classes. */
  by: string;
}

/**
 * A record or a change to one: some fields with their stamps. A change is a partial record, so merging a
 * change into a record and merging two records are the same operation.
 */
export interface Stamped {
  id: string;
  fields: Record<string, unknown>;
  meta: Record<string, FieldMeta>;
}

export interface LostWrite {
  field: string;
  value: unknown;
  meta: FieldMeta;
}

// Field names are data: a name like `constructor` or `__proto__` must read and write its own property, never the
// one every object inherits (the protocol refuses such names too, but the merge does not depend on that).
function own<V>(o: Record<string, V>, k: string): V | undefined {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}

function setOwn<V>(o: Record<string, V>, k: string, value: V): void {
  // Only `__proto__` is an inherited setter; plain assignment makes every other name an own property.
  if (k === '__proto__') Object.defineProperty(o, k, { value, writable: true, enumerable: true, configurable: true });
  else o[k] = value;
}

/** Whether the incoming field write beats the current one: higher stamp wins; equal stamps are the same write. */
export function wins(incoming: FieldMeta, current: FieldMeta | undefined): boolean {
  return current === undefined || compareStamps(incoming.t, current.t) > 0;
}

/**
 * Merges b into a field by field. Commutative, associative and idempotent on (fields, meta), so devices and the
 * server converge whatever order changes arrive in, however often they are retried. Losers are returned so the
 * server can keep them in a field history instead of dropping a teacher's words; the fields of b that won (what
 * newerFields would say) so a caller need not compare the pair twice to know whether anything changed.
 */
export function mergeStamped(a: Stamped, b: Stamped): { merged: Stamped; lost: LostWrite[]; won: string[] } {
  if (a.id !== b.id) throw new Error(`Cannot merge ${a.id} with ${b.id}`);
  const fields: Record<string, unknown> = { ...a.fields };
  const meta: Record<string, FieldMeta> = { ...a.meta };
  const lost: LostWrite[] = [];
  const won: string[] = [];
  for (const [field, m] of Object.entries(b.meta)) {
    const cur = own(meta, field);
    if (wins(m, cur)) {
      won.push(field);
      if (cur !== undefined) lost.push({ field, value: own(fields, field), meta: cur });
      setOwn(fields, field, own(b.fields, field));
      setOwn(meta, field, m);
    } else if (cur !== undefined && compareStamps(m.t, cur.t) < 0) {
      lost.push({ field, value: own(b.fields, field), meta: m });
    }
  }
  return { merged: { id: a.id, fields, meta }, lost, won };
}

/** The fields of b that would change a (what a pull actually has to write). */
export function newerFields(current: Stamped | undefined, incoming: Stamped): string[] {
  return Object.entries(incoming.meta)
    .filter(([f, m]) => wins(m, current ? own(current.meta, f) : undefined))
    .map(([f]) => f);
}

/** The highest stamp in a record, for cursors and drift checks. */
export function maxStamp(s: Stamped): Stamp | undefined {
  let max: Stamp | undefined;
  for (const m of Object.values(s.meta)) if (max === undefined || m.t > max) max = m.t;
  return max;
}
