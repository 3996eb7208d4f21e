// OneRoster 1.1 CSV as a district exports it (tests/fixtures/oneroster): classes, active student enrollments, and
// re-imports that update rather than duplicate.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOneRoster, planOneRosterImport, type OneRosterFile } from '../../../src/domain/oneroster';

const dir = resolve(process.cwd(), 'tests/fixtures/oneroster');
const file = (name: string, as = name): OneRosterFile => ({ name: as, text: readFileSync(resolve(dir, name), 'utf8') });
const all = () => [file('users.csv'), file('enrollments.csv'), file('classes.csv')];

function parsed(files: OneRosterFile[]) {
  const r = parseOneRoster(files);
  if (!r.ok) throw new Error(r.message);
  return r.classes;
}

describe('parseOneRoster', () => {
  it('lists the active classes with their active students, teachers and parents left out', () => {
    const classes = parsed(all());
    expect(classes.map((c) => [c.title, c.classCode, c.periods])).toEqual([
      ['ELA 7 - Period 3', 'ELA7-3', '3'],
      ['ELA 7 - Period 5', 'ELA7-5', '5'],
      ['Science 7, Period 1', 'SCI7-1', '1'],
    ]);
    const p3 = classes[0]!;
    expect(p3.students.map((s) => [s.sourcedId, s.firstName, s.lastName])).toEqual([
      ['u-s1', 'Ana', 'López'],
      ['u-s2', 'Bao', 'Nguyen'],
      ['u-s3', 'ليلى', 'حداد'],
    ]);
    // u-s5 is enrolled but marked tobedeleted in users.csv; u-s6's enrollment in period 3 is tobedeleted.
    expect(p3.unknownUsers).toBe(1);
    expect(classes[1]!.students.map((s) => s.lastName)).toEqual(["O'Connor-Okafor", 'Ødegård']);
    expect(p3.students[0]!.line).toBe(3);
  });

  it('tells the files apart by their headers, whatever they are called, in any order, ignoring the manifest', () => {
    const files = [file('classes.csv', 'export (2).csv'), file('manifest.csv'), file('users.csv', 'Users_2026.CSV'), file('enrollments.csv', 'e.csv')];
    expect(parsed(files).map((c) => c.students.length)).toEqual([3, 2, 1]);
  });

  it('reads the files with a byte-order mark and LF line ends too', () => {
    const files = all().map((f) => ({ ...f, text: `\uFEFF${f.text.replace(/\r\n/g, '\n')}` }));
    expect(parsed(files)[0]!.students).toHaveLength(3);
  });

  it.each([
    ['users.csv', 'Choose users.csv as well'],
    ['enrollments.csv', 'Choose enrollments.csv as well'],
    ['classes.csv', 'Choose classes.csv as well'],
  ])('refuses the set when %s is missing', (missing, message) => {
    const r = parseOneRoster(all().filter((f) => f.name !== missing));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });

  it('refuses a file missing a required column, naming the file and the column', () => {
    const users = file('users.csv');
    const broken = { ...users, text: users.text.replace('givenName,familyName', 'firstName,familyName') };
    const r = parseOneRoster([broken, file('enrollments.csv'), file('classes.csv')]);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('users.csv has no "givenName" column') });
  });

  it('refuses enrollments without the role column', () => {
    const e = file('enrollments.csv');
    const lines = e.text.split('\r\n').map((l) => l.split(',').filter((_, i) => i !== 6).join(','));
    const r = parseOneRoster([file('users.csv'), { name: 'enrollments.csv', text: lines.join('\r\n') }, file('classes.csv')]);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('enrollments.csv has no "role" column') });
  });

  it('refuses two files of the same kind, an unknown file and a broken CSV, naming the file and line', () => {
    expect(parseOneRoster([...all(), file('users.csv', 'users-copy.csv')])).toEqual({ ok: false, message: expect.stringContaining('are both a users.csv') });
    expect(parseOneRoster([...all(), { name: 'photo.csv', text: 'a,b\n1,2' }])).toEqual({ ok: false, message: expect.stringContaining('photo.csv is not a OneRoster') });
    const r = parseOneRoster([file('users.csv'), { name: 'enrollments.csv', text: '<html><body>Session expired</body></html>' }, file('classes.csv')]);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^enrollments.csv: Line 1: this file is a web page/) });
  });
});

describe('planOneRosterImport', () => {
  const p3 = () => parsed(all())[0]!.students;

  it('adds every student to an empty class', () => {
    const plan = planOneRosterImport(p3(), []);
    expect(plan.create.map((s) => s.sourcedId)).toEqual(['u-s1', 'u-s2', 'u-s3']);
    expect(plan.update).toEqual([]);
    expect(plan.problems).toEqual([]);
  });

  it('on a re-import updates a renamed student by sourcedId and leaves the unchanged ones', () => {
    const existing = [
      { id: 'a', firstName: 'Ana', lastName: 'Lopez', sourceId: 'u-s1' },
      { id: 'b', firstName: 'Bao', lastName: 'Nguyen', sourceId: 'u-s2' },
      { id: 'c', firstName: 'ليلى', lastName: 'حداد', sourceId: 'u-s3' },
      { id: 'x', firstName: 'Left', lastName: 'School', sourceId: 'u-s99' },
    ];
    const plan = planOneRosterImport(p3(), existing);
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([{ id: 'a', firstName: 'Ana', lastName: 'López', sourceId: 'u-s1' }]);
    expect(plan.unchanged).toBe(2);
  });

  it('links a student typed in earlier with the same name instead of adding a duplicate', () => {
    const plan = planOneRosterImport(p3(), [{ id: 'typed', firstName: 'bao', lastName: 'NGUYEN', sourceId: null }]);
    expect(plan.update).toEqual([{ id: 'typed', firstName: 'Bao', lastName: 'Nguyen', sourceId: 'u-s2' }]);
    expect(plan.create.map((s) => s.sourcedId)).toEqual(['u-s1', 'u-s3']);
  });

  it('keeps two different district students who share a name', () => {
    const twins = [
      { sourcedId: 'u-1', firstName: 'Sam', lastName: 'Lee', line: 2 },
      { sourcedId: 'u-2', firstName: 'Sam', lastName: 'Lee', line: 3 },
    ];
    expect(planOneRosterImport(twins, []).create).toHaveLength(2);
  });

  it('refuses a student with no first name, naming the line', () => {
    const plan = planOneRosterImport([{ sourcedId: 'u-9', firstName: '', lastName: 'Doe', line: 9 }], []);
    expect(plan.problems).toEqual([expect.stringContaining('users.csv line 9')]);
  });
});
