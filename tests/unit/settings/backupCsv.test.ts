// Marks and notes for a spreadsheet: readable names, safe quoting, and no cell a spreadsheet would run as a formula.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ClassRec, Mark, Note, Objective, Piece, Student } from '../../../src/shared/records';
import { CSV_HEADERS, defuse, formatWhen, marksNotesCsv, marksNotesRows, type CsvSource } from '../../../src/features/settings/backupCsv';

const base = { deleted: false, _m: {} };
const at = (h: number, m = 0) => new Date(2026, 8, 14, h, m).getTime();

function source(): CsvSource {
  const classes: ClassRec[] = [{ ...base, id: 'c1', name: 'Room 12', grade: '3', archived: false, order: 0 }];
  const students: Student[] = [
    { ...base, id: 's1', classId: 'c1', firstName: 'Ana', lastName: 'López, Jr', order: 0, archived: false, sourceId: null },
    { ...base, id: 's2', classId: 'c1', firstName: '=cmd', lastName: '', order: 1, archived: true, sourceId: null },
  ];
  const pieces: Piece[] = [{ ...base, id: 'p1', classId: 'c1', title: 'Small moments', genre: 'narrative', startDate: '2026-09-01', lensObjectiveId: null, archived: false }];
  const objectives: Objective[] = [
    { ...base, id: 'o1', classId: 'c1', pieceId: 'p1', text: 'Uses "dialogue"', trait: null, order: 0 },
    { ...base, id: 'o2', classId: 'c1', pieceId: 'p1', text: 'Zooms in', trait: null, order: 1 },
  ];
  const marks: Mark[] = [
    { ...base, id: 'm1', classId: 'c1', pieceId: 'p1', studentId: 's1', objectiveId: 'o1', value: 'x', at: at(9, 5) },
    { ...base, id: 'm2', classId: 'c1', pieceId: 'p1', studentId: 's2', objectiveId: 'o2', value: null, at: at(9, 30) },
    { ...base, id: 'm3', deleted: true, classId: 'c1', pieceId: 'p1', studentId: 's1', objectiveId: 'o2', value: 'check', at: at(9, 1) },
  ];
  const note = (over: Partial<Note>): Note => ({
    ...base, id: 'n', classId: 'c1', studentId: 's1', pieceId: 'p1', text: '', objectiveIds: [], context: null, private: false, at: at(10),
    printedAt: null, photoId: null, groupSessionId: null, conferenceId: null, ...over,
  });
  const notes: Note[] = [
    note({ id: 'n1', text: '+1 for effort, said "wow"\nthen stopped', objectiveIds: ['o1', 'o2'], context: 'conference', at: at(9, 10) }),
    note({ id: 'n2', studentId: 's2', text: '@home: -ask family', private: true, pieceId: null }),
  ];
  return { classes, students, pieces, objectives, marks, notes };
}

describe('marks and notes CSV', () => {
  it('defuses formula cells and leaves others', () => {
    expect(['=SUM(A1)', '+1', '-2', '@x', '\t=1', 'Ana', "'quoted", ''].map(defuse)).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@x", "'\t=1", 'Ana', "'quoted", '']);
  });

  it('lists live marks and notes in time order with names, pieces, objectives and tags', () => {
    expect(marksNotesRows(source())).toEqual([
      ['Room 12', 'Ana López, Jr', formatWhen(at(9, 5)), 'mark', 'Small moments', 'Uses "dialogue"', 'X', '', ''],
      ['Room 12', 'Ana López, Jr', formatWhen(at(9, 10)), 'note', 'Small moments', 'Uses "dialogue"; Zooms in', '', '+1 for effort, said "wow"\nthen stopped', 'conference'],
      ['Room 12', '=cmd', formatWhen(at(9, 30)), 'mark', 'Small moments', 'Zooms in', '(cleared)', '', ''],
      ['Room 12', '=cmd', formatWhen(at(10)), 'note', '', '', '', '@home: -ask family', 'private'],
    ]);
    expect(formatWhen(at(9, 5))).toBe('2026-09-14 09:05');
  });

  it('writes CSV a spreadsheet reads back cell for cell, with no live formula', () => {
    const text = marksNotesCsv(source());
    expect(text.startsWith('\uFEFF"Class","Student"')).toBe(true);
    const back = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(back[0]).toEqual(CSV_HEADERS);
    expect(back[2]![7]).toBe('\'+1 for effort, said "wow"\nthen stopped');
    expect(back[3]![1]).toBe("'=cmd");
    expect(back[4]![7]).toBe("'@home: -ask family");
    for (const row of back) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});
