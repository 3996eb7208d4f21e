// The group suggestion rules (unit cases) and its invariants (property tests over random classes, marks and locks).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancedSizes, MAX_GROUP, MIN_GROUP, suggestGroups, type GroupingInput } from '../../../src/domain/grouping';

function input(needs: Record<string, string[]>, extra: Partial<GroupingInput> = {}): GroupingInput {
  const ids = Object.keys(needs);
  return {
    students: ids.map((id, order) => ({ id, order })),
    objectives: ['o1', 'o2', 'o3', 'o4'].map((id, order) => ({ id, order })),
    needs,
    lensObjectiveId: null,
    keepApart: [],
    locked: [],
    pulls: {},
    ...extra,
  };
}

describe('suggestGroups rules', () => {
  it('groups the students who share an X on the same objective', () => {
    const r = suggestGroups(input({ a: ['o1'], b: ['o1'], c: ['o2'], d: ['o2'], e: ['o2'], f: [] }));
    expect(r.groups).toEqual([
      { objectiveId: 'o2', memberIds: ['c', 'd', 'e'], lockedGroupId: null },
      { objectiveId: 'o1', memberIds: ['a', 'b'], lockedGroupId: null },
    ]);
    expect(r.independent).toEqual(['f']);
    expect(r.conferences).toEqual([]);
  });

  it('suggests a conference for a student alone with a need', () => {
    const r = suggestGroups(input({ a: ['o1'], b: ['o1'], c: ['o3'], d: [] }));
    expect(r.groups.map((g) => g.memberIds)).toEqual([['a', 'b']]);
    expect(r.conferences).toEqual([{ studentId: 'c', objectiveId: 'o3' }]);
    expect(r.independent).toEqual(['c', 'd']);
  });

  it('splits a set larger than six into balanced groups, least pulled in the first', () => {
    const needs: Record<string, string[]> = {};
    for (let i = 0; i < 13; i++) needs[`s${String(i).padStart(2, '0')}`] = ['o1'];
    const pulls = { s00: 3, s01: 2, s12: 0, s11: 0 };
    const r = suggestGroups(input(needs, { pulls }));
    expect(r.groups.map((g) => g.memberIds.length)).toEqual([5, 4, 4]);
    expect(r.groups[0]!.memberIds.slice(0, 3)).toEqual(['s02', 's03', 's04']);
    // The two pulled most land in the last group.
    expect(r.groups[2]!.memberIds).toEqual(expect.arrayContaining(['s00', 's01']));
    expect(balancedSizes(7, 2)).toEqual([4, 3]);
  });

  it('puts a student with several needs in one group, for the need most of the class shares', () => {
    const r = suggestGroups(input({ a: ['o1', 'o2'], b: ['o2'], c: ['o2'], d: ['o1'], e: ['o1'] }));
    // o2 is shared by 3 (a, b, c), o1 by 3 too (a, d, e): the tie goes to the earlier objective.
    expect(r.groups).toEqual([
      { objectiveId: 'o1', memberIds: ['a', 'd', 'e'], lockedGroupId: null },
      { objectiveId: 'o2', memberIds: ['b', 'c'], lockedGroupId: null },
    ]);
    const r2 = suggestGroups(input({ a: ['o1', 'o2'], b: ['o2'], c: ['o2'], f: ['o2'], d: ['o1'], e: ['o1'] }));
    expect(r2.groups[0]).toEqual({ objectiveId: 'o2', memberIds: ['a', 'b', 'c', 'f'], lockedGroupId: null });
  });

  it("puts the teacher's lens first", () => {
    const r = suggestGroups(input({ a: ['o1', 'o2'], b: ['o2'], c: ['o2'], f: ['o2'], d: ['o1'], e: ['o1'] }, { lensObjectiveId: 'o1' }));
    expect(r.groups[0]).toEqual({ objectiveId: 'o1', memberIds: ['a', 'd', 'e'], lockedGroupId: null });
  });

  it('sends a student left alone to a group of another of their needs', () => {
    // c needs o1 (shared by a, b) and o3 (nobody else): c joins the o1 group.
    const r = suggestGroups(input({ a: ['o1'], b: ['o1'], c: ['o3', 'o1'] }, { lensObjectiveId: 'o3' }));
    expect(r.groups).toEqual([{ objectiveId: 'o1', memberIds: ['a', 'b', 'c'], lockedGroupId: null }]);
    expect(r.conferences).toEqual([]);
  });

  it('keeps keep-apart pairs in different groups', () => {
    const r = suggestGroups(input({ a: ['o1'], b: ['o1'], c: ['o1'], d: ['o1'] }, { keepApart: [['a', 'b']] }));
    for (const g of r.groups) expect(g.memberIds.includes('a') && g.memberIds.includes('b')).toBe(false);
    // Among equals, the least pulled keeps the place and the other is conferred with.
    const r2 = suggestGroups(input({ a: ['o1'], b: ['o1'], c: ['o1'] }, { keepApart: [['a', 'b']], pulls: { a: 2 } }));
    expect(r2.groups).toEqual([{ objectiveId: 'o1', memberIds: ['b', 'c'], lockedGroupId: null }]);
    expect(r2.conferences).toEqual([{ studentId: 'a', objectiveId: 'o1' }]);
  });

  it('keeps locked students in their group and fills it with matching needs', () => {
    const r = suggestGroups(input({ a: ['o2'], b: ['o1'], c: ['o1'], d: ['o1'] }, { locked: [{ id: 'g1', focusObjectiveId: 'o1', memberIds: ['a'] }] }));
    expect(r.groups).toEqual([{ objectiveId: 'o1', memberIds: ['a', 'b', 'c', 'd'], lockedGroupId: 'g1' }]);
    // A full intervention group takes nobody new.
    const r2 = suggestGroups(input({ a: [], b: ['o1'], c: ['o1'] }, { locked: [{ id: 'g1', focusObjectiveId: 'o1', memberIds: ['a'], maxSize: 1 }] }));
    expect(r2.groups).toEqual([
      { objectiveId: 'o1', memberIds: ['a'], lockedGroupId: 'g1' },
      { objectiveId: 'o1', memberIds: ['b', 'c'], lockedGroupId: null },
    ]);
  });

  it('ignores needs on unknown objectives and students', () => {
    const r = suggestGroups(input({ a: ['zz', 'o1', 'o1'], b: ['o1'] }));
    expect(r.groups).toEqual([{ objectiveId: 'o1', memberIds: ['a', 'b'], lockedGroupId: null }]);
  });
});

const OBJ = ['o0', 'o1', 'o2', 'o3', 'o4', 'o5'];

const arbInput: fc.Arbitrary<GroupingInput> = fc.integer({ min: 0, max: 40 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `s${i}`);
  const sid = n > 0 ? fc.constantFrom(...ids) : fc.constant('none');
  return fc.record({
    students: fc.constant(ids.map((id, order) => ({ id, order }))),
    objectives: fc.constant(OBJ.map((id, order) => ({ id, order }))),
    needs: fc.tuple(...ids.map(() => fc.subarray(OBJ))).map((lists) => Object.fromEntries(ids.map((id, i) => [id, lists[i] ?? []]))),
    lensObjectiveId: fc.option(fc.constantFrom(...OBJ)),
    keepApart: fc.array(fc.tuple(sid, sid), { maxLength: 12 }),
    locked: fc
      .array(fc.record({ id: fc.constantFrom('g1', 'g2', 'g3'), focusObjectiveId: fc.option(fc.constantFrom(...OBJ)), memberIds: fc.uniqueArray(sid, { maxLength: 4 }), maxSize: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }) }), { maxLength: 3 })
      .map((gs) => {
        // Each group id once, each student locked in one group only (as the builder stores them).
        const seen = new Set<string>();
        const byId = new Map(gs.map((g) => [g.id, g]));
        return [...byId.values()].map((g) => {
          const memberIds = g.memberIds.filter((m) => ids.includes(m) && !seen.has(m));
          memberIds.forEach((m) => seen.add(m));
          return { ...g, memberIds };
        });
      }),
    pulls: fc.tuple(...ids.map(() => fc.integer({ min: 0, max: 4 }))).map((p) => Object.fromEntries(ids.map((id, i) => [id, p[i] ?? 0]))),
  });
});

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('suggestGroups properties', () => {
  it('places every student once: in one group or independent, conferences only among the independent', () => {
    fc.assert(
      fc.property(arbInput, (inp) => {
        const r = suggestGroups(inp);
        const grouped = r.groups.flatMap((g) => g.memberIds);
        expect(new Set(grouped).size).toBe(grouped.length);
        expect([...grouped, ...r.independent].sort()).toEqual(inp.students.map((s) => s.id).sort());
        const indep = new Set(r.independent);
        for (const c of r.conferences) {
          expect(indep.has(c.studentId)).toBe(true);
          expect(inp.needs[c.studentId]).toContain(c.objectiveId);
        }
        expect(new Set(r.conferences.map((c) => c.studentId)).size).toBe(r.conferences.length);
      }),
    );
  });

  it('keeps every group within its size bounds, and a suggested member has the group focus as a need', () => {
    fc.assert(
      fc.property(arbInput, (inp) => {
        const r = suggestGroups(inp);
        for (const g of r.groups) {
          const lock = inp.locked.find((l) => l.id === g.lockedGroupId);
          if (!lock) {
            expect(g.memberIds.length).toBeGreaterThanOrEqual(MIN_GROUP);
            expect(g.memberIds.length).toBeLessThanOrEqual(MAX_GROUP);
          } else {
            expect(g.memberIds.length).toBeLessThanOrEqual(Math.max(lock.maxSize ?? MAX_GROUP, lock.memberIds.length));
          }
          for (const m of g.memberIds) {
            if (lock?.memberIds.includes(m)) continue;
            expect(g.objectiveId).not.toBeNull();
            expect(inp.needs[m]).toContain(g.objectiveId);
          }
        }
      }),
    );
  });

  it('honours locks and keep-apart pairs', () => {
    fc.assert(
      fc.property(arbInput, (inp) => {
        const r = suggestGroups(inp);
        for (const lock of inp.locked) {
          if (lock.memberIds.length === 0) continue;
          const g = r.groups.find((x) => x.lockedGroupId === lock.id);
          expect(g).toBeDefined();
          for (const m of lock.memberIds) expect(g!.memberIds).toContain(m);
        }
        for (const g of r.groups) {
          const lock = inp.locked.find((l) => l.id === g.lockedGroupId);
          for (const [a, b] of inp.keepApart) {
            if (a === b) continue;
            const bothLocked = lock?.memberIds.includes(a) && lock.memberIds.includes(b);
            if (!bothLocked) expect(g.memberIds.includes(a) && g.memberIds.includes(b)).toBe(false);
          }
        }
      }),
    );
  });

  it('gives everyone with an open need a group or a conference', () => {
    fc.assert(
      fc.property(arbInput, (inp) => {
        const r = suggestGroups(inp);
        const grouped = new Set(r.groups.flatMap((g) => g.memberIds));
        const conferred = new Set(r.conferences.map((c) => c.studentId));
        for (const s of inp.students) if ((inp.needs[s.id] ?? []).length > 0) expect(grouped.has(s.id) || conferred.has(s.id)).toBe(true);
      }),
    );
  });

  it('gives the same groups for the same input, whatever the order of its lists', () => {
    fc.assert(
      fc.property(arbInput, fc.integer(), (inp, seed) => {
        const a = suggestGroups(inp);
        expect(suggestGroups(inp)).toEqual(a);
        const permuted: GroupingInput = {
          ...inp,
          students: shuffled(inp.students, seed),
          objectives: shuffled(inp.objectives, seed + 1),
          keepApart: shuffled(inp.keepApart, seed + 2),
          locked: shuffled(inp.locked, seed + 3),
          needs: Object.fromEntries(shuffled(Object.entries(inp.needs), seed + 4).map(([k, v]) => [k, shuffled(v, seed + 5)])),
        };
        expect(suggestGroups(permuted)).toEqual(a);
      }),
    );
  });
});
