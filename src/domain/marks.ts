// The checklist's maths, pure: latest mark per cell, counts, open needs, days since last observed, weekly class needs.
// Every tap is its own row, so all of these are folds over plain arrays of taps (groups and conferences import them too).

/** A checklist cell's value: struggling (X), secure (check) or cleared. The Mark record (src/shared) uses this type. */
export type MarkValue = 'x' | 'check' | null;

export interface MarkLike {
  studentId: string;
  objectiveId: string;
  value: MarkValue;
  at: number;
  deleted: boolean;
  /** Time-prefixed ids break ties between taps in the same millisecond (later id wins). */
  id?: string;
}

export const DAY_MS = 86_400_000;

export function cellKey(studentId: string, objectiveId: string): string {
  return `${studentId}|${objectiveId}`;
}

/** Whether `a` happened after `b`: by time, then by id, so the same data always gives the same answer. */
function later(a: MarkLike, b: MarkLike): boolean {
  if (a.at !== b.at) return a.at > b.at;
  return (a.id ?? '') > (b.id ?? '');
}

/** The tap cycle: empty -> X (needs support) -> check (secure) -> empty. */
export function nextValue(current: MarkValue | undefined): MarkValue {
  if (current === 'x') return 'check';
  if (current === 'check') return null;
  return 'x';
}

/** The latest live tap per (student, objective), keyed by cellKey. A cleared cell's latest tap has value null. */
export function latestMarks<M extends MarkLike>(marks: readonly M[]): Map<string, M> {
  const out = new Map<string, M>();
  for (const m of marks) {
    if (m.deleted) continue;
    const k = cellKey(m.studentId, m.objectiveId);
    const prev = out.get(k);
    if (!prev || later(m, prev)) out.set(k, m);
  }
  return out;
}

/**
 * Needs still open per student: objectives with an X and no check after it. Going through the tap cycle to a
 * check (X then check) closes the need; clearing a check does not reopen it.
 */
export function openNeeds(marks: readonly MarkLike[]): Map<string, string[]> {
  const lastX = new Map<string, MarkLike>();
  const lastCheck = new Map<string, MarkLike>();
  for (const m of marks) {
    if (m.deleted || m.value === null) continue;
    const into = m.value === 'x' ? lastX : lastCheck;
    const k = cellKey(m.studentId, m.objectiveId);
    const prev = into.get(k);
    if (!prev || later(m, prev)) into.set(k, m);
  }
  const out = new Map<string, string[]>();
  for (const [k, x] of lastX) {
    const check = lastCheck.get(k);
    if (check && later(check, x)) continue;
    const list = out.get(x.studentId) ?? [];
    list.push(x.objectiveId);
    out.set(x.studentId, list);
  }
  for (const list of out.values()) list.sort();
  return out;
}

export interface Tally {
  x: number;
  check: number;
}

/** Counts of the grid's current state per objective ("6 need support") and per student. */
export function countMarks(latest: Iterable<MarkLike>): { byObjective: Map<string, Tally>; byStudent: Map<string, Tally> } {
  const byObjective = new Map<string, Tally>();
  const byStudent = new Map<string, Tally>();
  const bump = (map: Map<string, Tally>, k: string, v: 'x' | 'check') => {
    const t = map.get(k) ?? { x: 0, check: 0 };
    t[v]++;
    map.set(k, t);
  };
  for (const m of latest) {
    if (m.deleted || m.value === null) continue;
    bump(byObjective, m.objectiveId, m.value);
    bump(byStudent, m.studentId, m.value);
  }
  return { byObjective, byStudent };
}

/** Local midnight of the day holding `ms`. */
export function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Whole calendar days from `at` to `now` in local time (0 = today); rounding absorbs daylight-saving shifts. */
export function daysSince(at: number, now: number): number {
  return Math.max(0, Math.round((startOfDay(now) - startOfDay(at)) / DAY_MS));
}

export interface Observation {
  studentId: string;
  at: number;
  deleted?: boolean;
}

/** The time each student was last observed (a mark, a note, a conference...), from any mix of timed rows. */
export function lastObserved(...lists: readonly (readonly Observation[])[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const list of lists)
    for (const o of list) {
      if (o.deleted) continue;
      if (o.at > (out.get(o.studentId) ?? -Infinity)) out.set(o.studentId, o.at);
    }
  return out;
}

export type SeenBand = 'today' | 'recent' | 'while' | 'long' | 'never';

/** Bands for "not seen lately": a school week without a look is long. */
export const SEEN_BANDS: readonly { band: SeenBand; label: string }[] = [
  { band: 'today', label: 'Seen today' },
  { band: 'recent', label: 'Seen 1-3 days ago' },
  { band: 'while', label: 'Not seen for 4-6 days' },
  { band: 'long', label: 'Not seen for a week or more' },
  { band: 'never', label: 'Not seen yet' },
];

export function seenBand(days: number | null): SeenBand {
  if (days === null) return 'never';
  if (days <= 0) return 'today';
  if (days <= 3) return 'recent';
  if (days <= 6) return 'while';
  return 'long';
}

/** "today", "yesterday", "5 days ago", "not yet". */
export function seenText(days: number | null): string {
  if (days === null) return 'not observed yet';
  if (days === 0) return 'seen today';
  if (days === 1) return 'seen yesterday';
  return `seen ${days} days ago`;
}

/** The Monday (local) starting the week holding `ms`, as YYYY-MM-DD. */
export function weekStart(ms: number): string {
  const d = new Date(startOfDay(ms));
  const back = (d.getDay() + 6) % 7;
  d.setDate(d.getDate() - back);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export interface WeekNeeds {
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  /** Per objective: students whose last mark that week was X (an X passed through on the way to a check is not counted). */
  marked: Map<string, number>;
  /** Per objective: students with an open need at the end of that week (X without a later check, from any week). */
  open: Map<string, number>;
}

/** Class needs over time: for each week with marks, how many students were marked X on each objective. */
export function classNeedsByWeek(marks: readonly MarkLike[]): WeekNeeds[] {
  const live = marks.filter((m) => !m.deleted).sort((a, b) => (later(a, b) ? 1 : later(b, a) ? -1 : 0));
  const weeks: WeekNeeds[] = [];
  const lastInWeek = new Map<string, MarkLike>();
  const lastX = new Map<string, MarkLike>();
  const lastCheck = new Map<string, MarkLike>();
  const close = (week: string) => {
    const marked = new Map<string, number>();
    for (const m of lastInWeek.values()) if (m.value === 'x') marked.set(m.objectiveId, (marked.get(m.objectiveId) ?? 0) + 1);
    const open = new Map<string, number>();
    for (const [k, x] of lastX) {
      const c = lastCheck.get(k);
      if (!c || later(x, c)) open.set(x.objectiveId, (open.get(x.objectiveId) ?? 0) + 1);
    }
    weeks.push({ week, marked, open });
    lastInWeek.clear();
  };
  let current: string | null = null;
  for (const m of live) {
    const w = weekStart(m.at);
    if (current !== null && w !== current) close(current);
    current = w;
    const k = cellKey(m.studentId, m.objectiveId);
    lastInWeek.set(k, m);
    if (m.value === 'x') lastX.set(k, m);
    else if (m.value === 'check') lastCheck.set(k, m);
  }
  if (current !== null) close(current);
  return weeks;
}

/**
 * A cell's latest live tap after some of its taps were written (added, undone or restored), from the latest before
 * them, without reading the cell's other taps; 'recompute' when the latest itself was undone, since only the
 * cell's full history can say which tap is latest then. Keeps the grid's projection (src/db/cells.ts) current.
 */
export function foldTaps<M extends MarkLike>(head: M | undefined, written: readonly M[]): M | undefined | 'recompute' {
  let next = head;
  for (const t of written) {
    if (next && t.id !== undefined && t.id === next.id) {
      if (t.deleted) return 'recompute';
      next = t;
    } else if (!t.deleted && (!next || later(t, next))) next = t;
  }
  return next;
}
