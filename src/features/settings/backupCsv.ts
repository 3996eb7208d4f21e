// Marks and notes as one CSV table for a spreadsheet: one row per mark or note, names rather than ids, and every cell
// that a spreadsheet would run as a formula (= + - @) defused with a leading quote.
import Papa from 'papaparse';
import type { ClassRec, Mark, Note, Objective, Piece, Student } from '../../shared/records';

export interface CsvSource {
  classes: ClassRec[];
  students: Student[];
  pieces: Piece[];
  objectives: Objective[];
  marks: Mark[];
  notes: Note[];
}

export const CSV_HEADERS = ['Class', 'Student', 'Date', 'Kind', 'Piece', 'Objective', 'Mark', 'Note', 'Tags'];

/** A cell a spreadsheet would evaluate (=, +, -, @, or a tab or return before one) is made plain text. */
export function defuse(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local date and time, as the teacher lived it, in a form spreadsheets sort and recognise. */
export function formatWhen(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const MARK_TEXT: Record<string, string> = { x: 'X', check: 'check' };

export function marksNotesRows(src: CsvSource): string[][] {
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const classes = byId(src.classes);
  const students = byId(src.students);
  const pieces = byId(src.pieces);
  const objectives = byId(src.objectives);
  const student = (id: string) => {
    const s = students.get(id);
    return s ? [s.firstName, s.lastName].filter(Boolean).join(' ') : '(unknown student)';
  };
  const rows: { at: number; cells: string[] }[] = [];
  for (const m of src.marks) {
    if (m.deleted) continue;
    rows.push({
      at: m.at,
      cells: [
        classes.get(m.classId)?.name ?? '',
        student(m.studentId),
        formatWhen(m.at),
        'mark',
        pieces.get(m.pieceId)?.title ?? '',
        objectives.get(m.objectiveId)?.text ?? '',
        m.value ? (MARK_TEXT[m.value] ?? m.value) : '(cleared)',
        '',
        '',
      ],
    });
  }
  for (const n of src.notes) {
    if (n.deleted) continue;
    const tags = [n.context, n.private ? 'private' : null].filter((t): t is string => !!t);
    rows.push({
      at: n.at,
      cells: [
        classes.get(n.classId)?.name ?? '',
        student(n.studentId),
        formatWhen(n.at),
        'note',
        (n.pieceId && pieces.get(n.pieceId)?.title) || '',
        n.objectiveIds.map((id) => objectives.get(id)?.text ?? '').filter(Boolean).join('; '),
        '',
        n.text,
        tags.join('; '),
      ],
    });
  }
  rows.sort((a, b) => a.cells[0]!.localeCompare(b.cells[0]!) || a.at - b.at);
  return rows.map((r) => r.cells);
}

/** The CSV text: a byte-order mark so Excel reads the accents, every cell quoted, CRLF line ends. */
export function marksNotesCsv(src: CsvSource): string {
  const body = Papa.unparse([CSV_HEADERS, ...marksNotesRows(src).map((r) => r.map(defuse))], { quotes: true, newline: '\r\n' });
  return `\uFEFF${body}\r\n`;
}
