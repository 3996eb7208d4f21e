// Search results and report-comment drafts exported for a gradebook: one row each, the words whole (commas, quotes,
// line breaks, accents), formula-looking text defused, names looked up, and a BOM so Excel reads the accents.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DRAFT_HEADERS, draftCsv } from '../../../src/features/search/draftActions';
import { RESULT_HEADERS, resultsCsv } from '../../../src/features/search/exportCsv';
import type { ClassRec, Objective, ReportDraft, Student } from '../../../src/shared/records';

const student = { id: 's1', classId: 'c1', firstName: 'José', lastName: 'Núñez', order: 0, archived: false, sourceId: null, deleted: false, _m: {} } as Student;
const draft = (text: string, from = '2026-09-01', to = '2026-10-31') =>
  ({ id: `d-${text.length}`, classId: 'c1', studentId: 's1', from, to, text, sentences: [], createdAt: 0, deleted: false, _m: {} }) as ReportDraft;

const parse = (csv: string) => Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' }).data;

describe('search results CSV export', () => {
  it('names the class, student and objectives, and labels a conference\'s parts', () => {
    const lookups = {
      students: new Map([['s1', student]]),
      objectives: new Map([['o1', { id: 'o1', text: 'Uses dialogue' } as Objective]]),
      classes: new Map([['c1', { id: 'c1', name: 'Room 12' } as ClassRec]]),
    };
    const at = new Date(2026, 9, 14, 10, 5).getTime();
    const csv = resultsCsv(
      [
        { doc: { key: 'notes:n1', kind: 'notes', id: 'n1', classId: 'c1', studentId: 's1', at, by: 'Ms Rivera', tags: ['conference'], objectiveIds: ['o1'], parts: [{ label: 'Note', text: '-5 words, "José" said' }] }, score: 2, terms: ['jose'] },
        { doc: { key: 'conferences:k1', kind: 'conferences', id: 'k1', classId: 'c1', studentId: 'gone', at, by: 'Mr Lee', tags: [], objectiveIds: [], parts: [{ label: 'Strengths', text: 'leads' }, { label: 'Next step', text: 'endings' }] }, score: 1, terms: [] },
      ],
      lookups,
    );
    const rows = parse(csv);
    expect(rows[0]).toEqual(RESULT_HEADERS);
    expect(rows[1]).toEqual(['Room 12', 'José Núñez', '2026-10-14 10:05', 'note', 'conference', 'Uses dialogue', 'Ms Rivera', '\'-5 words, "José" said']);
    expect(rows[2]).toEqual(['Room 12', '(unknown student)', '2026-10-14 10:05', 'conference', '', '', 'Mr Lee', 'Strengths: leads\nNext step: endings']);
  });
});

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
