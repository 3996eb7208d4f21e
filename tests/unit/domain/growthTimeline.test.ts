// The class view read from writers' timelines gives what growth.ts gives from the same evidence: the heatmap with
// its trend, the traits in order, "teach next" and the weekly counts, whatever order the evidence came in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heatmap, latestLevels, teachNext, traitsIn, weeklyCounts, type Evidence, type Level } from '../../../src/domain/growth';
import { changeTimeline, classView, entriesOf, timelineOf, weeklyCountsOf, type TimelineEntry } from '../../../src/domain/growthTimeline';

const DAY = 86_400_000;
const STUDENTS = ['s1', 's2', 's3'];
const PREFERRED = ['Voice', 'Ideas'];

const evidenceArb = fc.array(
  fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
    kind: fc.constantFrom<'mark' | 'rating'>('mark', 'rating'),
    studentId: fc.constantFrom(...STUDENTS),
    trait: fc.constantFrom('Ideas', 'Voice', 'Zest', 'Conventions'),
    level: fc.constantFrom<Level>(0, 1, 2, 3),
    // Few distinct times, so ties on time (broken by id) are common, some on the trend's and the weeks' edges.
    at: fc.tuple(fc.integer({ min: 0, max: 8 }), fc.constantFrom(-1, 0, 3 * DAY)).map(([w, off]) => w * 7 * DAY + off),
  }),
  { maxLength: 30 },
);

/** Evidence as the app collects it: one entry per mark or rating (marks listed first). */
function unique(list: readonly Omit<Evidence, 'pieceId' | 'objectiveId'>[]): Evidence[] {
  const seen = new Set<string>();
  const out = list.filter((e) => !seen.has(e.kind + e.id + e.studentId) && !!seen.add(e.kind + e.id + e.studentId)).map((e) => ({ ...e, pieceId: null, objectiveId: null }));
  return [...out.filter((e) => e.kind === 'mark'), ...out.filter((e) => e.kind === 'rating')];
}

const entry = (e: Evidence): TimelineEntry => ({ id: e.id, kind: e.kind, trait: e.trait, level: e.level, at: e.at });

function writers(evidence: readonly Evidence[], shuffle: (xs: TimelineEntry[]) => TimelineEntry[]) {
  return STUDENTS.flatMap((studentId) => {
    const mine = evidence.filter((e) => e.studentId === studentId).map(entry);
    return mine.length ? [{ studentId, timeline: timelineOf(shuffle(mine)) }] : [];
  });
}

describe('timelines', () => {
  it('give the heatmap, its traits, teach next and the weekly counts that the evidence gives', () => {
    fc.assert(
      fc.property(evidenceArb, fc.integer({ min: 0, max: 10 }), fc.boolean(), (raw, week, reverse) => {
        const evidence = unique(raw);
        const now = week * 7 * DAY + 3 * DAY;
        const view = classView(writers(evidence, (xs) => (reverse ? xs.reverse() : xs)), now, PREFERRED);
        const heat = heatmap(evidence, now);
        expect(new Map([...view.cells].map(([k, c]) => [k, [c.level, c.before, c.trend]]))).toEqual(new Map([...heat].map(([k, c]) => [k, [c.latest.level, c.before, c.trend]])));
        const traits = traitsIn(evidence, PREFERRED);
        expect(view.traits).toEqual(traits);
        expect(view.next).toEqual(teachNext(latestLevels(evidence), STUDENTS.filter((s) => evidence.some((e) => e.studentId === s)), traits));
        const ends = [0, 2, 5, 9].map((w) => w * 7 * DAY - (w % 2));
        const weekly = weeklyCountsOf(writers(evidence, (xs) => xs), traits, ends);
        for (const t of traits) expect(weekly.get(t)).toEqual(weeklyCounts(evidence, t, ends));
      }),
      { numRuns: 400 },
    );
  });

  it('changed entry by entry equal the timeline built whole', () => {
    fc.assert(
      fc.property(evidenceArb, fc.array(fc.nat(), { maxLength: 10 }), (raw, drops) => {
        const all = unique(raw).filter((e) => e.studentId === 's1').map(entry);
        let t = changeTimeline(undefined, [], []);
        for (const e of all) t = changeTimeline(t, [], [e]);
        const gone = new Set(drops.map((d) => all[d % Math.max(1, all.length)]).filter((e) => !!e));
        t = changeTimeline(t, [...gone].map((e) => (e.kind === 'mark' ? 'm' : 'r') + e.id), []);
        const kept = all.filter((e) => !gone.has(e));
        expect(t).toEqual(timelineOf(kept.reverse()));
        const byJson = (xs: TimelineEntry[]) => xs.map((e) => JSON.stringify(e)).sort();
        expect(byJson(entriesOf(t))).toEqual(byJson(kept));
      }),
      { numRuns: 300 },
    );
  });
});
