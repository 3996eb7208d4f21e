// Roster changes, all through the write path: classes and students are created, renamed, reordered, archived.
import { transact, update, create } from '../../db/write';
import { cleanName, type ParsedName } from '../../domain/names';
import type { ImportPlan } from '../../domain/oneroster';
import { listClasses, listStudents } from '../../db/hooks';

export async function createClass(name: string, grade = ''): Promise<string> {
  const classes = await listClasses(true);
  return create('classes', { name: cleanName(name), grade, archived: false, order: classes.length });
}

export function renameClass(id: string, name: string): Promise<void> {
  return update('classes', id, { name: cleanName(name) });
}

export function setClassArchived(id: string, archived: boolean): Promise<void> {
  return update('classes', id, { archived });
}

/** Adds students in one transaction: all of them or none. */
export async function addStudents(classId: string, names: readonly Pick<ParsedName, 'firstName' | 'lastName'>[], sourceIds?: readonly (string | null)[]): Promise<string[]> {
  const start = (await listStudents(classId, true)).length;
  return transact(
    async (w) => {
      const ids: string[] = [];
      for (const [i, n] of names.entries()) {
        ids.push(
          await w.create('students', {
            classId,
            firstName: n.firstName,
            lastName: n.lastName,
            order: start + i,
            archived: false,
            sourceId: sourceIds?.[i] ?? null,
          }),
        );
      }
      return ids;
    },
    ['students'],
  );
}

/**
 * Applies a OneRoster import plan in one transaction: new students added, known ones renamed or linked. With
 * `newClassName` the class is made in the same transaction, so a failed import leaves no empty class behind.
 */
export async function applyOneRosterPlan(target: { classId: string } | { newClassName: string }, plan: ImportPlan): Promise<string> {
  const start = 'classId' in target ? (await listStudents(target.classId, true)).length : 0;
  const order = 'classId' in target ? 0 : (await listClasses(true)).length;
  return transact(
    async (w) => {
      const classId = 'classId' in target ? target.classId : await w.create('classes', { name: cleanName(target.newClassName), grade: '', archived: false, order });
      for (const u of plan.update) await w.update('students', u.id, { firstName: u.firstName, lastName: u.lastName, sourceId: u.sourceId });
      for (const [i, s] of plan.create.entries()) {
        await w.create('students', { classId, firstName: s.firstName, lastName: s.lastName, order: start + i, archived: false, sourceId: s.sourcedId });
      }
      return classId;
    },
    ['classes', 'students'],
  );
}

export function renameStudent(id: string, name: { firstName: string; lastName: string }): Promise<void> {
  return update('students', id, { firstName: cleanName(name.firstName), lastName: cleanName(name.lastName) });
}

/** Archiving keeps the student's marks and notes; the student only leaves the active lists. */
export function setStudentArchived(id: string, archived: boolean): Promise<void> {
  return update('students', id, { archived });
}

/**
 * Moves an active student one place up or down (the buttons), or to a given place (a drag). The whole list is
 * renumbered in one transaction, so orders that collided (two imports, two devices) come out distinct; only rows whose
 * order changes are written.
 */
export async function moveStudentTo(classId: string, id: string, to: number): Promise<void> {
  const list = await listStudents(classId);
  const from = list.findIndex((s) => s.id === id);
  if (from < 0 || to < 0 || to >= list.length || to === from) return;
  const reordered = [...list];
  const [moved] = reordered.splice(from, 1);
  reordered.splice(to, 0, moved!);
  await transact(
    async (w) => {
      for (const [i, s] of reordered.entries()) if (s.order !== i) await w.update('students', s.id, { order: i });
    },
    ['students'],
  );
}

export async function moveStudent(classId: string, id: string, by: -1 | 1): Promise<void> {
  const list = await listStudents(classId);
  const from = list.findIndex((s) => s.id === id);
  if (from >= 0) await moveStudentTo(classId, id, from + by);
}
