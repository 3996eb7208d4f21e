// The checklist maths: latest mark per cell, the tap cycle, open needs, counts, days since, weekly class needs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellKey,
  classNeedsByWeek,
  countMarks,
  daysSince,
  foldTaps,
  lastObserved,
  latestMarks,
  nextValue,
  openNeeds,
  seenBand,
  seenText,
  weekStart,
  type MarkLike,
  type MarkValue,
} from '../../../src/domain/marks';

const m = (studentId: string, objectiveId: string, value: MarkValue, at: number, over: Partial<MarkLike> = {}): MarkLike => ({
  studentId,
  objectiveId,
  value,
  at,
  deleted: false,
  id: String(at).padStart(6, '0'),
  ...over,
});

const markArb = fc.record({
  studentId: fc.constantFrom('s1', 's2', 's3'),
  objectiveId: fc.constantFrom('o1', 'o2'),
  value: fc.constantFrom<MarkValue>('x', 'check', null),
  at: fc.integer({ min: 0, max: 50 }),
  deleted: fc.boolean(),
  id: fc.string({ minLength: 1, maxLength: 4 }),
});

describe('the tap cycle', () => {
  it('goes empty, X, check, empty', () => {
    expect(nextValue(undefined)).toBe('x');
    expect(nextValue(null)).toBe('x');
    expect(nextValue('x')).toBe('check');
    expect(nextValue('check')).toBeNull();
  });
});

describe('latestMarks', () => {
  it('keeps the latest live tap per student and objective', () => {
    const latest = latestMarks([m('s1', 'o1', 'x', 1), m('s1', 'o1', 'check', 3), m('s1', 'o1', null, 5, { deleted: true }), m('s2', 'o1', 'x', 2)]);
    expect(latest.get(cellKey('s1', 'o1'))?.value).toBe('check');
    expect(latest.get(cellKey('s2', 'o1'))?.value).toBe('x');
    expect(latest.size).toBe(2);
  });

  it('breaks a tie in time by id, so the same taps always give the same grid', () => {
    const a = m('s1', 'o1', 'x', 7, { id: 'a' });
    const b = m('s1', 'o1', 'check', 7, { id: 'b' });
    expect(latestMarks([a, b]).get(cellKey('s1', 'o1'))).toBe(b);
    expect(latestMarks([b, a]).get(cellKey('s1', 'o1'))).toBe(b);
  });

  it('does not depend on the order the taps arrive in (sync may deliver them in any order)', () => {
    fc.assert(
      fc.property(fc.array(markArb, { maxLength: 40 }), fc.integer(), (raw, seed) => {
        // Real ids are unique; only times can tie.
        const marks = raw.map((x, i) => ({ ...x, id: `${x.id}-${i}` }));
        const shuffled = [...marks].sort((x, y) => ((x.at * 31 + seed) % 7) - ((y.at * 31 + seed) % 7));
        const a = latestMarks(marks);
        const b = latestMarks(shuffled);
        expect(b.size).toBe(a.size);
        for (const [k, v] of a) expect(b.get(k)).toBe(v);
        for (const [k, v] of a) {
          expect(v.deleted).toBe(false);
          const rivals = marks.filter((x) => !x.deleted && cellKey(x.studentId, x.objectiveId) === k);
          for (const r of rivals) expect(r.at < v.at || (r.at === v.at && (r.id ?? '') <= (v.id ?? ''))).toBe(true);
        }
      }),
    );
  });
});

describe('openNeeds', () => {
  it('lists objectives with an X and no check after it', () => {
    const needs = openNeeds([
      m('s1', 'o1', 'x', 1),
      m('s1', 'o2', 'x', 2),
      m('s1', 'o2', 'check', 3),
      m('s2', 'o1', 'x', 4),
      m('s2', 'o1', 'check', 5),
      m('s2', 'o1', null, 6),
      m('s3', 'o1', 'x', 7, { deleted: true }),
    ]);
    expect(needs).toEqual(new Map([['s1', ['o1']]]));
  });

  it('agrees with the grid for any run of taps through the cycle (open exactly when the cell shows X)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('s1', 's2'), fc.constantFrom('o1', 'o2')), { maxLength: 30 }), (taps) => {
        const marks: MarkLike[] = [];
        const state = new Map<string, MarkValue>();
        taps.forEach(([s, o], i) => {
          const k = cellKey(s, o);
          const v = nextValue(state.get(k));
          state.set(k, v);
          marks.push(m(s, o, v, i));
        });
        const open = openNeeds(marks);
        for (const [k, v] of state) {
          const [s, o] = k.split('|') as [string, string];
          expect(open.get(s)?.includes(o) ?? false).toBe(v === 'x');
        }
      }),
    );
  });
});

describe('countMarks', () => {
  it('counts X and checks per objective and per student, ignoring cleared cells', () => {
    const latest = latestMarks([m('s1', 'o1', 'x', 1), m('s2', 'o1', 'x', 2), m('s2', 'o2', 'check', 3), m('s3', 'o1', null, 4)]);
    const { byObjective, byStudent } = countMarks(latest.values());
    expect(byObjective.get('o1')).toEqual({ x: 2, check: 0 });
    expect(byObjective.get('o2')).toEqual({ x: 0, check: 1 });
    expect(byStudent.get('s2')).toEqual({ x: 1, check: 1 });
    expect(byStudent.has('s3')).toBe(false);
  });
});

describe('days since last observed', () => {
  it('counts calendar days, not 24-hour spans', () => {
    const late = new Date(2026, 2, 9, 23, 30).getTime();
    const early = new Date(2026, 2, 10, 0, 15).getTime();
    expect(daysSince(late, early)).toBe(1);
    expect(daysSince(early, early)).toBe(0);
    expect(daysSince(new Date(2026, 2, 1, 12).getTime(), new Date(2026, 2, 20, 9).getTime())).toBe(19);
    expect(daysSince(early + 1000, early)).toBe(0);
  });

  it('takes each student\'s latest observation from every list given, skipping deleted rows', () => {
    const seen = lastObserved(
      [{ studentId: 's1', at: 5 }, { studentId: 's2', at: 9, deleted: true }],
      [{ studentId: 's1', at: 8 }, { studentId: 's2', at: 3 }],
    );
    expect(seen).toEqual(new Map([['s1', 8], ['s2', 3]]));
  });

  it('bands days for the shading and says them in words', () => {
    expect([null, 0, 1, 3, 4, 6, 7, 40].map(seenBand)).toEqual(['never', 'today', 'recent', 'recent', 'while', 'while', 'long', 'long']);
    expect(seenText(null)).toBe('not observed yet');
    expect(seenText(0)).toBe('seen today');
    expect(seenText(1)).toBe('seen yesterday');
    expect(seenText(5)).toBe('seen 5 days ago');
  });
});

describe('class needs by week', () => {
  it('starts weeks on Monday', () => {
    expect(weekStart(new Date(2026, 10, 16, 9).getTime())).toBe('2026-11-16'); // a Monday
    expect(weekStart(new Date(2026, 10, 22, 23).getTime())).toBe('2026-11-16'); // the Sunday after
    expect(weekStart(new Date(2026, 10, 23, 0, 1).getTime())).toBe('2026-11-23');
  });

  it('counts students whose last mark of the week was X, and needs still open at each week end', () => {
    const mon = new Date(2026, 10, 16, 10).getTime();
    const nextMon = new Date(2026, 10, 23, 10).getTime();
    const weeks = classNeedsByWeek([
      m('s1', 'o1', 'x', mon),
      m('s2', 'o1', 'x', mon + 1), // passed through on the way to a check
      m('s2', 'o1', 'check', mon + 2),
      m('s3', 'o1', 'x', mon + 3, { deleted: true }), // undone
      m('s1', 'o1', 'check', nextMon),
      m('s3', 'o2', 'x', nextMon + 1),
    ]);
    expect(weeks.map((w) => w.week)).toEqual(['2026-11-16', '2026-11-23']);
    expect(weeks[0]!.marked).toEqual(new Map([['o1', 1]]));
    expect(weeks[0]!.open).toEqual(new Map([['o1', 1]]));
    expect(weeks[1]!.marked).toEqual(new Map([['o2', 1]]));
    expect(weeks[1]!.open).toEqual(new Map([['o2', 1]]));
  });

  it('never counts more students than were marked, whatever the taps', () => {
    fc.assert(
      fc.property(fc.array(markArb, { maxLength: 40 }), (marks) => {
        const timed = marks.map((x, i) => ({ ...x, at: x.at * 86_400_000 + i }));
        for (const w of classNeedsByWeek(timed)) {
          for (const [o, n] of w.marked) expect(n).toBeLessThanOrEqual(new Set(timed.filter((x) => x.objectiveId === o && !x.deleted).map((x) => x.studentId)).size);
          for (const n of w.open.values()) expect(n).toBeGreaterThan(0);
        }
        const last = classNeedsByWeek(timed).at(-1);
        const open = new Map<string, number>();
        for (const list of openNeeds(timed).values()) for (const o of list) open.set(o, (open.get(o) ?? 0) + 1);
        expect(last?.open ?? new Map()).toEqual(open);
      }),
    );
  });
});

describe('foldTaps', () => {
  it('moves the head to a later live tap and asks for the history only when the head itself is undone', () => {
    const head = m('s1', 'o1', 'x', 10);
    expect(foldTaps(head, [m('s1', 'o1', 'check', 20)])).toMatchObject({ value: 'check', at: 20 });
    expect(foldTaps(head, [m('s1', 'o1', 'check', 5)])).toBe(head);
    expect(foldTaps(head, [m('s1', 'o1', 'check', 20, { deleted: true })])).toBe(head);
    expect(foldTaps(head, [{ ...head, deleted: true }])).toBe('recompute');
    expect(foldTaps(undefined, [m('s1', 'o1', null, 3)])).toMatchObject({ value: null, at: 3 });
    expect(foldTaps(undefined, [])).toBeUndefined();
  });

  it('after any run of taps, undos and restores, agrees with the latest live tap over the whole history', () => {
    const op = fc.record({ kind: fc.constantFrom('tap', 'undo', 'restore'), pick: fc.nat(), at: fc.integer({ min: 0, max: 40 }), value: fc.constantFrom<MarkValue>('x', 'check', null) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const rows = new Map<string, MarkLike>();
        let head: MarkLike | undefined;
        ops.forEach((o, i) => {
          const ids = [...rows.keys()];
          let written: MarkLike;
          if (o.kind === 'tap' || ids.length === 0) written = m('s1', 'o1', o.value, o.at, { id: `t${String(i).padStart(3, '0')}` });
          else written = { ...rows.get(ids[o.pick % ids.length]!)!, deleted: o.kind === 'undo' };
          rows.set(written.id!, written);
          const next = foldTaps(head, [written]);
          head = next === 'recompute' ? latestMarks([...rows.values()]).get(cellKey('s1', 'o1')) : next;
          expect(head).toEqual(latestMarks([...rows.values()]).get(cellKey('s1', 'o1')));
        });
      }),
    );
  });
});
