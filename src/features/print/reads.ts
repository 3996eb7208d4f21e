// Live reads of what the print screens lay out, and the one write they make: marking notes as printed.
import { useLiveQueryFor } from '../../db/live';
import { db } from '../../db/db';
import { listStudents } from '../../db/hooks';
import { setLocal, useLocal } from '../../db/local';
import type { Group, Note, Student } from '../../shared/records';
import { transact } from '../../db/write';
import type { Offset, PaperSize } from '../../domain/labels';
import type { SummaryData } from '../../domain/summary';

const classRange = (classId: string) => [
  [classId, -Infinity],
  [classId, Infinity],
] as const;

export function useClassNotes(classId: string): Note[] | undefined {
  return useLiveQueryFor(classId, async () => {
    const [lo, hi] = classRange(classId);
    return (await db.notes.where('[classId+at]').between(lo, hi, true, true).toArray()).filter((n) => !n.deleted);
  }, []);
}

export interface ClassPrintData extends SummaryData {
  students: Student[];
  /** The class's active groups, in the teacher's order. */
  activeGroups: Group[];
}

/** Everything a student summary or group card draws on, for one class, in one live read. */
export function useClassPrintData(classId: string): ClassPrintData | undefined {
  return useLiveQueryFor(classId, async () => {
    const [lo, hi] = classRange(classId);
    const students = await listStudents(classId);
    const [notes, conferences, goals, marks, objectives, groups, goalChecks] = await Promise.all([
      db.notes.where('[classId+at]').between(lo, hi, true, true).toArray(),
      db.conferences.where('[classId+at]').between(lo, hi, true, true).toArray(),
      db.goals.where('classId').equals(classId).toArray(),
      db.marks.where('[classId+at]').between(lo, hi, true, true).toArray(),
      db.objectives.where('classId').equals(classId).toArray(),
      db.groups.where('classId').equals(classId).toArray(),
      db.goalChecks.where('studentId').anyOf(students.map((s) => s.id)).toArray(),
    ]);
    const live = groups.filter((g) => !g.deleted && !g.dissolved).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
    return { students, notes, conferences, goals, marks, objectives, groups, goalChecks, activeGroups: live };
  }, []);
}

/** The teacher confirmed the sheet came out right: these notes are on paper now. All or none. */
export async function markPrinted(noteIds: readonly string[], at = Date.now()): Promise<void> {
  await transact(async (w) => {
    for (const id of noteIds) await w.update('notes', id, { printedAt: at });
  }, ['notes']);
}

// ---- this device's print settings (never synced: they describe this device's printer) ----

const PAPER_KEY = 'print.paper';
const SHEET_KEY = 'print.sheet';
const offsetKey = (sheetId: string) => `print.offset.${sheetId}`;

/** US Letter where the browser's language says North or Central America or the Philippines; A4 elsewhere. */
export function defaultPaper(lang = typeof navigator === 'undefined' ? 'en-US' : navigator.language): PaperSize {
  return /-(US|CA|MX|PH|CL|CO|VE|GT|CR|PA|DO|PR|SV)$/i.test(lang) ? 'letter' : 'a4';
}

export const usePaper = () => useLocal<PaperSize>(PAPER_KEY, defaultPaper());
export const setPaper = (p: PaperSize) => setLocal(PAPER_KEY, p);
export const useSheetId = () => useLocal<string>(SHEET_KEY, defaultPaper() === 'a4' ? 'avery-l7160' : 'avery-5160');
export const setSheetId = (id: string) => setLocal(SHEET_KEY, id);
export const useOffset = (sheetId: string) => useLocal<Offset>(offsetKey(sheetId), { x: 0, y: 0 });
export const setOffset = (sheetId: string, o: Offset) => setLocal(offsetKey(sheetId), o);
