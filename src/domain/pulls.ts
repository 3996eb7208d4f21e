// How often each student was pulled into a guided-writing group, and for what: counted from recorded group sessions,
// so the teacher can keep groups flexible and share the table fairly.

export const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;

export interface SessionLike {
  focusObjectiveId: string | null;
  attendeeIds: readonly string[];
  at: number;
}

export interface PullSummary {
  studentId: string;
  count: number;
  /** Sessions per focus objective (null: a session without a focus), most frequent first. */
  byObjective: { objectiveId: string | null; count: number }[];
  /** Sessions per week, index 0 the week ending at `now`. */
  perWeek: number[];
  lastAt: number | null;
}

function inWindow(s: SessionLike, since: number, now: number): boolean {
  return s.at >= since && s.at <= now;
}

/** Sessions attended per student since `since` (a student counted once per session). */
export function pullCounts(sessions: readonly SessionLike[], since: number, now: number = Number.POSITIVE_INFINITY): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sessions) {
    if (!inWindow(s, since, now)) continue;
    for (const id of new Set(s.attendeeIds)) out[id] = (out[id] ?? 0) + 1;
  }
  return out;
}

/** One row per student (in the order given) over the last `weeks` weeks before `now`. */
export function pullHistory(sessions: readonly SessionLike[], studentIds: readonly string[], now: number, weeks: number): PullSummary[] {
  const since = now - weeks * WEEK_MS;
  const rows = new Map<string, { count: number; by: Map<string | null, number>; perWeek: number[]; lastAt: number | null }>();
  for (const id of studentIds) rows.set(id, { count: 0, by: new Map(), perWeek: Array.from({ length: weeks }, () => 0), lastAt: null });
  for (const s of sessions) {
    if (!inWindow(s, since, now)) continue;
    const week = Math.min(weeks - 1, Math.floor((now - s.at) / WEEK_MS));
    for (const id of new Set(s.attendeeIds)) {
      const r = rows.get(id);
      if (!r) continue;
      r.count += 1;
      r.by.set(s.focusObjectiveId, (r.by.get(s.focusObjectiveId) ?? 0) + 1);
      r.perWeek[week] = (r.perWeek[week] ?? 0) + 1;
      r.lastAt = r.lastAt === null ? s.at : Math.max(r.lastAt, s.at);
    }
  }
  return studentIds.map((studentId) => {
    const r = rows.get(studentId)!;
    const byObjective = [...r.by.entries()]
      .map(([objectiveId, count]) => ({ objectiveId, count }))
      .sort((a, b) => b.count - a.count || String(a.objectiveId).localeCompare(String(b.objectiveId)));
    return { studentId, count: r.count, byObjective, perWeek: r.perWeek, lastAt: r.lastAt };
  });
}
