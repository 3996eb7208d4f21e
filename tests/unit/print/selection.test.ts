// Choosing notes for labels and building the student-summary and group-card contents from plain rows.
import { describe, expect, it } from 'vitest';
import { dayKey, labelHeader, rangeProblem, selectNotes, type PrintableNote } from '../../../src/domain/printSelection';
import { buildGroupCard, buildSummary, chunk, type SummaryData } from '../../../src/domain/summary';

const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00`).getTime();
const note = (id: string, studentId: string, day: string, extra: Partial<PrintableNote> = {}): PrintableNote => ({ id, studentId, text: `note ${id}`, at: at(day), printedAt: null, deleted: false, ...extra });

const order = new Map([
  ['s1', 0],
  ['s2', 1],
]);
const notes = [
  note('a', 's2', '2026-11-20'),
  note('b', 's1', '2026-11-22', { printedAt: 5 }),
  note('c', 's1', '2026-11-21'),
  note('d', 's1', '2026-11-22', { deleted: true }),
  note('e', 'gone', '2026-11-22'),
  note('f', 's2', '2026-11-22', { text: '  ' }),
];
const now = at('2026-11-22', 15);

describe('selectNotes', () => {
  it('not printed yet: leaves out printed, deleted, empty notes and students no longer in the class', () => {
    expect(selectNotes(notes, { kind: 'unprinted' }, order, now).map((n) => n.id)).toEqual(['c', 'a']);
  });
  it('today, by the local calendar day', () => {
    expect(selectNotes(notes, { kind: 'today' }, order, now).map((n) => n.id)).toEqual(['b']);
  });
  it('a date range, both ends included', () => {
    expect(selectNotes(notes, { kind: 'range', from: '2026-11-20', to: '2026-11-21' }, order, now).map((n) => n.id)).toEqual(['c', 'a']);
    expect(selectNotes(notes, { kind: 'range', from: '2026-11-22', to: '2026-11-20' }, order, now)).toEqual([]);
  });
  it('one student, in time order; the class, by roster order then time', () => {
    expect(selectNotes(notes, { kind: 'student', studentId: 's1' }, order, now).map((n) => n.id)).toEqual(['c', 'b']);
    expect(selectNotes(notes, { kind: 'class' }, order, now).map((n) => n.id)).toEqual(['c', 'b', 'a']);
  });
  it('says what to fix in a bad range', () => {
    expect(rangeProblem('', '2026-11-01')).toMatch(/first and a last day/);
    expect(rangeProblem('2026-11-02', '2026-11-01')).toMatch(/swap/);
    expect(rangeProblem('2026-11-01', '2026-11-01')).toBeNull();
  });
  it('writes the day key and label header in local time', () => {
    expect(dayKey(at('2026-01-05', 23))).toBe('2026-01-05');
    expect(labelHeader('Ana Lopez', at('2026-11-22'), 'en-US')).toBe('Ana Lopez · 11/22/26');
    expect(labelHeader('Ana Lopez', at('2026-11-22'), 'en-GB')).toBe('Ana Lopez · 22/11/26');
  });
});

const base = { deleted: false };
const data: SummaryData = {
  notes: [
    { ...base, studentId: 's1', text: 'old', at: 1, private: false },
    { ...base, studentId: 's1', text: 'new', at: 3, private: false },
    { ...base, studentId: 's1', text: 'secret', at: 4, private: true },
    { ...base, studentId: 's2', text: 'not mine', at: 2, private: false },
    { deleted: true, studentId: 's1', text: 'deleted', at: 5, private: false },
  ],
  conferences: [
    { ...base, studentId: 's1', at: 10, kind: 'teacher', strengths: 'Vivid verbs', trait: 'Word Choice', nextStep: 'Add a setting' },
    { ...base, studentId: 's2', at: 11, kind: 'teacher', strengths: 'Other', trait: 'Voice', nextStep: 'x' },
  ],
  goals: [
    { ...base, id: 'g0', studentId: 's1', text: 'Old goal', setAt: 1, closedAt: 5 },
    { ...base, id: 'g1', studentId: 's1', text: 'Use paragraphs', setAt: 6, closedAt: null },
  ],
  goalChecks: [
    { ...base, goalId: 'g1', studentId: 's1', value: 'not-yet', at: 7 },
    { ...base, goalId: 'g1', studentId: 's1', value: 'starting', at: 8 },
  ],
  groups: [
    { ...base, name: 'Leads', kind: 'needs', memberIds: ['s1', 's2'], focusObjectiveId: 'o1', dissolved: false },
    { ...base, name: 'Past', kind: 'table', memberIds: ['s1'], focusObjectiveId: null, dissolved: true },
  ],
  marks: [
    { ...base, studentId: 's1', objectiveId: 'o1', value: 'check', at: 1 },
    { ...base, studentId: 's1', objectiveId: 'o2', value: 'check', at: 1 },
    { ...base, studentId: 's1', objectiveId: 'o2', value: 'x', at: 2 },
    { ...base, studentId: 's2', objectiveId: 'o3', value: 'check', at: 2 },
  ],
  objectives: [
    { ...base, id: 'o1', text: 'Hooks the reader' },
    { ...base, id: 'o2', text: 'Uses paragraphs' },
    { ...base, id: 'o3', text: 'Capitals' },
  ],
};

describe('buildSummary', () => {
  it("holds only this student's records: secured objectives, conference strengths, the open goal, recent notes, groups", () => {
    const s = buildSummary({ id: 's1', firstName: 'Ana', lastName: 'Lopez' }, data);
    expect(s.name).toBe('Ana Lopez');
    expect(s.strengths).toEqual(['Hooks the reader', 'Vivid verbs']);
    expect(s.goal).toEqual({ text: 'Use paragraphs', setAt: 6, selfCheck: 'Starting to' });
    expect(s.notes.map((n) => n.text)).toEqual(['new', 'old']);
    expect(s.conferences.map((c) => c.strengths)).toEqual(['Vivid verbs']);
    expect(s.groups).toEqual([{ name: 'Leads', kind: 'Specific-needs group', focus: 'Hooks the reader' }]);
  });
  it('includes private notes only when asked, and caps the notes', () => {
    const s = buildSummary({ id: 's1', firstName: 'Ana', lastName: 'Lopez' }, data, { includePrivate: true, maxNotes: 1, maxConferences: 4 });
    expect(s.notes.map((n) => n.text)).toEqual(['secret']);
  });
  it('a student with nothing yet gets an empty summary, not another student’s', () => {
    const s = buildSummary({ id: 's9', firstName: 'New', lastName: '' }, data);
    expect(s).toMatchObject({ name: 'New', strengths: [], goal: null, notes: [], conferences: [], groups: [] });
  });
});

describe('group cards', () => {
  it('names the members in group order, the focus and the teaching point', () => {
    const students = [
      { id: 's1', firstName: 'Ana', lastName: 'Lopez', deleted: false },
      { id: 's2', firstName: 'Bao', lastName: 'Nguyen', deleted: false },
      { id: 's3', firstName: 'Gone', lastName: 'Kid', deleted: true },
    ];
    const card = buildGroupCard({ id: 'g', name: 'Leads', kind: 'intervention', memberIds: ['s2', 's1', 's3'], focusObjectiveId: 'o1', teachingPoint: 'Start with a sound', plannedMinutes: 8 }, students, data.objectives);
    expect(card).toEqual({ groupId: 'g', name: 'Leads', kind: 'Intervention group', members: ['Bao Nguyen', 'Ana Lopez'], focus: 'Hooks the reader', teachingPoint: 'Start with a sound', minutes: 8 });
  });
  it('pairs cards two to a page', () => {
    expect(chunk([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
    expect(chunk([], 2)).toEqual([]);
  });
});
