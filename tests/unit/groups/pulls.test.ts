// Counting who was pulled into a group, how often and for what, over a window of weeks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, pullCounts, pullHistory, WEEK_MS, type SessionLike } from '../../../src/domain/pulls';

const NOW = Date.UTC(2026, 10, 20, 12);
const s = (daysAgo: number, focus: string | null, ...ids: string[]): SessionLike => ({ at: NOW - daysAgo * DAY_MS, focusObjectiveId: focus, attendeeIds: ids });

describe('pullCounts', () => {
  it('counts sessions attended since a time, each student once per session', () => {
    const sessions = [s(1, 'o1', 'a', 'b', 'a'), s(3, 'o2', 'a'), s(20, 'o1', 'b')];
    expect(pullCounts(sessions, NOW - 14 * DAY_MS, NOW)).toEqual({ a: 2, b: 1 });
    expect(pullCounts(sessions, 0, NOW)).toEqual({ a: 2, b: 2 });
    expect(pullCounts([], 0)).toEqual({});
  });

  it('never counts more than the sessions in the window', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.integer({ min: 0, max: 100 }), focusObjectiveId: fc.constant(null), attendeeIds: fc.array(fc.constantFrom<string>('a', 'b', 'c')) })), fc.integer({ min: 0, max: 100 }), (sessions, since) => {
        const counts = pullCounts(sessions, since);
        const inWindow = sessions.filter((x) => x.at >= since);
        for (const id of ['a', 'b', 'c']) expect(counts[id] ?? 0).toBe(inWindow.filter((x) => x.attendeeIds.includes(id)).length);
      }),
    );
  });
});

describe('pullHistory', () => {
  it('gives each student a count, what for, a count per week and the last time', () => {
    const sessions = [s(1, 'o1', 'a', 'b'), s(2, 'o1', 'a'), s(9, 'o2', 'a'), s(30, 'o1', 'b'), s(-1, 'o1', 'b')];
    const rows = pullHistory(sessions, ['a', 'b', 'c'], NOW, 2);
    expect(rows).toEqual([
      { studentId: 'a', count: 3, byObjective: [{ objectiveId: 'o1', count: 2 }, { objectiveId: 'o2', count: 1 }], perWeek: [2, 1], lastAt: NOW - DAY_MS },
      { studentId: 'b', count: 1, byObjective: [{ objectiveId: 'o1', count: 1 }], perWeek: [1, 0], lastAt: NOW - DAY_MS },
      { studentId: 'c', count: 0, byObjective: [], perWeek: [0, 0], lastAt: null },
    ]);
    expect(pullHistory(sessions, ['b'], NOW, 6)[0]!.count).toBe(2);
    expect(pullHistory([s(0, null, 'a')], ['a'], NOW, 1)[0]!.byObjective).toEqual([{ objectiveId: null, count: 1 }]);
    expect(WEEK_MS).toBe(7 * DAY_MS);
  });
});
