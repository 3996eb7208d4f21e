// CSV files as teachers and districts produce them (Excel, Google Sheets, SIS exports): decoded, parsed with papaparse
// and checked, so a file that is not really CSV is refused with the line and the problem before anything is imported.
import Papa from 'papaparse';
import { checkNames, splitName, type ExistingName, type NameListResult, type ParsedName } from './names';

export interface CsvRow {
  /** 1-based line in the file where this row starts (a quoted cell may span lines). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
  delimiter: string;
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; line: number; message: string };

const fail = (line: number, message: string): CsvResult => ({ ok: false, line, message });

function startsWith(bytes: Uint8Array, ...sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Binary formats a teacher may pick by mistake, told apart by their first bytes. */
function binaryKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'a spreadsheet (.xlsx) or zip file';
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return 'an old Excel (.xls) or Word file';
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return 'a PDF';
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || startsWith(bytes, 0xff, 0xd8, 0xff) || startsWith(bytes, 0x47, 0x49, 0x46)) return 'a picture';
  return null;
}

function lineOf(text: string, index: number): number {
  return 1 + countBreaks(text, 0, index);
}

/**
 * Text from a file's bytes: UTF-8 (with or without a byte-order mark), UTF-16 with its mark (Excel's "Unicode text"),
 * and otherwise Windows-1252, which is what Excel on Windows writes for "CSV" and would turn "José" into "Jos�".
 */
export function decodeBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number; message: string } {
  if (startsWith(bytes, 0xff, 0xfe)) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (startsWith(bytes, 0xfe, 0xff)) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const kind = binaryKind(bytes);
  if (kind) return { ok: false, line: 1, message: `Line 1: this file is ${kind}, not CSV. In your spreadsheet choose "Save as" or "Download" and pick CSV.` };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    let line = 1;
    for (let i = 0; i < nul; i++) if (bytes[i] === 10) line++;
    return { ok: false, line, message: `Line ${line}: contains binary data, so this is not a text (CSV) file. Export the list as CSV and choose that file.` };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes) };
  }
}

/** What a non-CSV text file looks like from its first character. */
function notCsvKind(text: string): { index: number; kind: string } | null {
  const m = /\S/.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index, m.index + 200).toLowerCase();
  if (m[0] === '<') return { index: m.index, kind: rest.startsWith('<!doctype html') || rest.startsWith('<html') ? 'a web page (HTML)' : 'HTML or XML' };
  if (m[0] === '{' || m[0] === '[') return { index: m.index, kind: 'JSON' };
  return null;
}

/**
 * Parses CSV text with a header row. Handles a byte-order mark, CRLF or LF, quoted cells (with commas, quotes and line
 * breaks inside) and comma, semicolon or tab delimiters, detected from the file. Refuses, naming the line: an empty
 * file, a header with no rows, HTML, JSON, binary data, an unclosed quote, and a row whose number of cells differs from
 * the header's (the sign of a name with an unquoted comma, or of a file that is not a table).
 */
export function parseCsv(text: string): CsvResult {
  const src = text.replace(/^\uFEFF/, '');
  if (src.trim() === '') return fail(1, 'The file is empty.');
  const nul = src.indexOf('\u0000');
  if (nul >= 0) {
    const line = lineOf(src, nul);
    return fail(line, `Line ${line}: contains binary data, so this is not a text (CSV) file. Export the list as CSV and choose that file.`);
  }
  const kind = notCsvKind(src);
  if (kind) {
    const line = lineOf(src, kind.index);
    return fail(line, `Line ${line}: this file is ${kind.kind}, not CSV. Export the list from your spreadsheet or student system as CSV.`);
  }

  const records: CsvRow[] = [];
  let problem: { line: number; message: string } | null = null;
  let pos = 0;
  let line = 1;
  let delimiter = ',';
  Papa.parse<string[]>(src, {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
    step: (res, parser) => {
      delimiter = res.meta.delimiter;
      // Papa reports where a record ends, not where it starts: walk over the break and any blank lines it skipped.
      const skipped = skipToRecord(src, pos, delimiter);
      const rowLine = line + skipped.breaks;
      line = rowLine + countBreaks(src, skipped.pos, res.meta.cursor);
      pos = res.meta.cursor;
      const err = res.errors.find((e) => e.code !== 'UndetectableDelimiter');
      if (err && !problem) {
        problem = {
          line: rowLine,
          message:
            err.code === 'MissingQuotes'
              ? `Line ${rowLine}: a quoted cell is never closed (a " without its partner). Fix the quotes or export the file again.`
              : `Line ${rowLine}: the quotes are not valid CSV (${err.message}).`,
        };
        parser.abort();
        return;
      }
      records.push({ line: rowLine, cells: res.data.map((c) => c.trim()) });
    },
  });
  if (problem) return { ok: false, ...(problem as { line: number; message: string }) };
  const [head, ...rows] = records;
  if (!head) return fail(1, 'The file is empty.');
  const headers = head.cells.map((h, i) => h || `Column ${i + 1}`);
  if (rows.length === 0) return fail(head.line, `Line ${head.line}: the file has a header row but no rows below it.`);
  for (const r of rows) {
    if (r.cells.length !== headers.length) {
      const what = r.cells.length > headers.length ? 'more' : 'fewer';
      return fail(
        r.line,
        `Line ${r.line}: has ${r.cells.length} cells but the header row has ${headers.length} (${what} than expected). A name with a comma must be in quotes, like "Lopez, Ana".`,
      );
    }
  }
  return { ok: true, table: { headers, rows, delimiter } };
}

const BREAK = /\r\n|\r|\n/y;

/** From the end of one record to the start of the next: its line break, then any blank lines. */
function skipToRecord(text: string, from: number, delimiter: string): { pos: number; breaks: number } {
  let pos = from;
  let breaks = 0;
  const eat = (): boolean => {
    BREAK.lastIndex = pos;
    if (!BREAK.exec(text)) return false;
    pos = BREAK.lastIndex;
    breaks++;
    return true;
  };
  if (pos > 0) eat();
  for (;;) {
    const m = /\r|\n/.exec(text.slice(pos));
    if (!m) break;
    const content = text.slice(pos, pos + m.index);
    if (content.replace(/"/g, '').split(delimiter).join('').trim() !== '') break;
    pos += m.index;
    eat();
  }
  return { pos, breaks };
}

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

export function parseCsvBytes(bytes: Uint8Array): CsvResult {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return decoded;
  return parseCsv(decoded.text);
}

/** How the teacher says where names are: separate first and last name columns, or one column with full names. */
export type NameMapping = { kind: 'split'; first: number; last: number | null } | { kind: 'full'; column: number };

const norm = (h: string) => h.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
const FIRST = ['firstname', 'first', 'givenname', 'given', 'forename', 'preferredname', 'prenom', 'nombre'];
const LAST = ['lastname', 'last', 'familyname', 'family', 'surname', 'nom', 'apellido', 'apellidos'];
const FULL = ['name', 'fullname', 'studentname', 'student', 'names', 'studentfullname'];

/** A first guess from the header names; the teacher confirms or changes it in the preview. */
export function guessMapping(headers: readonly string[]): NameMapping {
  const find = (keys: string[]) => headers.findIndex((h) => keys.includes(norm(h)));
  const first = find(FIRST);
  const last = find(LAST);
  if (first >= 0) return { kind: 'split', first, last: last >= 0 ? last : null };
  const full = find(FULL);
  if (full >= 0) return { kind: 'full', column: full };
  return headers.length >= 2 ? { kind: 'split', first: 0, last: 1 } : { kind: 'full', column: 0 };
}

/** The names a mapping takes from the rows, before checking. */
export function mapNames(table: CsvTable, mapping: NameMapping): ParsedName[] {
  return table.rows.map((r) => {
    if (mapping.kind === 'full') return { ...splitName(r.cells[mapping.column] ?? ''), line: r.line };
    return { firstName: r.cells[mapping.first] ?? '', lastName: mapping.last === null ? '' : (r.cells[mapping.last] ?? ''), line: r.line };
  });
}

/** Names from a CSV table by the teacher's mapping, checked like a paste (first name needed, no repeats). */
export function namesFromCsv(table: CsvTable, mapping: NameMapping, existing: readonly ExistingName[] = []): NameListResult {
  return checkNames(mapNames(table, mapping), existing, 'Line');
}
