// CSV as spreadsheets and student systems write it, and files that only pretend to be CSV.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decodeBytes, guessMapping, mapNames, namesFromCsv, parseCsv, parseCsvBytes, type CsvTable } from '../../../src/domain/csv';

const enc = (s: string) => new TextEncoder().encode(s);
const ok = (text: string): CsvTable => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.message);
  return r.table;
};

describe('parseCsv', () => {
  it('reads a byte-order mark, CRLF and semicolons (Excel in much of Europe)', () => {
    const t = ok('\uFEFFFirst name;Last name\r\nZoë;Ødegård\r\nJosé;Núñez, Jr\r\n');
    expect(t.delimiter).toBe(';');
    expect(t.headers).toEqual(['First name', 'Last name']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['Zoë', 'Ødegård'] },
      { line: 3, cells: ['José', 'Núñez, Jr'] },
    ]);
  });

  it('reads quoted commas, doubled quotes and a line break inside quotes, keeping file line numbers', () => {
    const t = ok('Name,Notes\n"Lopez, Ana","says ""hi"""\n"Nguyen, Bao","two\nlines"\n\nTran Cy,x\n');
    expect(t.rows).toEqual([
      { line: 2, cells: ['Lopez, Ana', 'says "hi"'] },
      { line: 3, cells: ['Nguyen, Bao', 'two\nlines'] },
      { line: 6, cells: ['Tran Cy', 'x'] },
    ]);
  });

  it('reads tab-separated text and a one-column file', () => {
    expect(ok('first\tlast\nAna\tLopez').rows[0]!.cells).toEqual(['Ana', 'Lopez']);
    expect(ok('Student\nAna Lopez\nBao Nguyen').rows.map((r) => r.cells)).toEqual([['Ana Lopez'], ['Bao Nguyen']]);
  });

  it('names blank header cells by position', () => {
    expect(ok('First,,Last\nA,1,B').headers).toEqual(['First', 'Column 2', 'Last']);
  });

  it.each([
    ['', 1, 'The file is empty.'],
    ['\uFEFF  \r\n', 1, 'The file is empty.'],
    ['First,Last\r\n', 1, 'Line 1: the file has a header row but no rows below it.'],
    ['<!DOCTYPE html>\n<html><body>Sign in</body></html>', 1, 'Line 1: this file is a web page (HTML), not CSV'],
    ['\n\n<?xml version="1.0"?><roster/>', 3, 'Line 3: this file is HTML or XML, not CSV'],
    ['{"students":[{"name":"Ana"}]}', 1, 'Line 1: this file is JSON, not CSV'],
    ['[1,2,3]', 1, 'Line 1: this file is JSON, not CSV'],
    ['a,b\nc,d\ne\u0000f,g', 3, 'Line 3: contains binary data'],
    ['First,Last\nAna,Lopez\nBao,"Nguyen\nCy,Tran', 3, 'Line 3: a quoted cell is never closed'],
    ['First,Last\nAna,Lopez\n\nLopez, Ana, Maria', 4, 'Line 4: has 3 cells but the header row has 2 (more than expected)'],
    ['First,Last,Grade\nAna,Lopez,3\nBao,Nguyen', 3, 'Line 3: has 2 cells but the header row has 3 (fewer than expected)'],
  ])('refuses %j at line %i', (text, line, message) => {
    const r = parseCsv(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.line).toBe(line);
    expect(r.message.startsWith(message)).toBe(true);
  });

  it('refuses prose that is not a table, naming the first line that does not fit', () => {
    const r = parseCsv('Dear families,\nThis week we wrote about our summers, and\nshared them');
    expect(r).toMatchObject({ ok: false, line: 3 });
  });

  it('property: any table papaparse writes (commas, quotes, newlines, semicolons, emoji) reads back the same', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Lopez, Ana', 'say "hi"', 'a\nb', 'x;y', 'ليلى', '🌟', '=1+2'));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(',', ';'), fc.constantFrom('\n', '\r\n'), (width, raw, delimiter, newline) => {
        // Header cells are plain words so they are never blank; data rows drop whitespace-only cells' padding as the parser trims.
        const headers = Array.from({ length: width }, (_, i) => `H${i}`);
        const rows = raw.map((r) => r.slice(0, width).map((c) => c.trim().replaceAll('\u0000', '')));
        const nonBlank = rows.filter((r) => r.join('').trim() !== '');
        fc.pre(nonBlank.length > 0);
        const text = Papa.unparse([headers, ...rows], { delimiter, newline, quotes: true });
        const t = ok(text);
        expect(t.headers).toEqual(headers);
        expect(t.rows.map((r) => r.cells)).toEqual(nonBlank.map((r) => r.map((c) => c.trim())));
      }),
      { numRuns: 200 },
    );
  });
});

describe('decodeBytes / parseCsvBytes', () => {
  it('decodes UTF-8 with and without a byte-order mark', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Zoë')]))).toEqual({ ok: true, text: 'Zoë' });
    expect(decodeBytes(enc('José'))).toEqual({ ok: true, text: 'José' });
  });

  it('decodes Windows-1252 (Excel "CSV" on Windows) without losing accents', () => {
    const bytes = new Uint8Array([...enc('First,Last\r\nJos'), 0xe9, ...enc(',N'), 0xfa, 0xf1, ...enc('ez\r\n')]);
    const r = parseCsvBytes(bytes);
    expect(r.ok && r.table.rows[0]!.cells).toEqual(['José', 'Núñez']);
  });

  it('decodes UTF-16 with its byte-order mark (Excel "Unicode text", tab-separated)', () => {
    const text = 'First\tLast\r\nليلى\tحداد\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const r = parseCsvBytes(bytes);
    expect(r.ok && r.table.rows[0]!.cells).toEqual(['ليلى', 'حداد']);
  });

  it.each([
    [[0x50, 0x4b, 0x03, 0x04, 0x14, 0], 'a spreadsheet (.xlsx) or zip file'],
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], 'a PDF'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], 'a picture'],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1], 'an old Excel (.xls) or Word file'],
  ])('refuses binary file %j as %s', (bytes, kind) => {
    const r = parseCsvBytes(new Uint8Array(bytes));
    expect(r).toMatchObject({ ok: false, line: 1 });
    expect(!r.ok && r.message).toContain(kind);
  });

  it('refuses an unknown binary file at the line of its first NUL byte', () => {
    const r = parseCsvBytes(new Uint8Array([...enc('a,b\n1,2\n'), 0x00, 0x01]));
    expect(r).toMatchObject({ ok: false, line: 3 });
  });
});

describe('mapping names', () => {
  it('guesses first/last, full-name and unknown headers', () => {
    expect(guessMapping(['ID', 'Given Name', 'Family Name'])).toEqual({ kind: 'split', first: 1, last: 2 });
    expect(guessMapping(['Last_Name', 'First_Name'])).toEqual({ kind: 'split', first: 1, last: 0 });
    expect(guessMapping(['Grade', 'Student Name'])).toEqual({ kind: 'full', column: 1 });
    expect(guessMapping(['Nom', 'Prénom'])).toEqual({ kind: 'split', first: 1, last: 0 });
    expect(guessMapping(['A', 'B'])).toEqual({ kind: 'split', first: 0, last: 1 });
    expect(guessMapping(['Only'])).toEqual({ kind: 'full', column: 0 });
  });

  it('maps separate columns and a full-name column ("Last, First" understood)', () => {
    const t = ok('id,first,last,name\n1,Ana,Lopez,"Lopez, Ana"\n2,Bao,,Bao Nguyen\n');
    expect(mapNames(t, { kind: 'split', first: 1, last: 2 }).map((n) => [n.firstName, n.lastName])).toEqual([['Ana', 'Lopez'], ['Bao', '']]);
    expect(mapNames(t, { kind: 'split', first: 1, last: null }).map((n) => n.lastName)).toEqual(['', '']);
    expect(mapNames(t, { kind: 'full', column: 3 }).map((n) => [n.firstName, n.lastName, n.line])).toEqual([['Ana', 'Lopez', 2], ['Bao', 'Nguyen', 3]]);
  });

  it('reports missing first names and duplicates by file line, as a paste does', () => {
    const t = ok('First,Last\nAna,Lopez\n,Nguyen\nana,LOPEZ\nCy,Tran\n');
    const r = namesFromCsv(t, { kind: 'split', first: 0, last: 1 }, [{ firstName: 'Cy', lastName: 'Tran' }]);
    expect(r.names.map((n) => n.firstName)).toEqual(['Ana']);
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Line 3: "Nguyen" has no first name/),
      expect.stringMatching(/^Line 4: ana LOPEZ is already on line 2/),
      'Line 5: Cy Tran is already in this class.',
    ]);
  });
});
