// Conference maths, pure: who to confer with next (longest since the last conference first) and the week's coverage.
// Only the teacher's own conferences count: a peer TAG conference the teacher overheard is not the teacher's turn.

import { daysSince, startOfDay } from './marks';

export interface StudentLike {
  id: string;
  firstName: string;
  lastName: string;
}

export interface ConferenceLike {
  studentId: string;
  at: number;
  kind: 'teacher' | 'peer';
  deleted: boolean;
}

export interface QueueEntry<S extends StudentLike> {
  student: S;
  /** When the teacher last conferred with the student, or null if never. */
  lastAt: number | null;
  /** Local calendar days since then (0 = today), or null if never. */
  days: number | null;
}

/** The time of each student's latest teacher conference. */
export function lastConferred(conferences: readonly ConferenceLike[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of conferences) {
    if (c.deleted || c.kind !== 'teacher') continue;
    if (c.at > (out.get(c.studentId) ?? -Infinity)) out.set(c.studentId, c.at);
  }
  return out;
}

function nameOrder(a: StudentLike, b: StudentLike): number {
  const an = `${a.firstName} ${a.lastName}`;
  const bn = `${b.firstName} ${b.lastName}`;
  if (an !== bn) return an.localeCompare(bn, 'en', { sensitivity: 'base' }) || (an < bn ? -1 : 1);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * "Confer next": never-conferred students first, then the most days since the last conference; equal days are
 * ordered by name, then id, so the same class always gives the same queue.
 */
export function conferQueue<S extends StudentLike>(students: readonly S[], conferences: readonly ConferenceLike[], now: number): QueueEntry<S>[] {
  const last = lastConferred(conferences);
  const entries = students.map((student) => {
    const lastAt = last.get(student.id) ?? null;
    return { student, lastAt, days: lastAt === null ? null : daysSince(lastAt, now) };
  });
  return entries.sort((a, b) => {
    const da = a.days ?? Infinity;
    const dbb = b.days ?? Infinity;
    if (da !== dbb) return dbb - da;
    return nameOrder(a.student, b.student);
  });
}

/** The local week holding `now`: Monday 00:00 (inclusive) to the next Monday 00:00 (exclusive). */
export function weekBounds(now: number): { start: number; end: number } {
  const d = new Date(startOfDay(now));
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  const start = d.getTime();
  d.setDate(d.getDate() + 7);
  return { start, end: d.getTime() };
}

export interface Coverage<S extends StudentLike> {
  /** Students with a teacher conference this week. */
  seen: number;
  total: number;
  /** Students not yet conferred with this week, in the order given. */
  notSeen: S[];
}

/** "24 of 28 conferred with this week" and who is left, for the week (Monday-Sunday, local time) holding `now`. */
export function weeklyCoverage<S extends StudentLike>(students: readonly S[], conferences: readonly ConferenceLike[], now: number): Coverage<S> {
  const { start, end } = weekBounds(now);
  const seenIds = new Set<string>();
  for (const c of conferences) if (!c.deleted && c.kind === 'teacher' && c.at >= start && c.at < end) seenIds.add(c.studentId);
  const notSeen = students.filter((s) => !seenIds.has(s.id));
  return { seen: students.length - notSeen.length, total: students.length, notSeen };
}

/** "today", "yesterday", "5 days ago", "never". */
export function sinceText(days: number | null): string {
  if (days === null) return 'never';
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** Local date YYYY-MM-DD, the key of a day's reflection. */
export function localDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export interface GoalLike {
  id: string;
  setAt: number;
  closedAt: number | null;
  deleted: boolean;
}

export interface GoalCheckLike {
  goalId: string;
  at: number;
  deleted: boolean;
}

/**
 * The student's current goal: the latest open one. Two devices setting a goal offline can leave two open; the later
 * one is current and the other reads as replaced.
 */
export function currentGoal<G extends GoalLike>(goals: readonly G[]): G | null {
  let best: G | null = null;
  for (const g of goals) {
    if (g.deleted || g.closedAt !== null) continue;
    if (!best || g.setAt > best.setAt || (g.setAt === best.setAt && g.id > best.id)) best = g;
  }
  return best;
}

/** Goals newest first, each with its self-evaluations oldest first (growth reads left to right). */
export function goalHistory<G extends GoalLike, C extends GoalCheckLike>(goals: readonly G[], checks: readonly C[]): { goal: G; checks: C[] }[] {
  const byGoal = new Map<string, C[]>();
  for (const c of checks) {
    if (c.deleted) continue;
    byGoal.set(c.goalId, [...(byGoal.get(c.goalId) ?? []), c]);
  }
  return goals
    .filter((g) => !g.deleted)
    .sort((a, b) => b.setAt - a.setAt || (a.id < b.id ? 1 : -1))
    .map((goal) => ({ goal, checks: (byGoal.get(goal.id) ?? []).sort((a, b) => a.at - b.at) }));
}
