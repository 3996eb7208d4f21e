// Roster writes: a move renumbers the list in one transaction, writing only rows whose place changed; imports are
// all-or-nothing.
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { listStudents } from '../../../src/db/hooks';
import { addStudents, applyOneRosterPlan, createClass, moveStudent, moveStudentTo } from '../../../src/features/roster/rosterActions';

const order = async (classId: string) => (await listStudents(classId)).map((s) => s.firstName);

describe('roster actions', () => {
  it('moves a student to a place and by one, touching only the rows that moved', async () => {
    const classId = await createClass('Room 12');
    const [, , , dee] = await addStudents(classId, ['Ana', 'Bao', 'Cy', 'Dee'].map((firstName) => ({ firstName, lastName: '' })));
    const before = await db.outbox.count();
    await moveStudentTo(classId, dee!, 1);
    expect(await order(classId)).toEqual(['Ana', 'Dee', 'Bao', 'Cy']);
    expect(await db.outbox.count()).toBe(before + 3);
    await moveStudent(classId, dee!, -1);
    expect(await order(classId)).toEqual(['Dee', 'Ana', 'Bao', 'Cy']);
    await moveStudent(classId, dee!, -1);
    await moveStudentTo(classId, dee!, 9);
    expect(await order(classId)).toEqual(['Dee', 'Ana', 'Bao', 'Cy']);
  });

  it('gives colliding orders distinct places on the first move', async () => {
    const classId = await createClass('Room 12');
    await addStudents(classId, [{ firstName: 'Ana', lastName: 'B' }]);
    await addStudents(classId, [{ firstName: 'Cy', lastName: 'A' }]);
    // Two devices each added a student as number 0... simulated by one import landing on the same order.
    const [first] = await listStudents(classId);
    await db.students.update(first!.id, { order: 1 });
    const list = await listStudents(classId);
    await moveStudent(classId, list[1]!.id, -1);
    expect((await listStudents(classId)).map((s) => s.order)).toEqual([0, 1]);
  });

  it('writes a OneRoster import with its new class in one transaction, or nothing', async () => {
    await createClass('Room 12');
    const plan = { create: [{ sourcedId: 'u1', firstName: 'Ana', lastName: 'López', line: 2 }], update: [{ id: 'missing', firstName: 'X', lastName: 'Y', sourceId: 'u2' }], unchanged: 0, problems: [] };
    await expect(applyOneRosterPlan({ newClassName: 'ELA 7' }, plan)).rejects.toThrow();
    expect(await db.classes.count()).toBe(1);
    expect(await db.students.count()).toBe(0);
    const id = await applyOneRosterPlan({ newClassName: 'ELA 7' }, { ...plan, update: [] });
    expect((await db.classes.get(id))?.name).toBe('ELA 7');
    expect((await listStudents(id)).map((s) => [s.firstName, s.sourceId])).toEqual([['Ana', 'u1']]);
  });
});
