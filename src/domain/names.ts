// Student names from pasted text or an import: one per line, "First Last" or "Last, First". Problems are reported per
// line, never silently fixed, so the teacher can correct them before anything is saved. And the one way a name is shown.

export interface ParsedName {
  firstName: string;
  lastName: string;
  /** 1-based line in the pasted text or file. */
  line: number;
}

export interface NameProblem {
  line: number;
  message: string;
}

export interface NameListResult {
  names: ParsedName[];
  problems: NameProblem[];
}

export interface ExistingName {
  firstName: string;
  lastName: string;
  archived?: boolean;
}

/** Longer than any real name: a line this long is a pasted paragraph or a file that is not a list of names. */
/** A student's name as the screens and printouts show it: "First Last", or whichever part there is. */
export function displayName(s: { firstName: string; lastName: string }): string {
  return [s.firstName, s.lastName].filter(Boolean).join(' ');
}

export const MAX_NAME_LENGTH = 100;

/** Collapses runs of whitespace; keeps every character as typed (accents, emoji, right-to-left, even markup). */
export function cleanName(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

export function splitName(raw: string): { firstName: string; lastName: string } {
  const s = cleanName(raw);
  const comma = s.indexOf(',');
  if (comma >= 0) return { lastName: cleanName(s.slice(0, comma)), firstName: cleanName(s.slice(comma + 1)) };
  const space = s.indexOf(' ');
  // Everything after the first word is the family name: "Maria de la Cruz" keeps "de la Cruz" together.
  if (space < 0) return { firstName: s, lastName: '' };
  return { firstName: s.slice(0, space), lastName: s.slice(space + 1) };
}

export function nameKey(n: { firstName: string; lastName: string }): string {
  return `${cleanName(n.firstName)} ${cleanName(n.lastName)}`.normalize('NFC').toLocaleLowerCase();
}

function shown(n: { firstName: string; lastName: string }): string {
  return [n.firstName, n.lastName].filter(Boolean).join(' ');
}

/**
 * Checks names from any source (paste, CSV, OneRoster) the same way: each needs a first name, is not absurdly long,
 * and repeats neither an earlier entry nor a student already in the class (archived ones included, since restoring
 * is the fix). `what` names the position for messages: "Line" for a paste, "Row" for a file.
 */
export function checkNames(
  entries: readonly ParsedName[],
  existing: readonly ExistingName[] = [],
  what = 'Line',
): NameListResult {
  const names: ParsedName[] = [];
  const problems: NameProblem[] = [];
  const seen = new Map<string, number>();
  const inClass = new Map<string, boolean>();
  for (const e of existing) inClass.set(nameKey(e), inClass.get(nameKey(e)) === false ? false : e.archived === true);
  for (const raw of entries) {
    const n = { firstName: cleanName(raw.firstName), lastName: cleanName(raw.lastName), line: raw.line };
    const at = `${what} ${n.line}`;
    if (!n.firstName) {
      const text = n.lastName ? `"${n.lastName}" has no first name` : 'has no name';
      problems.push({ line: n.line, message: `${at}: ${text}. Write it as "First Last" or "Last, First".` });
      continue;
    }
    if (n.firstName.includes(',')) {
      // "Lopez, Ana, 7" is a spreadsheet row pasted whole: guessing which part is the name would be wrong half the time.
      problems.push({ line: n.line, message: `${at}: "${n.lastName}, ${n.firstName}" has more than one comma. Write it as "Last, First".` });
      continue;
    }
    if (n.firstName.length + n.lastName.length > MAX_NAME_LENGTH) {
      problems.push({ line: n.line, message: `${at}: is ${n.firstName.length + n.lastName.length} characters long, too long for a name. Put one name per line.` });
      continue;
    }
    const k = nameKey(n);
    const first = seen.get(k);
    if (first !== undefined) {
      problems.push({ line: n.line, message: `${at}: ${shown(n)} is already on ${what.toLowerCase()} ${first}. Remove one, or add an initial to tell them apart.` });
      continue;
    }
    const archived = inClass.get(k);
    if (archived !== undefined) {
      problems.push({
        line: n.line,
        message: archived
          ? `${at}: ${shown(n)} is an archived student of this class. Restore them under "Archived students" instead.`
          : `${at}: ${shown(n)} is already in this class.`,
      });
      continue;
    }
    seen.set(k, n.line);
    names.push(n);
  }
  return { names, problems };
}

/**
 * Parses a pasted list. Blank lines anywhere are ignored; a line that is only a comma or has no first name is a
 * problem, and so is a name that repeats one in the list or already in the class.
 */
export function parseNameList(text: string, existing: readonly ExistingName[] = []): NameListResult {
  const entries: ParsedName[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((rawLine, i) => {
      if (cleanName(rawLine) === '') return;
      entries.push({ ...splitName(rawLine), line: i + 1 });
    });
  return checkNames(entries, existing, 'Line');
}
