// The continuum's maths: levels from the records equal a step-by-step replay of the taps and ratings, an undone tap
// leaves no trace, and the heatmap's trend and "teach next" pick what the evidence says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectEvidence, heatmap, latestLevels, levelKey, levelNames, markLevel, studentSeries, teachNext, weeklyCounts, type CellLike, type Evidence, type Level, type RatingLike } from '../../../src/domain/growth';
import { latestMarks, nextValue, type MarkValue } from '../../../src/domain/marks';

const STUDENTS = ['s1', 's2', 's3'];
const OBJECTIVES = new Map([
  ['o1', 'Ideas'],
  ['o2', 'Ideas'],
  ['o3', 'Voice'],
]);
const PIECES = ['p1', 'p2'];

type Op = { kind: 'tap'; s: number; o: number; p: number } | { kind: 'rate'; s: number; trait: number; level: Level } | { kind: 'undo'; target: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('tap' as const), s: fc.nat(2), o: fc.nat(2), p: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rate' as const), s: fc.nat(2), trait: fc.nat(1), level: fc.constantFrom<Level>(0, 1, 2, 3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), target: fc.nat(40) }) },
);

interface MarkRow { id: string; pieceId: string; studentId: string; objectiveId: string; value: MarkValue; at: number; deleted: boolean }
interface Records { marks: MarkRow[]; ratings: RatingLike[] }

const TRAITS = ['Ideas', 'Voice'];
const idAt = (at: number) => String(at).padStart(9, '0');

/** The records the app would write for these ops at these times: a tap takes the cell's next value, undo is a tombstone. */
function records(ops: readonly (Op & { at: number })[]): Records {
  const marks: MarkRow[] = [];
  const ratings: RatingLike[] = [];
  const all: { deleted: boolean }[] = [];
  for (const op of ops) {
    if (op.kind === 'tap') {
      const [studentId, objectiveId, pieceId] = [STUDENTS[op.s]!, [...OBJECTIVES.keys()][op.o]!, PIECES[op.p]!];
      const current = latestMarks(marks.filter((m) => m.pieceId === pieceId)).get(`${studentId}|${objectiveId}`)?.value;
      const m = { id: idAt(op.at), pieceId, studentId, objectiveId, value: nextValue(current), at: op.at, deleted: false };
      marks.push(m);
      all.push(m);
    } else if (op.kind === 'rate') {
      const r = { id: idAt(op.at), studentId: STUDENTS[op.s]!, trait: TRAITS[op.trait]!, level: op.level, at: op.at, deleted: false, pieceId: null };
      ratings.push(r);
      all.push(r);
    } else if (all.length > 0) all[op.target % all.length]!.deleted = true;
  }
  return { marks, ratings };
}

/** What the app computes: the checklist's cells (latest live tap per piece and cell), then evidence, then levels. */
function fromRecords({ marks, ratings }: Records): Map<string, [Level, number]> {
  const cells: CellLike[] = [];
  for (const p of PIECES) for (const m of latestMarks(marks.filter((x) => x.pieceId === p)).values()) cells.push({ ...m, markId: m.id });
  const latest = latestLevels(collectEvidence(cells, ratings, OBJECTIVES));
  return new Map([...latest].map(([k, e]) => [k, [e.level, e.at]]));
}

/** A replay, event by event in time order, of the live history: each source (a checklist cell, a rating) holds its
 * current level, and a writer's level on a trait is the one its most recently set source holds. */
function replay({ marks, ratings }: Records): Map<string, [Level, number]> {
  const events = [...marks.filter((m) => !m.deleted).map((m) => ({ ...m, src: `${m.pieceId}|${m.studentId}|${m.objectiveId}`, trait: OBJECTIVES.get(m.objectiveId)!, level: markLevel(m.value) })), ...ratings.filter((r) => !r.deleted).map((r) => ({ ...r, src: r.id, level: r.level as Level }))].sort((a, b) => a.at - b.at);
  const sources = new Map<string, Map<string, [Level, number]>>();
  for (const e of events) {
    const key = levelKey(e.studentId, e.trait);
    const held = sources.get(key) ?? new Map<string, [Level, number]>();
    if (e.level === null) held.delete(e.src);
    else held.set(e.src, [e.level, e.at]);
    sources.set(key, held);
  }
  const out = new Map<string, [Level, number]>();
  for (const [key, held] of sources) {
    let best: [Level, number] | undefined;
    for (const v of held.values()) if (!best || v[1] > best[1]) best = v;
    if (best) out.set(key, best);
  }
  return out;
}

const timed = (ops: readonly Op[]) => ops.map((op, i) => ({ ...op, at: 1000 + i * 10 }));

describe('the writing continuum', () => {
  it('levels from the records equal a replay of the mark and rating history', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const recs = records(timed(ops));
        expect(fromRecords(recs)).toEqual(replay(recs));
      }),
      { numRuns: 300 },
    );
  });

  it('a tap undone leaves no trace', () => {
    const tapArb = fc.record({ kind: fc.constant('tap' as const), s: fc.nat(2), o: fc.nat(2), p: fc.nat(1) });
    fc.assert(
      fc.property(fc.array(opArb.filter((o) => o.kind !== 'undo'), { maxLength: 30 }), fc.nat(30), tapArb, (ops, where, extra) => {
        const base = timed(ops);
        const pos = Math.min(where, base.length);
        const at = (base[pos - 1]?.at ?? 990) + 5;
        // The tap and its undo come straight after each other, as in the app: later taps see the cell as it was.
        const withTap = [...base.slice(0, pos), { ...extra, at }, { kind: 'undo' as const, target: pos, at: at + 1 }, ...base.slice(pos)];
        const undone = records(withTap);
        expect(fromRecords(undone)).toEqual(fromRecords(records(base)));
      }),
      { numRuns: 300 },
    );
  });

  it('gives an X "beginning" and a check "secure", and a cleared cell no level', () => {
    expect([markLevel('x'), markLevel('check'), markLevel(null)]).toEqual([1, 3, null]);
  });

  it('keeps the teacher\'s level names and fills blanks with the defaults', () => {
    expect(levelNames(['Emerging', '', 'On the way'])).toEqual(['Emerging', 'Beginning', 'On the way', 'Secure']);
    expect(levelNames('nonsense')).toEqual(['Not yet', 'Beginning', 'Developing', 'Secure']);
  });

  const ev = (studentId: string, trait: string, level: Level, at: number): Evidence => ({ id: idAt(at), kind: 'rating', studentId, trait, level, at, pieceId: null, objectiveId: null });
  const DAY = 86_400_000;

  it('shows each cell\'s trend since four weeks ago', () => {
    const now = 100 * DAY;
    const evidence = [ev('s1', 'Ideas', 1, 10 * DAY), ev('s1', 'Ideas', 3, 90 * DAY), ev('s2', 'Ideas', 2, 10 * DAY), ev('s2', 'Ideas', 1, 95 * DAY), ev('s3', 'Voice', 2, 99 * DAY)];
    const map = heatmap(evidence, now);
    expect(map.get('s1|Ideas')).toMatchObject({ before: 1, trend: 'up' });
    expect(map.get('s2|Ideas')).toMatchObject({ before: 2, trend: 'down' });
    expect(map.get('s3|Voice')).toMatchObject({ before: null, trend: 'new' });
    expect(weeklyCounts(evidence, 'Ideas', [20 * DAY, 100 * DAY])).toEqual([[0, 1, 1, 0], [0, 1, 0, 1]]);
  });

  it('teaches next the need shared by the most writers now, in class order', () => {
    const evidence = [ev('s1', 'Voice', 1, 1), ev('s2', 'Ideas', 0, 2), ev('s3', 'Ideas', 1, 3), ev('s1', 'Ideas', 1, 4), ev('s1', 'Ideas', 3, 5), ev('s3', 'Voice', 0, 6)];
    const latest = latestLevels(evidence);
    expect(teachNext(latest, ['s3', 's2', 's1'], ['Ideas', 'Voice'])).toEqual({ trait: 'Ideas', studentIds: ['s3', 's2'] });
    expect(teachNext(latest, ['s1', 's2', 's3'], ['Voice', 'Ideas'])).toEqual({ trait: 'Voice', studentIds: ['s1', 's3'] });
    expect(teachNext(new Map(), ['s1'], ['Ideas'])).toBeNull();
  });

  it('lists one writer\'s evidence per trait, oldest first', () => {
    const series = studentSeries([ev('s1', 'Ideas', 3, 9), ev('s2', 'Ideas', 1, 1), ev('s1', 'Ideas', 1, 2)], 's1');
    expect(series.get('Ideas')!.map((e) => e.level)).toEqual([1, 3]);
  });
});
