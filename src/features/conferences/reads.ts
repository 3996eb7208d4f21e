// Live reads for conferences: every hook re-renders when its rows change on this tab, another tab or by sync.
import { useLiveQuery, useLiveQueryFor } from '../../db/live';
import { db } from '../../db/db';
import type { Conference, Goal, GoalCheck, Mark, Objective, Piece, Reflection, Starter } from '../../shared/records';

const live = <T extends { deleted: boolean }>(rows: T[]): T[] => rows.filter((r) => !r.deleted);

export function useConference(id: string | undefined): Conference | null | undefined {
  return useLiveQueryFor(id, async () => (id ? ((await db.conferences.get(id)) ?? null) : null), []);
}

export function useClassConferences(classId: string | undefined): Conference[] | undefined {
  return useLiveQueryFor(classId, async () => (classId ? live(await db.conferences.where('[classId+at]').between([classId, -Infinity], [classId, Infinity]).toArray()) : []), []);
}

export function useClassMarks(classId: string | undefined): Mark[] | undefined {
  return useLiveQueryFor(classId, async () => (classId ? live(await db.marks.where('[classId+at]').between([classId, -Infinity], [classId, Infinity]).toArray()) : []), []);
}

export function useStudentMarks(studentId: string | undefined): Mark[] | undefined {
  return useLiveQueryFor(studentId, async () => (studentId ? live(await db.marks.where('[studentId+at]').between([studentId, -Infinity], [studentId, Infinity]).toArray()) : []), []);
}

export function useClassObjectives(classId: string | undefined): Objective[] | undefined {
  return useLiveQueryFor(classId, async () => (classId ? live(await db.objectives.where('classId').equals(classId).toArray()).sort((a, b) => a.order - b.order) : []), []);
}

export function useClassPieces(classId: string | undefined): Piece[] | undefined {
  return useLiveQueryFor(classId, 
    async () => (classId ? live(await db.pieces.where('classId').equals(classId).toArray()).sort((a, b) => b.startDate.localeCompare(a.startDate)) : []),
    [],
  );
}

export function useStudentGoals(studentId: string | undefined): { goals: Goal[]; checks: GoalCheck[] } | undefined {
  return useLiveQueryFor(studentId, async () => {
    if (!studentId) return { goals: [], checks: [] };
    const [goals, checks] = await Promise.all([db.goals.where('studentId').equals(studentId).toArray(), db.goalChecks.where('studentId').equals(studentId).toArray()]);
    return { goals: live(goals), checks: live(checks) };
  }, []);
}

export function useStarters(): Starter[] | undefined {
  return useLiveQuery(async () => live(await db.starters.toArray()).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)));
}

export function useReflections(classId: string | undefined): Reflection[] | undefined {
  return useLiveQueryFor(classId, 
    async () => (classId ? live(await db.reflections.where('[classId+date]').between([classId, ''], [classId, '\uffff']).toArray()).sort((a, b) => b.date.localeCompare(a.date)) : []),
    [],
  );
}
