// The student page's live data: the student, names for pieces, objectives and groups, and the filtered timeline.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Group, Objective, Piece, Student } from '../../db/types';
import { useClipboardData } from './dataContext';
import { classObjectives, classPieces, lastSeen, studentRecords, type TimelineFilter } from './queries';
import { buildTimeline, type TimelineItem } from './timeline';

export interface Lookups {
  pieces: Map<string, Piece>;
  objectives: Map<string, Objective>;
  groups: Map<string, Group>;
  pieceList: Piece[];
}

export function useStudentRecord(studentId: string): { student: Student | null; lookups: Lookups; seenAt: number | null } | undefined {
  const { db } = useClipboardData();
  return useLiveQuery(async () => {
    const student = (await db.students.get(studentId)) ?? null;
    if (!student || student.deleted) return { student: null, lookups: { pieces: new Map(), objectives: new Map(), groups: new Map(), pieceList: [] }, seenAt: null };
    const [pieceList, objectives, groups, seen] = await Promise.all([
      classPieces(db, student.classId, true),
      classObjectives(db, student.classId),
      db.groups.where('classId').equals(student.classId).toArray(),
      lastSeen(db, [student.id]),
    ]);
    return {
      student,
      lookups: {
        pieceList,
        pieces: new Map(pieceList.map((p) => [p.id, p])),
        objectives: new Map(objectives.map((o) => [o.id, o])),
        groups: new Map(groups.map((g) => [g.id, g])),
      },
      seenAt: seen.get(student.id) ?? null,
    };
  }, [db, studentId]);
}

/** Reads by student id alone, so it runs alongside useStudentRecord rather than after it. */
export function useTimeline(studentId: string, filter: TimelineFilter, limit: number): { items: TimelineItem[]; more: boolean } | undefined {
  const { db } = useClipboardData();
  return useLiveQuery(
    async () => buildTimeline(await studentRecords(db, studentId, filter, limit + 1), limit),
    [db, studentId, filter.pieceId, filter.objectiveId, limit],
  );
}
