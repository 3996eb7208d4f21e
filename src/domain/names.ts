// Student names from pasted text: one per line, "First Last" or "Last, First". Problems are reported per line,
// never silently fixed, so the teacher can correct them before anything is saved.

export interface ParsedName {
  firstName: string;
  lastName: string;
  /** 1-based line in the pasted text. */
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

/**
 * Parses a pasted list. Blank lines in between are ignored; a line that is only a comma or has no first name is a
 * problem, and so is a name that repeats one in the list or already in the class.
 */
export function parseNameList(text: string, existing: readonly { firstName: string; lastName: string }[] = []): NameListResult {
  const names: ParsedName[] = [];
  const problems: NameProblem[] = [];
  const seen = new Map<string, number>();
  const inClass = new Set(existing.map(nameKey));
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((rawLine, i) => {
      const line = i + 1;
      if (cleanName(rawLine) === '') return;
      const n = splitName(rawLine);
      if (!n.firstName) {
        problems.push({ line, message: `Line ${line}: "${cleanName(rawLine)}" has no first name. Write it as "First Last" or "Last, First".` });
        return;
      }
      const k = nameKey(n);
      const first = seen.get(k);
      if (first !== undefined) {
        problems.push({ line, message: `Line ${line}: ${n.firstName} ${n.lastName} is already on line ${first}. Remove one, or add an initial to tell them apart.` });
        return;
      }
      if (inClass.has(k)) {
        problems.push({ line, message: `Line ${line}: ${n.firstName} ${n.lastName} is already in this class.` });
        return;
      }
      seen.set(k, line);
      names.push({ ...n, line });
    });
  return { names, problems };
}
