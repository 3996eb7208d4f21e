// Roster changes, all through the write path: classes and students are created, renamed, reordered, archived.
import { transact, update, create } from '../../db/write';
import type { ParsedName } from '../../domain/names';
import { listClasses, listStudents } from '../../db/hooks';

export async function createClass(name: string, grade = ''): Promise<string> {
  const classes = await listClasses(true);
  return create('classes', { name: name.trim(), grade, archived: false, order: classes.length });
}

export function renameClass(id: string, name: string): Promise<void> {
  return update('classes', id, { name: name.trim() });
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
