// Which notes go onto labels: today's, a date range, one student's, the whole class's, or those not printed yet;
// ordered by student (roster order) then time, so a sheet peels off student by student into their files.

export type NoteFilter =
  | { kind: 'unprinted' }
  | { kind: 'today' }
  | { kind: 'range'; from: string; to: string }
  | { kind: 'student'; studentId: string }
  | { kind: 'class' };

export interface PrintableNote {
  id: string;
  studentId: string;
  text: string;
  at: number;
  printedAt: number | null;
  deleted: boolean;
}

/** The local calendar day of a moment, as YYYY-MM-DD (what a date input gives). */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A message saying what to fix, or null when the range is usable. */
export function rangeProblem(from: string, to: string): string | null {
  if (!DAY.test(from) || !DAY.test(to)) return 'Choose both a first and a last day.';
  if (from > to) return 'The first day is after the last day: swap them.';
  return null;
}

export function matchesFilter(note: PrintableNote, filter: NoteFilter, now: number): boolean {
  switch (filter.kind) {
    case 'unprinted':
      return note.printedAt === null || note.printedAt === undefined;
    case 'today':
      return dayKey(note.at) === dayKey(now);
    case 'range': {
      const day = dayKey(note.at);
      return rangeProblem(filter.from, filter.to) === null && day >= filter.from && day <= filter.to;
    }
    case 'student':
      return note.studentId === filter.studentId;
    case 'class':
      return true;
  }
}

/**
 * The notes to print. `studentOrder` maps each current student to their place on the roster; notes of students not
 * in it (removed from the class) and deleted or empty notes are left out.
 */
export function selectNotes<N extends PrintableNote>(notes: readonly N[], filter: NoteFilter, studentOrder: ReadonlyMap<string, number>, now: number): N[] {
  return notes
    .filter((n) => !n.deleted && n.text.trim() !== '' && studentOrder.has(n.studentId) && matchesFilter(n, filter, now))
    .sort((a, b) => (studentOrder.get(a.studentId) ?? 0) - (studentOrder.get(b.studentId) ?? 0) || a.at - b.at || a.id.localeCompare(b.id));
}

/** "Ana Lopez · 11/22/26": short, in the teacher's own date order. */
export function labelHeader(name: string, at: number, locale?: string): string {
  const date = new Intl.DateTimeFormat(locale, { year: '2-digit', month: 'numeric', day: 'numeric' }).format(at);
  return `${name} \u00b7 ${date}`;
}
