// The per-field merge: commutative, associative and idempotent, higher stamp wins, and every loser is reported.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../../src/domain/hlc';
import { mergeStamped, newerFields, type FieldMeta, type Stamped } from '../../../src/domain/merge';

const FIELDS = ['text', 'private', 'at', 'deleted'];

const stamped: fc.Arbitrary<Stamped> = fc
  .uniqueArray(
    fc.record({
      field: fc.constantFrom(...FIELDS),
      ms: fc.integer({ min: 0, max: 20 }),
      c: fc.integer({ min: 0, max: 3 }),
      node: fc.constantFrom('a', 'b', 'c'),
    }),
    { selector: (e) => e.field, maxLength: FIELDS.length },
  )
  .map((entries) => {
    const s: Stamped = { id: 'r1', fields: {}, meta: {} };
    for (const e of entries) {
      const t = formatStamp(e.ms, e.c, e.node);
      // A stamp names one write, so the same stamp always carries the same value.
      s.fields[e.field] = `${e.field}@${t}`;
      s.meta[e.field] = { t, by: e.node };
    }
    return s;
  });

const norm = (s: Stamped) => JSON.stringify({ f: Object.entries(s.fields).sort(), m: Object.entries(s.meta).sort() });

describe('mergeStamped', () => {
  it('is commutative', () => {
    fc.assert(fc.property(stamped, stamped, (a, b) => {
      expect(norm(mergeStamped(a, b).merged)).toBe(norm(mergeStamped(b, a).merged));
    }));
  });

  it('is associative', () => {
    fc.assert(
      fc.property(stamped, stamped, stamped, (a, b, c) => {
        const left = mergeStamped(mergeStamped(a, b).merged, c).merged;
        const right = mergeStamped(a, mergeStamped(b, c).merged).merged;
        expect(norm(left)).toBe(norm(right));
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(stamped, stamped, (a, b) => {
        const once = mergeStamped(a, b).merged;
        expect(norm(mergeStamped(once, b).merged)).toBe(norm(once));
        expect(norm(mergeStamped(a, a).merged)).toBe(norm(a));
      }),
    );
  });

  it('keeps the higher stamp of every field and reports each overwritten or refused value', () => {
    fc.assert(
      fc.property(stamped, stamped, (a, b) => {
        const { merged, lost, won } = mergeStamped(a, b);
        expect([...won].sort()).toEqual(newerFields(a, b).sort());
        for (const f of FIELDS) {
          const ta = a.meta[f]?.t;
          const tb = b.meta[f]?.t;
          const max = [ta, tb].filter(Boolean).sort().pop();
          expect(merged.meta[f]?.t).toBe(max);
          if (ta && tb && ta !== tb) expect(lost.some((l) => l.field === f && l.meta.t === [ta, tb].sort()[0])).toBe(true);
        }
      }),
    );
  });

  it('lets a later delete win and a later undelete win back', () => {
    const base: Stamped = { id: 'n', fields: { deleted: false }, meta: { deleted: { t: formatStamp(1, 0, 'a'), by: 'A' } } };
    const del: Stamped = { id: 'n', fields: { deleted: true }, meta: { deleted: { t: formatStamp(2, 0, 'b'), by: 'B' } } };
    expect(mergeStamped(base, del).merged.fields.deleted).toBe(true);
    const undel: Stamped = { id: 'n', fields: { deleted: false }, meta: { deleted: { t: formatStamp(3, 0, 'a'), by: 'A' } } };
    expect(mergeStamped(mergeStamped(base, del).merged, undel).merged.fields.deleted).toBe(false);
  });

  it('lists only the fields that would change', () => {
    const cur: Stamped = { id: 'n', fields: { text: 'x', at: 1 }, meta: { text: { t: formatStamp(5, 0, 'a'), by: 'A' }, at: { t: formatStamp(1, 0, 'a'), by: 'A' } } };
    const inc: Stamped = { id: 'n', fields: { text: 'y', at: 2 }, meta: { text: { t: formatStamp(4, 0, 'b'), by: 'B' }, at: { t: formatStamp(2, 0, 'b'), by: 'B' } } };
    expect(newerFields(cur, inc)).toEqual(['at']);
    expect(() => mergeStamped(cur, { ...inc, id: 'other' })).toThrow();
  });
});

describe('mergeStamped with any field name', () => {
  // Names such as `constructor` or `__proto__` are refused by the protocol, but the merge must not depend on that.
  const name = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'), fc.string({ maxLength: 12 }));
  const record = fc
    .uniqueArray(fc.tuple(name, fc.jsonValue({ maxDepth: 2 }), fc.integer({ min: 1, max: 50 })), { selector: (e) => e[0], maxLength: 6 })
    .map((entries) => {
      const fields: Record<string, unknown> = {};
      const meta: Record<string, FieldMeta> = {};
      for (const [k, v, ms] of entries) {
        Object.defineProperty(fields, k, { value: v, enumerable: true, writable: true, configurable: true });
        Object.defineProperty(meta, k, { value: { t: formatStamp(ms, 0, 'n'), by: 'T' }, enumerable: true, writable: true, configurable: true });
      }
      return { id: 'r', fields, meta };
    });

  it('keeps every winning field as an own property, and never touches a prototype', () => {
    fc.assert(
      fc.property(record, record, (a, b) => {
        const { merged, won } = mergeStamped(a, b);
        expect(Object.getPrototypeOf(merged.fields)).toBe(Object.prototype);
        expect(Object.getPrototypeOf(merged.meta)).toBe(Object.prototype);
        for (const f of won) {
          expect(Object.hasOwn(merged.fields, f)).toBe(true);
          expect(Object.getOwnPropertyDescriptor(merged.fields, f)!.value).toBe(Object.getOwnPropertyDescriptor(b.fields, f)!.value);
        }
        for (const f of Object.keys(a.meta)) expect(Object.hasOwn(merged.meta, f)).toBe(true);
        expect(new Set(won)).toEqual(new Set(newerFields(a, b)));
      }),
    );
  });
});
