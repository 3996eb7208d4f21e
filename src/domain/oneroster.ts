// OneRoster 1.1 CSV as districts export it: users.csv, enrollments.csv and classes.csv. Finds the classes and the
// active students enrolled in each, and plans an import that updates students already imported (by sourcedId).
import { parseCsv, type CsvTable } from './csv';
import { cleanName, nameKey } from './names';

export type OneRosterKind = 'users' | 'enrollments' | 'classes';

export interface OneRosterFile {
  name: string;
  text: string;
}

export interface OneRosterStudent {
  sourcedId: string;
  firstName: string;
  lastName: string;
  /** Line in users.csv, for messages. */
  line: number;
}

export interface OneRosterClass {
  sourcedId: string;
  title: string;
  classCode: string;
  periods: string;
  students: OneRosterStudent[];
  /** Enrollments naming a user that users.csv does not list (or lists as not active): skipped, and said so. */
  unknownUsers: number;
}

export type OneRosterResult = { ok: true; classes: OneRosterClass[] } | { ok: false; message: string };

/** The columns Circulate needs from each file; the OneRoster 1.1 CSV spec has more, which are ignored. */
export const REQUIRED_COLUMNS: Record<OneRosterKind, readonly string[]> = {
  users: ['sourcedId', 'role', 'givenName', 'familyName'],
  enrollments: ['classSourcedId', 'userSourcedId', 'role'],
  classes: ['sourcedId', 'title'],
};

/** Other files of a OneRoster export, which a teacher may pick along with the three: not needed, not an error. */
const OTHER_FILES = ['manifest', 'orgs', 'courses', 'academicsessions', 'demographics', 'categories', 'lineitems', 'results', 'classresources', 'courseresources', 'resources', 'userprofiles', 'roles'];

const baseName = (name: string) => name.toLowerCase().replace(/^.*[\\/]/, '').replace(/\.csv$/, '').replace(/[^a-z]/g, '');

function kindFromName(name: string): OneRosterKind | 'other' | null {
  const b = baseName(name);
  for (const k of ['enrollments', 'classes', 'users'] as const) if (b === k || b.endsWith(k)) return k;
  if (OTHER_FILES.some((o) => b === o || b.endsWith(o))) return 'other';
  return null;
}

function kindFromHeaders(headers: readonly string[]): OneRosterKind | null {
  const h = new Set(headers.map((x) => x.toLowerCase()));
  if (h.has('classsourcedid') && h.has('usersourcedid')) return 'enrollments';
  if (h.has('givenname') && h.has('familyname')) return 'users';
  if (h.has('title') && (h.has('classcode') || h.has('coursesourcedid') || h.has('classtype'))) return 'classes';
  return null;
}

const FILE_NAME: Record<OneRosterKind, string> = { users: 'users.csv', enrollments: 'enrollments.csv', classes: 'classes.csv' };
const WHY: Record<OneRosterKind, string> = {
  users: 'it holds the students\u2019 names',
  enrollments: 'it says which students are in which class',
  classes: 'it lists the classes to choose from',
};

/** Cell access by column name, case-insensitive as district exports vary. */
function columns(table: CsvTable): (row: readonly string[], col: string) => string {
  const index = new Map(table.headers.map((h, i) => [h.trim().toLowerCase(), i]));
  return (row, col) => {
    const i = index.get(col.toLowerCase());
    return i === undefined ? '' : (row[i] ?? '').trim();
  };
}

/** In a bulk export status is blank; in a delta export it is "active" or "tobedeleted". */
const isActive = (status: string) => status === '' || status.toLowerCase() === 'active';

/** Reads the chosen files. Any missing file, missing column or malformed CSV refuses the whole set. */
export function parseOneRoster(files: readonly OneRosterFile[]): OneRosterResult {
  const found = new Map<OneRosterKind, { name: string; table: CsvTable }>();
  for (const f of files) {
    const byName = kindFromName(f.name);
    if (byName === 'other') continue;
    const parsed = parseCsv(f.text);
    if (!parsed.ok) return { ok: false, message: `${f.name}: ${parsed.message}` };
    const kind = kindFromHeaders(parsed.table.headers) ?? byName;
    if (!kind) {
      return { ok: false, message: `${f.name} is not a OneRoster users.csv, enrollments.csv or classes.csv (its header row has none of their columns).` };
    }
    const before = found.get(kind);
    if (before) return { ok: false, message: `${before.name} and ${f.name} are both a ${FILE_NAME[kind]}. Choose one of each file.` };
    found.set(kind, { name: f.name, table: parsed.table });
  }
  for (const kind of ['users', 'enrollments', 'classes'] as const) {
    const file = found.get(kind);
    if (!file) return { ok: false, message: `Choose ${FILE_NAME[kind]} as well: ${WHY[kind]}. Pick users.csv, enrollments.csv and classes.csv together.` };
    const have = new Set(file.table.headers.map((h) => h.trim().toLowerCase()));
    const missing = REQUIRED_COLUMNS[kind].filter((c) => !have.has(c.toLowerCase()));
    if (missing.length) {
      const list = missing.map((c) => `"${c}"`).join(', ');
      return { ok: false, message: `${file.name} has no ${list} column${missing.length > 1 ? 's' : ''} in its header row. Export it again as OneRoster 1.1 CSV.` };
    }
  }
  const users = found.get('users')!.table;
  const enrollments = found.get('enrollments')!.table;
  const classes = found.get('classes')!.table;

  const u = columns(users);
  const students = new Map<string, OneRosterStudent>();
  for (const r of users.rows) {
    if (u(r.cells, 'role').toLowerCase() !== 'student' || !isActive(u(r.cells, 'status'))) continue;
    const sourcedId = u(r.cells, 'sourcedId');
    if (!sourcedId) return { ok: false, message: `${found.get('users')!.name}: Line ${r.line}: a student has no sourcedId.` };
    students.set(sourcedId, { sourcedId, firstName: cleanName(u(r.cells, 'givenName')), lastName: cleanName(u(r.cells, 'familyName')), line: r.line });
  }

  const e = columns(enrollments);
  const byClass = new Map<string, { students: OneRosterStudent[]; unknown: number; seen: Set<string> }>();
  for (const r of enrollments.rows) {
    if (e(r.cells, 'role').toLowerCase() !== 'student' || !isActive(e(r.cells, 'status'))) continue;
    const classId = e(r.cells, 'classSourcedId');
    const entry = byClass.get(classId) ?? { students: [], unknown: 0, seen: new Set<string>() };
    byClass.set(classId, entry);
    const userId = e(r.cells, 'userSourcedId');
    if (entry.seen.has(userId)) continue;
    entry.seen.add(userId);
    const s = students.get(userId);
    if (s) entry.students.push(s);
    else entry.unknown++;
  }

  const c = columns(classes);
  const list: OneRosterClass[] = [];
  for (const r of classes.rows) {
    if (!isActive(c(r.cells, 'status'))) continue;
    const sourcedId = c(r.cells, 'sourcedId');
    const entry = byClass.get(sourcedId);
    list.push({
      sourcedId,
      title: c(r.cells, 'title') || sourcedId,
      classCode: c(r.cells, 'classCode'),
      periods: c(r.cells, 'periods'),
      students: entry?.students ?? [],
      unknownUsers: entry?.unknown ?? 0,
    });
  }
  list.sort((a, b) => a.title.localeCompare(b.title, undefined, { numeric: true }) || a.classCode.localeCompare(b.classCode));
  return { ok: true, classes: list };
}

export interface ExistingStudent {
  id: string;
  firstName: string;
  lastName: string;
  sourceId: string | null;
}

export interface ImportPlan {
  create: OneRosterStudent[];
  /** Students already here: names brought up to date, and a pasted student linked to the district's record. */
  update: { id: string; firstName: string; lastName: string; sourceId: string }[];
  unchanged: number;
  /** Messages that stop the import (a district record with no first name). */
  problems: string[];
}

/**
 * What importing a OneRoster class into a Circulate class does: a student already imported (same sourcedId) gets the
 * district's current name; a student typed in earlier with the same name and no sourcedId is linked rather than
 * duplicated; everyone else is added. Students not in the file are left alone: the teacher archives them.
 */
export function planOneRosterImport(incoming: readonly OneRosterStudent[], existing: readonly ExistingStudent[]): ImportPlan {
  const plan: ImportPlan = { create: [], update: [], unchanged: 0, problems: [] };
  const bySource = new Map(existing.filter((s) => s.sourceId).map((s) => [s.sourceId!, s]));
  const unlinked = new Map<string, ExistingStudent[]>();
  for (const s of existing) if (!s.sourceId) unlinked.set(nameKey(s), [...(unlinked.get(nameKey(s)) ?? []), s]);
  for (const s of incoming) {
    if (!s.firstName) {
      plan.problems.push(`users.csv line ${s.line}: student ${s.sourcedId} has no givenName (first name). Ask the district office to fix it, or add this student by hand.`);
      continue;
    }
    const known = bySource.get(s.sourcedId);
    if (known) {
      if (known.firstName === s.firstName && known.lastName === s.lastName) plan.unchanged++;
      else plan.update.push({ id: known.id, firstName: s.firstName, lastName: s.lastName, sourceId: s.sourcedId });
      continue;
    }
    const sameName = unlinked.get(nameKey(s));
    const match = sameName?.shift();
    if (match) plan.update.push({ id: match.id, firstName: s.firstName, lastName: s.lastName, sourceId: s.sourcedId });
    else plan.create.push(s);
  }
  return plan;
}
