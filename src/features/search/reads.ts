// Names for search results and filters: students, objectives and classes of the classes searched.
import { db } from '../../db/db';
import { useLiveQuery } from '../../db/live';
import type { ClassRec, Objective, Student } from '../../shared/records';

export interface SearchLookups {
  students: Map<string, Student>;
  objectives: Map<string, Objective>;
  classes: Map<string, ClassRec>;
}

/** Lookups for one class, or for every class on the device when `classId` is null. */
export function useSearchLookups(classId: string | null): SearchLookups | undefined {
  return useLiveQuery(async () => {
    const [students, objectives, classes] = await Promise.all([
      classId ? db.students.where('classId').equals(classId).toArray() : db.students.toArray(),
      classId ? db.objectives.where('classId').equals(classId).toArray() : db.objectives.toArray(),
      db.classes.toArray(),
    ]);
    const live = <T extends { id: string; deleted: boolean }>(rows: T[]) => new Map(rows.filter((r) => !r.deleted).map((r) => [r.id, r]));
    return { students: live(students), objectives: live(objectives), classes: live(classes) };
  }, [classId]);
}
