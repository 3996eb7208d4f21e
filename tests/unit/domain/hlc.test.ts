// The hybrid logical clock: monotonic, ordered by string comparison, refusing stamps from the far future.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClockDriftError, createHlc, formatStamp, isStamp, parseStamp, receive, tick } from '../../../src/domain/hlc';

describe('hlc', () => {
  it('formats and parses stamps', () => {
    const s = formatStamp(1_700_000_000_000, 42, 'abc-1');
    expect(isStamp(s)).toBe(true);
    expect(parseStamp(s)).toEqual({ ms: 1_700_000_000_000, c: 42, node: 'abc-1' });
    expect(isStamp('nope')).toBe(false);
  });

  it('issues strictly increasing stamps even when the wall clock stalls or goes back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_000_000_000_000 }), { minLength: 1, maxLength: 50 }), (times) => {
        let state = createHlc('node1');
        let prev = '';
        for (const now of times) {
          const r = tick(state, now);
          expect(r.stamp > prev).toBe(true);
          prev = r.stamp;
          state = r.state;
        }
      }),
    );
  });

  it('orders string comparison the same as (ms, counter, node)', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 0, max: 1e14 }), fc.integer({ min: 0, max: 100000 }), fc.stringMatching(/^[a-z0-9]{1,8}$/)),
        fc.tuple(fc.integer({ min: 0, max: 1e14 }), fc.integer({ min: 0, max: 100000 }), fc.stringMatching(/^[a-z0-9]{1,8}$/)),
        ([m1, c1, n1], [m2, c2, n2]) => {
          const a = formatStamp(m1, c1, n1);
          const b = formatStamp(m2, c2, n2);
          const expected = m1 !== m2 ? Math.sign(m1 - m2) : c1 !== c2 ? Math.sign(c1 - c2) : n1 === n2 ? 0 : n1 < n2 ? -1 : 1;
          expect(Math.sign(a < b ? -1 : a > b ? 1 : 0)).toBe(expected);
        },
      ),
    );
  });

  it('after receiving a remote stamp, the next local stamp sorts after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 1000 }), (now, ahead, c) => {
        const remote = formatStamp(now + ahead, c, 'zzz');
        const state = receive(createHlc('aaa', now), remote, now);
        expect(tick(state, now).stamp > remote).toBe(true);
      }),
    );
  });

  it('refuses a stamp too far in the future', () => {
    const now = 1_000_000;
    expect(() => receive(createHlc('a'), formatStamp(now + 10 * 60_000, 0, 'b'), now)).toThrow(ClockDriftError);
  });

  it('rejects invalid node ids', () => {
    expect(() => createHlc('Bad Node')).toThrow();
  });
});
