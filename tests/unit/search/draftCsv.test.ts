// Report-comment drafts exported for a gradebook: one row per draft, the comment whole (commas, quotes, line breaks,
// accents), a formula-looking comment defused, and a BOM so Excel reads the accents.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DRAFT_HEADERS, draftCsv } from '../../../src/features/search/draftActions';
import type { ReportDraft, Student } from '../../../src/shared/records';

const student = { id: 's1', classId: 'c1', firstName: 'José', lastName: 'Núñez', order: 0, archived: false, sourceId: null, deleted: false, _m: {} } as Student;
const draft = (text: string, from = '2026-09-01', to = '2026-10-31') =>
  ({ id: `d-${text.length}`, classId: 'c1', studentId: 's1', from, to, text, sentences: [], createdAt: 0, deleted: false, _m: {} }) as ReportDraft;

describe('draft CSV export', () => {
  it('writes one row per draft under the headers, keeping the comment exactly', () => {
    const comment = 'José writes vivid leads, "hooks" even.\nNext: dialogue tags, commas.';
    const csv = draftCsv(student, [draft(comment), draft('Uses paragraphs.', '2026-11-01', '2026-12-01')]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' }).data;
    expect(rows).toEqual([DRAFT_HEADERS, ['José Núñez', '2026-09-01', '2026-10-31', comment], ['José Núñez', '2026-11-01', '2026-12-01', 'Uses paragraphs.']]);
  });

  it('defuses a comment a spreadsheet would run as a formula', () => {
    const rows = Papa.parse<string[]>(draftCsv(student, [draft('=HYPERLINK("http://x")')]).slice(1).trim(), { newline: '\r\n' }).data;
    expect(rows[1]![3]).toBe('\'=HYPERLINK("http://x")');
  });
});
