// What makes `npm run bench` exit non-zero: a metric over its budget, and only that.
import { describe, expect, it } from 'vitest';
import { overBudget } from '../../../bench/types';

describe('overBudget', () => {
  it('names each metric whose value is over its budget', () => {
    expect(
      overBudget({
        'tap-p95': { value: 12, unit: 'ms', budget: 10 },
        'bundle-size': { value: 200, unit: 'kB', budget: 250 },
        'pull-1000': { value: 3.5, unit: 's', budget: 3 },
      }),
    ).toEqual(['tap-p95', 'pull-1000']);
  });

  it('passes a metric exactly at its budget and one with no budget', () => {
    expect(overBudget({ at: { value: 10, unit: 'ms', budget: 10 }, unbudgeted: { value: 1e9, unit: 'ms' } })).toEqual([]);
  });

  it('passes when there are no metrics', () => {
    expect(overBudget({})).toEqual([]);
  });
});
