// Search results and report-comment drafts as spreadsheet-safe CSV for a gradebook, with the same rules as the
// backup's CSV (src/features/settings/backupCsv.ts): every cell quoted, formulas defused, a BOM for Excel's accents.
import Papa from 'papaparse';
import { defuse, formatWhen } from '../settings/backupCsv';
import type { SearchHit } from '../../domain/search';
import type { SearchLookups } from './reads';

const KIND_LABEL: Record<string, string> = { notes: 'note', conferences: 'conference', goals: 'goal', reflections: 'reflection' };

export const kindLabel = (kind: string) => KIND_LABEL[kind] ?? kind;

export function studentName(lookups: SearchLookups, id: string | null): string {
  if (!id) return '';
  const s = lookups.students.get(id);
  return s ? [s.firstName, s.lastName].filter(Boolean).join(' ') : '(unknown student)';
}

export function toCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const body = Papa.unparse([headers, ...rows].map((r) => r.map(defuse)), { quotes: true, newline: '\r\n' });
  return `\uFEFF${body}\r\n`;
}

export const RESULT_HEADERS = ['Class', 'Student', 'Date', 'Kind', 'Tags', 'Objectives', 'Written by', 'Text'];

export function resultsCsv(hits: readonly SearchHit[], lookups: SearchLookups): string {
  return toCsv(
    RESULT_HEADERS,
    hits.map(({ doc }) => [
      lookups.classes.get(doc.classId)?.name ?? '',
      studentName(lookups, doc.studentId),
      formatWhen(doc.at),
      kindLabel(doc.kind),
      doc.tags.join('; '),
      doc.objectiveIds.map((o) => lookups.objectives.get(o)?.text ?? '').filter(Boolean).join('; '),
      doc.by,
      doc.parts.map((p) => (doc.parts.length > 1 ? `${p.label}: ${p.text}` : p.text)).join('\n'),
    ]),
  );
}
