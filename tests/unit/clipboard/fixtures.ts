// Test data for the clipboard's component tests, written through the real write path.
import { create } from '../../../src/db/write';

export async function seedClass(): Promise<{ classId: string; ana: string; bao: string; pieceId: string; details: string; lead: string }> {
  const classId = await create('classes', { name: 'Room 12', grade: '3', archived: false, order: 0 });
  const student = (firstName: string, lastName: string, order: number) => create('students', { classId, firstName, lastName, order, archived: false, sourceId: null });
  const ana = await student('Ana', 'Lopez', 0);
  const bao = await student('Bao', 'Nguyen', 1);
  const pieceId = await create('pieces', { classId, title: 'Small moment', genre: 'narrative', startDate: '2026-11-02', lensObjectiveId: null, archived: false });
  const details = await create('objectives', { classId, pieceId, text: 'Adds relevant details', trait: 'Ideas', order: 0 });
  const lead = await create('objectives', { classId, pieceId, text: 'Has an inviting beginning', trait: 'Organization', order: 1 });
  return { classId, ana, bao, pieceId, details, lead };
}
