// A writer's continuum evidence in one class as a timeline of columns, oldest first, and the class view read from
// those timelines (heatmap with trend, weekly counts, teach next): the same answers growth.ts gives from the evidence.
import { isLevel, levelKey, markLevel, orderTraits, teachNext, traitOf, trendOf, TREND_DAYS, type EvidenceKind, type Level, type TeachNext, type Trend } from './growth';
import type { MarkValue } from './marks';

/** One piece of evidence as a timeline holds it. */
export interface TimelineEntry {
  /** The mark's or rating's id. */
  id: string;
  kind: EvidenceKind;
  trait: string;
  level: Level;
  at: number;
}

/** A writer's evidence as columns in time order (by time, then id): all the class view needs, and cheap to read. */
export interface Timeline {
  /** Each trait once, in the order of its first evidence. */
  traits: readonly string[];
  at: ArrayLike<number>;
  level: ArrayLike<number>;
  /** Index into `traits`. */
  trait: ArrayLike<number>;
}

/** A timeline with each entry's key (entryKey), which keeping it current needs and reading it does not. */
export interface KeyedTimeline extends Timeline {
  keys: readonly string[];
}

export function entryKey(e: { kind: EvidenceKind; id: string }): string {
  return (e.kind === 'mark' ? 'm' : 'r') + e.id;
}

/** growth.ts's order: later by time, then by id; a mark and a rating sharing both count the mark as later (the
 * evidence lists marks first, and a tie keeps the first). */
function compare(a: TimelineEntry, b: TimelineEntry): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.kind === b.kind ? 0 : a.kind === 'rating' ? -1 : 1;
}

/** The one timeline these entries make (the same entries in any order give the same columns). */
export function timelineOf(entries: readonly TimelineEntry[]): KeyedTimeline {
  const sorted = [...entries].sort(compare);
  const traits: string[] = [];
  const index = new Map<string, number>();
  const out = { traits, at: [] as number[], level: [] as number[], trait: [] as number[], keys: [] as string[] };
  for (const e of sorted) {
    let t = index.get(e.trait);
    if (t === undefined) {
      t = traits.push(e.trait) - 1;
      index.set(e.trait, t);
    }
    out.at.push(e.at);
    out.level.push(e.level);
    out.trait.push(t);
    out.keys.push(entryKey(e));
  }
  return out;
}

export function entriesOf(t: KeyedTimeline): TimelineEntry[] {
  return t.keys.map((k, i) => ({ id: k.slice(1), kind: k[0] === 'm' ? 'mark' : 'rating', trait: t.traits[t.trait[i]!]!, level: t.level[i] as Level, at: t.at[i]! }));
}

/** The timeline with the entries under `removed` keys taken out and `added` put in (replacing any under the same key). */
export function changeTimeline(t: KeyedTimeline | undefined, removed: Iterable<string>, added: readonly TimelineEntry[]): KeyedTimeline {
  const gone = new Set(removed);
  for (const e of added) gone.add(entryKey(e));
  const kept = t ? entriesOf(t).filter((e) => !gone.has(entryKey(e))) : [];
  return timelineOf([...kept, ...added]);
}

/** What a checklist cell counts as: evidence for its piece's class when the piece and objective are live and in the
 * same class (the class read's pieces and objectives), on the objective's trait. */
export function cellScope(piece: { classId: string; deleted: boolean } | undefined, objective: { classId: string; deleted: boolean; trait: string | null; text: string } | undefined): { classId: string; trait: string } | null {
  if (!piece || piece.deleted || !objective || objective.deleted || objective.classId !== piece.classId) return null;
  return { classId: piece.classId, trait: traitOf(objective) };
}

export function cellEntry(c: { markId: string; value: MarkValue; at: number }, trait: string): TimelineEntry | null {
  const level = markLevel(c.value);
  return level === null ? null : { id: c.markId, kind: 'mark', trait, level, at: c.at };
}

export function ratingEntry(r: { id: string; trait: string; level: number; at: number; deleted: boolean }): TimelineEntry | null {
  return r.deleted || !isLevel(r.level) ? null : { id: r.id, kind: 'rating', trait: r.trait, level: r.level, at: r.at };
}

/** The writer's level on each trait (by index) as of `asOf`: the last evidence at or before it. */
export function levelsAsOf(t: Timeline, asOf = Infinity): (Level | null)[] {
  const out: (Level | null)[] = t.traits.map(() => null);
  for (let i = 0; i < t.at.length && t.at[i]! <= asOf; i++) out[t.trait[i]!] = t.level[i] as Level;
  return out;
}

export interface WriterTimeline {
  studentId: string;
  timeline: Timeline;
}

/** A heatmap cell: the writer's latest level on the trait, and its trend since TREND_DAYS ago. */
export interface HeatLevel {
  studentId: string;
  trait: string;
  level: Level;
  before: Level | null;
  trend: Trend;
}

export interface ClassView {
  traits: string[];
  cells: Map<string, HeatLevel>;
  next: TeachNext | null;
}

/** The class at a glance from its writers' timelines (in the class's order): growth.ts's heatmap, traitsIn and
 * teachNext over the same evidence. */
export function classView(writers: readonly WriterTimeline[], now: number, preferred: readonly string[]): ClassView {
  const cells = new Map<string, HeatLevel>();
  const seen = new Set<string>();
  for (const { studentId, timeline: t } of writers) {
    const latest = levelsAsOf(t);
    const past = levelsAsOf(t, now - TREND_DAYS * 86_400_000);
    t.traits.forEach((trait, i) => {
      const level = latest[i];
      if (level == null) return;
      seen.add(trait);
      const before = past[i] ?? null;
      cells.set(levelKey(studentId, trait), { studentId, trait, level, before, trend: trendOf(level, before) });
    });
  }
  const traits = orderTraits(seen, preferred);
  return { traits, cells, next: teachNext(cells, writers.map((w) => w.studentId), traits) };
}

/** Per trait and week end, how many writers were at each level then: growth.ts's weeklyCounts. */
export function weeklyCountsOf(writers: readonly WriterTimeline[], traits: readonly string[], weekEnds: readonly number[]): Map<string, number[][]> {
  const out = new Map(traits.map((t) => [t, weekEnds.map(() => [0, 0, 0, 0])]));
  for (const { timeline: t } of writers) {
    weekEnds.forEach((end, w) => {
      levelsAsOf(t, end).forEach((level, i) => {
        if (level !== null) {
          const row = out.get(t.traits[i]!);
          if (row) row[w]![level]!++;
        }
      });
    });
  }
  return out;
}
