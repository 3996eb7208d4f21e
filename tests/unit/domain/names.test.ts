// Pasted name lists: both name orders, blank lines, and every problem reported by line before anything is saved.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNames, cleanName, MAX_NAME_LENGTH, nameKey, parseNameList, splitName } from '../../../src/domain/names';

describe('splitName', () => {
  it('understands "First Last" and "Last, First"', () => {
    expect(splitName('Ana Lopez')).toEqual({ firstName: 'Ana', lastName: 'Lopez' });
    expect(splitName('Nguyen, Bao')).toEqual({ firstName: 'Bao', lastName: 'Nguyen' });
    expect(splitName('  de la Cruz ,   Maria  ')).toEqual({ firstName: 'Maria', lastName: 'de la Cruz' });
  });

  it('keeps a multi-word family name together and allows a single name', () => {
    expect(splitName('Maria de la Cruz')).toEqual({ firstName: 'Maria', lastName: 'de la Cruz' });
    expect(splitName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
  });

  it('treats tabs from a spreadsheet paste as spaces', () => {
    expect(splitName('Ana\tLopez')).toEqual({ firstName: 'Ana', lastName: 'Lopez' });
  });
});

describe('parseNameList', () => {
  it('parses a list with CRLF, a byte-order mark and blank lines in the middle', () => {
    const r = parseNameList('\uFEFFAna Lopez\r\n\r\n   \r\nNguyen, Bao\rZoë Ødegård\n');
    expect(r.problems).toEqual([]);
    expect(r.names).toEqual([
      { firstName: 'Ana', lastName: 'Lopez', line: 1 },
      { firstName: 'Bao', lastName: 'Nguyen', line: 4 },
      { firstName: 'Zoë', lastName: 'Ødegård', line: 5 },
    ]);
  });

  it('keeps accents, emoji, right-to-left script and markup exactly as typed', () => {
    const r = parseNameList('<b>Sam</b> O\'Neil\nليلى حداد\nJosé 🌟 Núñez');
    expect(r.problems).toEqual([]);
    expect(r.names.map((n) => [n.firstName, n.lastName])).toEqual([
      ['<b>Sam</b>', "O'Neil"],
      ['ليلى', 'حداد'],
      ['José', '🌟 Núñez'],
    ]);
  });

  it('reports an entry with no first name, naming the line', () => {
    const r = parseNameList('Ana Lopez\nLopez,\n,\nBao Nguyen');
    expect(r.names.map((n) => n.firstName)).toEqual(['Ana', 'Bao']);
    expect(r.problems).toEqual([
      { line: 2, message: expect.stringContaining('Line 2: "Lopez" has no first name') },
      { line: 3, message: expect.stringContaining('Line 3: has no name') },
    ]);
  });

  it('reports a duplicate within the list, whatever its case, spacing, order or Unicode form', () => {
    const r = parseNameList('Ana Lopez\nBao Nguyen\nlopez,  ANA\nZoe\u0308 Ray\nZoë Ray');
    expect(r.names.map((n) => n.line)).toEqual([1, 2, 4]);
    expect(r.problems.map((p) => p.line)).toEqual([3, 5]);
    expect(r.problems[0]!.message).toMatch(/Line 3: ANA lopez is already on line 1/);
  });

  it('reports a name already in the class, and says when that student is archived', () => {
    const r = parseNameList('Ana Lopez\nBao Nguyen\nCy Tran', [
      { firstName: 'Ana', lastName: 'Lopez' },
      { firstName: 'Bao', lastName: 'Nguyen', archived: true },
    ]);
    expect(r.names.map((n) => n.firstName)).toEqual(['Cy']);
    expect(r.problems[0]!.message).toBe('Line 1: Ana Lopez is already in this class.');
    expect(r.problems[1]!.message).toMatch(/Line 2: Bao Nguyen is an archived student.*Restore/);
  });

  it('reports a spreadsheet row pasted whole (more than one comma)', () => {
    const r = parseNameList('Lopez, Ana, 7\nBao Nguyen');
    expect(r.names.map((n) => n.firstName)).toEqual(['Bao']);
    expect(r.problems).toEqual([{ line: 1, message: 'Line 1: "Lopez, Ana, 7" has more than one comma. Write it as "Last, First".' }]);
  });

  it('refuses a line far too long to be a name', () => {
    const r = parseNameList(`Ana Lopez\n${'word '.repeat(40)}`);
    expect(r.names).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 2, message: expect.stringContaining('too long for a name') });
  });

  it('gives nothing and no problem for empty text', () => {
    expect(parseNameList('  \n\n')).toEqual({ names: [], problems: [] });
  });

  it('property: every non-blank line is either a name or a problem, never both, never lost', () => {
    const nameLine = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('Ana Lopez', 'Lopez, Ana', ',', '', '  ', 'Zoë', 'ليلى حداد', '<b>Sam</b>'),
    );
    fc.assert(
      fc.property(fc.array(nameLine, { maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const r = parseNameList(text);
        const nonBlank = text.split(/\r\n|\r|\n/).map((l, i) => ({ l, i: i + 1 })).filter((x) => cleanName(x.l) !== '');
        const seen = [...r.names.map((n) => n.line), ...r.problems.map((p) => p.line)].sort((a, b) => a - b);
        expect(seen).toEqual(nonBlank.map((x) => x.i));
        // No two accepted names are the same student.
        expect(new Set(r.names.map(nameKey)).size).toBe(r.names.length);
        for (const n of r.names) {
          expect(n.firstName).not.toBe('');
          expect(n.firstName.length + n.lastName.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
        }
      }),
    );
  });
});

describe('checkNames', () => {
  it('uses the caller\'s word for the position', () => {
    const r = checkNames([{ firstName: '', lastName: 'Lopez', line: 7 }], [], 'Row');
    expect(r.problems[0]!.message).toMatch(/^Row 7: "Lopez" has no first name/);
  });
});
