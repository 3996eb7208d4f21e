// One student's records as a single newest-first list (marks, notes, conferences, group sessions, goals).
import { formatWhen } from '../../ui/dates';
import type { Conference, Goal, GoalCheck, GroupSession, Mark, Note } from '../../shared/records';

export type TimelineItem =
  | { kind: 'mark'; id: string; at: number; mark: Mark }
  | { kind: 'note'; id: string; at: number; note: Note }
  | { kind: 'conference'; id: string; at: number; conference: Conference }
  | { kind: 'group'; id: string; at: number; session: GroupSession }
  | { kind: 'goal'; id: string; at: number; goal: Goal }
  | { kind: 'goalCheck'; id: string; at: number; check: GoalCheck };

export interface TimelineSources {
  marks: readonly Mark[];
  notes: readonly Note[];
  conferences: readonly Conference[];
  sessions: readonly GroupSession[];
  goals: readonly Goal[];
  goalChecks: readonly GoalCheck[];
}

/** The newest `limit` items across every kind, newest first; ties keep a stable order by id. */
export function buildTimeline(src: TimelineSources, limit: number): { items: TimelineItem[]; more: boolean } {
  const all: TimelineItem[] = [
    ...src.marks.map((mark) => ({ kind: 'mark' as const, id: mark.id, at: mark.at, mark })),
    ...src.notes.map((note) => ({ kind: 'note' as const, id: note.id, at: note.at, note })),
    ...src.conferences.map((conference) => ({ kind: 'conference' as const, id: conference.id, at: conference.at, conference })),
    ...src.sessions.map((session) => ({ kind: 'group' as const, id: session.id, at: session.at, session })),
    ...src.goals.map((goal) => ({ kind: 'goal' as const, id: goal.id, at: goal.setAt, goal })),
    ...src.goalChecks.map((check) => ({ kind: 'goalCheck' as const, id: check.id, at: check.at, check })),
  ];
  all.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { items: all.slice(0, limit), more: all.length > limit };
}

/** The day heading an item sits under ("Tuesday 3 November"). */
export function dayLabel(at: number): string {
  return formatWhen(at, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}
