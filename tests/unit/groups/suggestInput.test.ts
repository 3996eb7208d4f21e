// From stored rows to the suggestion input: locks, ongoing intervention groups, the lens and pulls of the last two weeks.
import { describe, expect, it } from 'vitest';
import type { GroupSession, KeepApart, Piece, Student } from '../../../src/shared/records';
import { DAY_MS } from '../../../src/domain/pulls';
import { normalizeGroup, type GroupsData } from '../../../src/features/groups/reads';
import { groupingInput } from '../../../src/features/groups/suggestInput';

const NOW = Date.UTC(2026, 10, 20);
const base = { deleted: false, _m: {} };
const student = (id: string, order: number) => ({ ...base, id, classId: 'c', firstName: id, lastName: '', order, archived: false, sourceId: null }) as Student;
const group = (id: string, kind: 'needs' | 'intervention', memberIds: string[], lockedIds?: string[]) =>
  normalizeGroup({ ...base, id, classId: 'c', pieceId: null, name: id, kind, focusObjectiveId: 'o1', memberIds, teachingPoint: '', plannedMinutes: 8, schedule: [], dissolved: false, order: 0, ...(lockedIds ? { lockedIds } : {}) });
const session = (daysAgo: number, attendeeIds: string[]) => ({ ...base, id: `s${daysAgo}`, classId: 'c', groupId: 'g', focusObjectiveId: null, attendeeIds, at: NOW - daysAgo * DAY_MS, minutes: 5 }) as GroupSession;

describe('groupingInput', () => {
  it('keeps intervention groups whole, needs groups only by their locks, and counts pulls over two weeks', () => {
    const data: GroupsData = {
      students: [student('a', 0), student('b', 1), student('c', 2), student('d', 3)],
      piece: { ...base, id: 'p', classId: 'c', title: 'P', genre: '', startDate: '2026-11-01', lensObjectiveId: 'o2', archived: false } as Piece,
      objectives: [],
      needs: new Map([['a', ['o1']]]),
      groups: [group('g1', 'intervention', ['a', 'b']), group('g2', 'needs', ['c', 'd'], ['d', 'zz']), group('g3', 'needs', ['c'])],
      keepApart: [{ ...base, id: 'k', classId: 'c', studentA: 'a', studentB: 'c' } as KeepApart],
      sessions: [session(1, ['a', 'b']), session(13, ['a']), session(20, ['a', 'c'])],
    };
    const input = groupingInput(data, NOW);
    expect(input.locked).toEqual([
      { id: 'g1', focusObjectiveId: 'o1', memberIds: ['a', 'b'], maxSize: 2 },
      { id: 'g2', focusObjectiveId: 'o1', memberIds: ['d'] },
    ]);
    expect(input.pulls).toEqual({ a: 2, b: 1 });
    expect(input.lensObjectiveId).toBe('o2');
    expect(input.keepApart).toEqual([['a', 'c']]);
    expect(input.needs).toEqual({ a: ['o1'] });
    expect(input.students.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives old rows without locks an empty lock list', () => {
    expect(group('g', 'needs', ['a']).lockedIds).toEqual([]);
  });
});
