// Queue order, weekly coverage, goals and starters: the pure conference maths.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conferQueue, currentGoal, goalHistory, lastConferred, localDate, sinceText, weekBounds, weeklyCoverage, type ConferenceLike } from '../../../src/domain/conferences';
import { insertStarter, moveInOrder, SEED_STARTERS } from '../../../src/domain/starters';

const DAY = 86_400_000;
// Wednesday 12 November 2025, 10:00 local time.
const NOW = new Date(2025, 10, 12, 10, 0).getTime();

const st = (id: string, firstName: string, lastName = '') => ({ id, firstName, lastName });
const conf = (studentId: string, at: number, over: Partial<ConferenceLike> = {}): ConferenceLike => ({ studentId, at, kind: 'teacher', deleted: false, ...over });

describe('conferQueue', () => {
  it('puts never-conferred students first, then the longest since the last conference', () => {
    const students = [st('a', 'Ana'), st('b', 'Bao'), st('c', 'Cy'), st('d', 'Dee')];
    const q = conferQueue(students, [conf('a', NOW - 2 * DAY), conf('b', NOW - 5 * DAY), conf('a', NOW - 9 * DAY), conf('d', NOW)], NOW);
    expect(q.map((e) => e.student.id)).toEqual(['c', 'b', 'a', 'd']);
    expect(q.map((e) => e.days)).toEqual([null, 5, 2, 0]);
  });

  it('ignores deleted and overheard peer conferences', () => {
    const q = conferQueue([st('a', 'Ana'), st('b', 'Bao')], [conf('a', NOW, { kind: 'peer' }), conf('b', NOW - DAY, { deleted: true })], NOW);
    expect(q.every((e) => e.days === null)).toBe(true);
    expect(lastConferred([conf('a', NOW, { kind: 'peer' })]).size).toBe(0);
  });

  it('breaks ties by name, then id', () => {
    const q = conferQueue([st('2', 'Zoe'), st('9', 'Ana'), st('1', 'Ana')], [], NOW);
    expect(q.map((e) => e.student.id)).toEqual(['1', '9', '2']);
  });

  it('property: a permutation of a class, ordered by days descending (never first), independent of input order', () => {
    const arb = fc.array(fc.record({ name: fc.constantFrom('Ana', 'Bao', 'Cy', 'Dee'), last: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }) }), { maxLength: 25 });
    fc.assert(
      fc.property(arb, fc.integer(), (rows, seed) => {
        const students = rows.map((r, i) => st(`s${i}`, r.name));
        const confs = rows.flatMap((r, i) => (r.last === null ? [] : [conf(`s${i}`, NOW - r.last * DAY)]));
        const q = conferQueue(students, confs, NOW);
        expect(q.map((e) => e.student.id).sort()).toEqual(students.map((s) => s.id).sort());
        for (let i = 1; i < q.length; i++) {
          const a = q[i - 1]!.days ?? Infinity;
          const b = q[i]!.days ?? Infinity;
          expect(a).toBeGreaterThanOrEqual(b);
        }
        const shuffled = [...students].sort((x, y) => ((x.id.length * seed) % 7) - ((y.id.length * seed) % 7) || (x.id < y.id ? 1 : -1));
        expect(conferQueue(shuffled, [...confs].reverse(), NOW).map((e) => e.student.id)).toEqual(q.map((e) => e.student.id));
      }),
    );
  });
});

describe('weeklyCoverage', () => {
  it('counts teacher conferences from Monday 00:00 to Sunday night, local time', () => {
    const { start, end } = weekBounds(NOW);
    expect(new Date(start)).toEqual(new Date(2025, 10, 10, 0, 0));
    expect(new Date(end)).toEqual(new Date(2025, 10, 17, 0, 0));
    const students = [st('a', 'Ana'), st('b', 'Bao'), st('c', 'Cy'), st('d', 'Dee')];
    const cov = weeklyCoverage(
      students,
      [conf('a', start), conf('b', start - 1), conf('c', end - 1), conf('d', NOW, { kind: 'peer' }), conf('x', NOW)],
      NOW,
    );
    expect(cov.seen).toBe(2);
    expect(cov.total).toBe(4);
    expect(cov.notSeen.map((s) => s.id)).toEqual(['b', 'd']);
  });

  it('a Sunday belongs to the week that started the Monday before', () => {
    const sunday = new Date(2025, 10, 16, 23, 30).getTime();
    expect(weekBounds(sunday).start).toBe(new Date(2025, 10, 10).getTime());
    const monday = new Date(2025, 10, 17, 0, 0).getTime();
    expect(weekBounds(monday).start).toBe(monday);
  });

  it('property: seen + not seen = class size, and each week is 7 local days holding now', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 30 }), fc.integer({ min: 0, max: 10 * 365 }), (offsets, dayShift) => {
        const now = NOW + dayShift * DAY;
        const students = offsets.map((_, i) => st(`s${i}`, 'N'));
        const confs = offsets.map((o, i) => conf(`s${i}`, now + o * DAY));
        const cov = weeklyCoverage(students, confs, now);
        expect(cov.seen + cov.notSeen.length).toBe(students.length);
        const { start, end } = weekBounds(now);
        expect(start <= now && now < end).toBe(true);
        expect(new Date(start).getDay()).toBe(1);
        expect(new Date(start).getHours()).toBe(0);
        expect(Math.round((end - start) / DAY)).toBe(7);
        const expectedSeen = confs.filter((c) => c.at >= start && c.at < end).length;
        expect(cov.seen).toBe(expectedSeen);
      }),
    );
  });
});

describe('goals', () => {
  const g = (id: string, setAt: number, closedAt: number | null = null, deleted = false) => ({ id, setAt, closedAt, deleted });
  it('the current goal is the latest open one', () => {
    expect(currentGoal([g('a', 1, 2), g('b', 3), g('c', 5), g('d', 9, null, true)])?.id).toBe('c');
    expect(currentGoal([g('a', 1, 2)])).toBeNull();
  });
  it('history lists goals newest first with their checks in time order', () => {
    const h = goalHistory([g('a', 1, 2), g('b', 3)], [
      { goalId: 'b', at: 8, deleted: false },
      { goalId: 'b', at: 4, deleted: false },
      { goalId: 'a', at: 1, deleted: true },
    ]);
    expect(h.map((x) => x.goal.id)).toEqual(['b', 'a']);
    expect(h[0]!.checks.map((c) => c.at)).toEqual([4, 8]);
    expect(h[1]!.checks).toEqual([]);
  });
});

describe('starters', () => {
  it('seeds openers and TAG prompts with fixed, unique ids', () => {
    const ids = SEED_STARTERS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('starter-tell-1');
    expect(SEED_STARTERS.map((s) => s.text)).toContain('Tell me about your writing.');
    expect(new Set(SEED_STARTERS.map((s) => s.step))).toEqual(new Set(['opener', 'tell', 'ask', 'give']));
  });
  it('appends a starter on its own line, leaving an open one ready to finish', () => {
    expect(insertStarter('', 'Read me your writing.')).toBe('Read me your writing.');
    expect(insertStarter('Strong lead.  \n', 'I loved the words you chose to describe...')).toBe('Strong lead.\nI loved the words you chose to describe ');
    expect(insertStarter('x', 'Go on\u2026')).toBe('x\nGo on ');
  });
  it('moves an item and renumbers; an impossible move keeps the order', () => {
    const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(moveInOrder(list, 2, -1)).toEqual([{ id: 'a', order: 0 }, { id: 'c', order: 1 }, { id: 'b', order: 2 }]);
    expect(moveInOrder(list, 0, -1).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('text helpers', () => {
  it('says how long ago and keys days locally', () => {
    expect([null, 0, 1, 4].map(sinceText)).toEqual(['never', 'today', 'yesterday', '4 days ago']);
    expect(localDate(new Date(2025, 0, 5, 23, 59).getTime())).toBe('2025-01-05');
  });
});
