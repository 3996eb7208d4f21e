// The hand-written fast check of a push body must accept only what the protocol's valibot schema accepts, with the
// same result; bodies it is unsure of go to the schema. Property-tested on valid bodies and on bent ones.

import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '../../src/shared/records';
import { MAX_PUSH_CHANGES } from '../../src/shared/protocol';
import { PushRequestSchema } from '../../src/shared/protocolSchema';
import { fastPushRequest } from '../../server/validate';
import { FIELD_NAME, isGoodBy, RESERVED_FIELD_NAMES } from '../../src/shared/fieldRules';

const stamp = fc
  .tuple(fc.integer({ min: 0, max: 999_999_999_999_999 }), fc.stringMatching(/^[0-9a-z]{6}$/), fc.stringMatching(/^[a-z0-9-]{1,40}$/))
  .map(([ms, c, node]) => `${String(ms).padStart(15, '0')}-${c}-${node}`);
const fieldName = fc.oneof(
  fc.constantFrom('classId', 'name', 'text', 'deleted', 'at'),
  fc.stringMatching(FIELD_NAME).filter((k) => !RESERVED_FIELD_NAMES.has(k)),
);
const change = fc
  .record({
    n: fc.integer({ min: 1, max: 1e9 }),
    table: fc.constantFrom(...SYNCED_TABLES),
    id: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
    entries: fc.uniqueArray(fc.tuple(fieldName, fc.jsonValue({ depthSize: 'small' }), stamp, fc.string({ maxLength: 10 }).filter(isGoodBy)), { minLength: 1, maxLength: 6, selector: (e) => e[0] }),
  })
  .map(({ n, table, id, entries }) => ({
    n,
    table,
    id,
    fields: Object.fromEntries(entries.map(([k, val]) => [k, val])),
    meta: Object.fromEntries(entries.map(([k, , t, by]) => [k, { t, by }])),
  }));
const body = fc.record({ clientId: fc.stringMatching(/^[a-z0-9-]{1,64}$/), schema: fc.integer({ min: 0, max: 10 }), changes: fc.array(change, { maxLength: 8 }) });

/** Bends one part of a body: a wrong type, a missing or extra key, an over-long string, a bad stamp. */
const bent = fc.tuple(body, fc.nat(), fc.constantFrom('drop', 'extra', 'null', 'string', 'number', 'long', 'array', 'proto', 'longkey', 'reserved', 'deep', 'control'), fc.nat()).map(([b, pick, how, k]) => {
  const copy = JSON.parse(JSON.stringify(b)) as Record<string, unknown>;
  const targets: Record<string, unknown>[] = [copy];
  for (const c of copy.changes as Record<string, unknown>[]) {
    targets.push(c, c.fields as Record<string, unknown>, c.meta as Record<string, unknown>);
    for (const m of Object.values(c.meta as Record<string, unknown>)) targets.push(m as Record<string, unknown>);
  }
  const o = targets[pick % targets.length]!;
  const keys = Object.keys(o);
  const key = keys.length ? keys[k % keys.length]! : 'x';
  if (how === 'drop') delete o[key];
  else if (how === 'extra') o[`extra${k}`] = 1;
  else if (how === 'null') o[key] = null;
  else if (how === 'string') o[key] = 'x';
  else if (how === 'number') o[key] = k + 0.5;
  else if (how === 'long') o[key] = 'x'.repeat(201 + (k % 50));
  else if (how === 'array') o[key] = [];
  else if (how === 'longkey') o['k'.repeat(65)] = o[key];
  else if (how === 'reserved') o[['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'id'][k % 5]!] = o[key];
  else if (how === 'deep') o[key] = JSON.parse('['.repeat(33 + (k % 40)) + ']'.repeat(33 + (k % 40)));
  else if (how === 'control') o[key] = `Ms\u0000${k}`;
  else Object.defineProperty(o, '__proto__', { value: {}, enumerable: true, configurable: true, writable: true });
  return copy;
});

describe('fastPushRequest', () => {
  it('accepts every valid body, returning what the schema returns', () => {
    fc.assert(
      fc.property(body, (b) => {
        const slow = v.safeParse(PushRequestSchema, b);
        expect(slow.success).toBe(true);
        expect(fastPushRequest(b)).toEqual(slow.output);
      }),
    );
  });

  it('never accepts a body the schema refuses', () => {
    fc.assert(
      fc.property(bent, (b) => {
        const fast = fastPushRequest(b);
        if (fast !== undefined) expect(fast).toEqual(v.parse(PushRequestSchema, b));
        if (!v.safeParse(PushRequestSchema, b).success) expect(fast).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves oversized batches, empty changes and mismatched fields to the schema', () => {
    const one = { n: 1, table: 'notes', id: 'n1', fields: { text: 'a' }, meta: { text: { t: '000000000000001-000000-dev', by: 'T' } } };
    expect(fastPushRequest({ clientId: 'd', schema: 2, changes: [one] })).toBeDefined();
    expect(fastPushRequest({ clientId: 'd', schema: 2, changes: Array.from({ length: MAX_PUSH_CHANGES + 1 }, (_, i) => ({ ...one, n: i + 1 })) })).toBeUndefined();
    expect(fastPushRequest({ clientId: 'd', schema: 2, changes: [{ ...one, fields: {}, meta: {} }] })).toBeUndefined();
    expect(fastPushRequest({ clientId: 'd', schema: 2, changes: [{ ...one, fields: { other: 'a' } }] })).toBeUndefined();
    expect(fastPushRequest({ clientId: 'D', schema: 2, changes: [one] })).toBeUndefined();
  });
});
