// The writing continuum, pure: evidence from checklist cells and level ratings, each writer's latest level per trait,
// levels as of a date (trends), one writer's series per trait, and "what to teach next" for the class.

import type { MarkValue } from './marks';

/** A place on the continuum: 0 = not yet ... 3 = secure. */
export type Level = 0 | 1 | 2 | 3;
export const LEVELS: readonly Level[] = [0, 1, 2, 3];
export const DEFAULT_LEVEL_NAMES: readonly string[] = ['Not yet', 'Beginning', 'Developing', 'Secure'];
/** At or below this level a writer still needs teaching on the trait. */
export const NEEDS_LEVEL: Level = 1;
/** How far back a trend looks: four school weeks. */
export const TREND_DAYS = 28;

export function isLevel(n: unknown): n is Level {
  return n === 0 || n === 1 || n === 2 || n === 3;
}

/** The teacher's names for the levels, falling back to the defaults for any that are missing or blank. */
export function levelNames(saved: unknown): string[] {
  const list = Array.isArray(saved) ? saved : [];
  return DEFAULT_LEVEL_NAMES.map((d, i) => {
    const s: unknown = list[i];
    return typeof s === 'string' && s.trim() ? s.trim().slice(0, 40) : d;
  });
}

/** A checklist tap as continuum evidence: an X is "beginning" (struggling), a check is "secure"; a cleared cell is none. */
export function markLevel(value: MarkValue): Level | null {
  if (value === 'x') return 1;
  if (value === 'check') return 3;
  return null;
}

export type EvidenceKind = 'mark' | 'rating';

export interface Evidence {
  /** The mark's or rating's id. */
  id: string;
  kind: EvidenceKind;
  studentId: string;
  trait: string;
  level: Level;
  at: number;
  pieceId: string | null;
  /** The objective a mark was on. */
  objectiveId: string | null;
}

/** The trait an objective counts toward: its trait, else its own text (a teacher's objective outside any trait). */
export function traitOf(o: { trait: string | null; text: string }): string {
  return o.trait?.trim() || o.text.trim() || 'Other';
}

export interface CellLike {
  markId: string;
  pieceId: string;
  studentId: string;
  objectiveId: string;
  value: MarkValue;
  at: number;
}

export interface RatingLike {
  id: string;
  studentId: string;
  trait: string;
  level: number;
  at: number;
  deleted: boolean;
  pieceId: string | null;
}

/** Evidence from the checklist's cells (each piece's latest live tap per student and objective) and live ratings. */
export function collectEvidence(cells: readonly CellLike[], ratings: readonly RatingLike[], objectiveTrait: ReadonlyMap<string, string>): Evidence[] {
  const out: Evidence[] = [];
  for (const c of cells) {
    const level = markLevel(c.value);
    const trait = objectiveTrait.get(c.objectiveId);
    if (level === null || trait === undefined) continue;
    out.push({ id: c.markId, kind: 'mark', studentId: c.studentId, trait, level, at: c.at, pieceId: c.pieceId, objectiveId: c.objectiveId });
  }
  for (const r of ratings) {
    if (r.deleted || !isLevel(r.level)) continue;
    out.push({ id: r.id, kind: 'rating', studentId: r.studentId, trait: r.trait, level: r.level, at: r.at, pieceId: r.pieceId, objectiveId: null });
  }
  return out;
}

export function levelKey(studentId: string, trait: string): string {
  return `${studentId}|${trait}`;
}

/** Later by time, then by id: the same evidence always gives the same answer. */
function after(a: Evidence, b: Evidence): boolean {
  return a.at !== b.at ? a.at > b.at : a.id > b.id;
}

/** Each writer's latest evidence per trait (keyed by levelKey), counting only evidence up to `asOf`. */
export function latestLevels(evidence: readonly Evidence[], asOf = Infinity): Map<string, Evidence> {
  const out = new Map<string, Evidence>();
  for (const e of evidence) {
    if (e.at > asOf) continue;
    const k = levelKey(e.studentId, e.trait);
    const prev = out.get(k);
    if (!prev || after(e, prev)) out.set(k, e);
  }
  return out;
}

export type Trend = 'up' | 'down' | 'same' | 'new';

/** A trend from the level TREND_DAYS ago (null: no evidence by then) to the level now. */
export function trendOf(now: Level, before: Level | null): Trend {
  return before === null ? 'new' : now > before ? 'up' : now < before ? 'down' : 'same';
}

export interface HeatCell {
  studentId: string;
  trait: string;
  latest: Evidence;
  /** The level TREND_DAYS before now, if there was evidence by then. */
  before: Level | null;
  trend: Trend;
}

/** The class at a glance: every writer x trait at the latest level, with the trend since TREND_DAYS ago. */
export function heatmap(evidence: readonly Evidence[], now: number): Map<string, HeatCell> {
  const latest = latestLevels(evidence);
  const past = latestLevels(evidence, now - TREND_DAYS * 86_400_000);
  const out = new Map<string, HeatCell>();
  for (const [k, e] of latest) {
    const before = past.get(k)?.level ?? null;
    out.set(k, { studentId: e.studentId, trait: e.trait, latest: e, before, trend: trendOf(e.level, before) });
  }
  return out;
}

/** The traits present in the evidence, in the order given first (the library's), then the rest alphabetically. */
export function traitsIn(evidence: readonly Evidence[], preferred: readonly string[]): string[] {
  return orderTraits(new Set(evidence.map((e) => e.trait)), preferred);
}

/** These traits in the order given first, then the rest alphabetically. */
export function orderTraits(seen: ReadonlySet<string>, preferred: readonly string[]): string[] {
  const first = preferred.filter((t) => seen.has(t));
  const rest = [...seen].filter((t) => !preferred.includes(t)).sort((a, b) => a.localeCompare(b));
  return [...first, ...rest];
}

export interface TeachNext {
  trait: string;
  /** In the class's order. */
  studentIds: string[];
}

/** The need shared by the most writers now (latest level at or below NEEDS_LEVEL); ties go to the earlier trait. */
export function teachNext(latest: ReadonlyMap<string, { level: Level }>, studentIds: readonly string[], traits: readonly string[]): TeachNext | null {
  let best: TeachNext | null = null;
  for (const trait of traits) {
    const ids = studentIds.filter((s) => {
      const e = latest.get(levelKey(s, trait));
      return e !== undefined && e.level <= NEEDS_LEVEL;
    });
    if (ids.length > 0 && (!best || ids.length > best.studentIds.length)) best = { trait, studentIds: ids };
  }
  return best;
}

/** One writer's evidence per trait, oldest first: the growth chart's series. */
export function studentSeries(evidence: readonly Evidence[], studentId: string): Map<string, Evidence[]> {
  const out = new Map<string, Evidence[]>();
  for (const e of evidence) {
    if (e.studentId !== studentId) continue;
    const list = out.get(e.trait) ?? [];
    list.push(e);
    out.set(e.trait, list);
  }
  for (const list of out.values()) list.sort((a, b) => (after(a, b) ? 1 : after(b, a) ? -1 : 0));
  return out;
}

/** Per trait and week (Monday ms), how many writers were at each level at the end of that week. */
export function weeklyCounts(evidence: readonly Evidence[], trait: string, weekEnds: readonly number[]): number[][] {
  const mine = evidence.filter((e) => e.trait === trait);
  return weekEnds.map((end) => {
    const counts = [0, 0, 0, 0];
    for (const e of latestLevels(mine, end).values()) counts[e.level]!++;
    return counts;
  });
}
