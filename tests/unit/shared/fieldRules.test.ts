// The nesting limit a change's field values are held to (server and devices alike): the same answer as counting
// the depth of the value, for flat values (the fast path) and nested ones, without recursion.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_VALUE_DEPTH, withinDepth } from '../../../src/shared/fieldRules';

const depthOf = (v: unknown): number => (typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);

describe('withinDepth', () => {
  it('says a value is within a limit exactly when its nesting is at most that limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.integer({ min: 0, max: 6 }), (value, max) => {
        expect(withinDepth(value, max)).toBe(depthOf(value) <= max);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a value nested past the limit, however deep, and takes one at the limit', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(withinDepth(deep)).toBe(false);
    let atLimit: unknown = { k: 'v', n: 1 };
    for (let i = 1; i < MAX_VALUE_DEPTH; i++) atLimit = { inner: atLimit };
    expect(withinDepth(atLimit)).toBe(true);
    expect(withinDepth({ wrap: atLimit })).toBe(false);
  });
});
