// Live reads shared by several features. Each re-renders when the rows it read change, on any tab.
import { useLiveQuery, useLiveQueryFor } from './live';
import { db } from './db';
import type { ClassRec, Student } from '../shared/records';

export function sortStudents(list: Student[]): Student[] {
  return list.sort((a, b) => a.order - b.order || a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
}

export async function listClasses(includeArchived = false): Promise<ClassRec[]> {
  const all = await db.classes.orderBy('order').toArray();
  return all.filter((c) => !c.deleted && (includeArchived || !c.archived));
}

export async function listStudents(classId: string, includeArchived = false): Promise<Student[]> {
  const rows = await db.students.where('classId').equals(classId).toArray();
  return sortStudents(rows.filter((s) => !s.deleted && (includeArchived || !s.archived)));
}

export function useClasses(includeArchived = false): ClassRec[] | undefined {
  return useLiveQuery(() => listClasses(includeArchived), [includeArchived]);
}

export function useStudents(classId: string | null | undefined, includeArchived = false): Student[] | undefined {
  return useLiveQueryFor(classId, async () => (classId ? listStudents(classId, includeArchived) : []), [includeArchived]);
}

export function useStudent(id: string | undefined): Student | null | undefined {
  return useLiveQueryFor(id, async () => (id ? ((await db.students.get(id)) ?? null) : null), []);
}
