// Fitting notes onto labels with a deterministic measure: the largest readable size, and "(cont.)" labels when a
// note is too long even at the smallest size, with no character lost or added.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONT_MARK, DEFAULT_FIT, estimateMeasure, fitLabel, wrapText, type Measure } from '../../../src/domain/labelFit';

/** Every character half as wide as the font is tall; bold a little wider. */
const measure: Measure = (text, size, bold) => Array.from(text).length * size * (bold ? 0.55 : 0.5);
/** Avery 5160 label in points. */
const BOX = { width: 2.625 * 72, height: 72 };
const inner = { width: BOX.width - 2 * DEFAULT_FIT.padPt, height: BOX.height - 2 * DEFAULT_FIT.padPt };

const squash = (s: string) => s.replace(/\s+/g, '');

describe('wrapText', () => {
  it('wraps at spaces, keeping every line within the width', () => {
    const lines = wrapText('aaaa bbbb cccc dddd', 10 * 5, 10, false, measure);
    expect(lines).toEqual(['aaaa bbbb', 'cccc dddd']);
  });

  it('breaks a word longer than a line into pieces', () => {
    expect(wrapText('abcdefghij', 4 * 5, 10, false, measure)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('gives no lines for empty text and collapses runs of spaces and newlines', () => {
    expect(wrapText('   ', 100, 10, false, measure)).toEqual([]);
    expect(wrapText('a\n\n  b', 100, 10, false, measure)).toEqual(['a b']);
  });
});

describe('fitLabel', () => {
  it('keeps a short note at the largest size on one label', () => {
    const [label, ...more] = fitLabel({ header: 'Ana Lopez · 11/22/26', text: 'Uses dialogue.' }, BOX, measure);
    expect(more).toEqual([]);
    expect(label).toMatchObject({ sizePt: DEFAULT_FIT.maxPt, headerLines: ['Ana Lopez · 11/22/26'], lines: ['Uses dialogue.'], part: 1, parts: 1 });
  });

  it('shrinks the font for a longer note, no lower than the minimum', () => {
    const text = 'Strong lead; rushes the middle of the story and forgets the setting. Try a sketch plan before drafting next time.';
    const labels = fitLabel({ header: 'Bao Nguyen · 11/22/26', text }, BOX, measure);
    expect(labels).toHaveLength(1);
    const size = labels[0]!.sizePt;
    expect(size).toBeLessThan(DEFAULT_FIT.maxPt);
    expect(size).toBeGreaterThanOrEqual(DEFAULT_FIT.minPt);
    // It is the largest size that fits: half a point more would not.
    const bigger = fitLabel({ header: 'Bao Nguyen · 11/22/26', text }, BOX, measure, { ...DEFAULT_FIT, minPt: size + 0.5 });
    expect(bigger.length).toBeGreaterThan(1);
    expect(squash(labels[0]!.lines.join(''))).toBe(squash(text));
  });

  it('continues a note too long for one label on the next, marked (cont.)', () => {
    const text = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const labels = fitLabel({ header: 'Ana Lopez · 11/22/26', text }, BOX, measure);
    expect(labels.length).toBeGreaterThan(1);
    expect(labels[0]!.headerLines.join(' ')).not.toContain(CONT_MARK);
    for (const l of labels.slice(1)) expect(l.headerLines.join(' ')).toContain(`Ana Lopez · 11/22/26 ${CONT_MARK}`);
    expect(labels[0]!.sizePt).toBe(DEFAULT_FIT.minPt);
    labels.forEach((l, i) => expect(l).toMatchObject({ part: i + 1, parts: labels.length }));
    expect(squash(labels.flatMap((l) => l.lines).join(''))).toBe(squash(text));
  });

  it('property: every label fits its box, sizes stay in range, and the text survives whole', () => {
    const word = fc.stringMatching(/^[A-Za-z,.'!?é]{1,40}$/);
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 120 }),
        fc.constantFrom({ width: 2.625 * 72, height: 72 }, { width: (63.5 * 72) / 25.4, height: (38.1 * 72) / 25.4 }),
        fc.constantFrom(measure, estimateMeasure),
        (words, box, m) => {
          const text = words.join(' ');
          const labels = fitLabel({ header: 'Zoë Ødegård · 11/22/26', text }, box, m);
          const w = box.width - 2 * DEFAULT_FIT.padPt;
          const h = box.height - 2 * DEFAULT_FIT.padPt;
          for (const l of labels) {
            expect(l.sizePt).toBeGreaterThanOrEqual(DEFAULT_FIT.minPt);
            expect(l.sizePt).toBeLessThanOrEqual(DEFAULT_FIT.maxPt);
            for (const line of l.lines) expect(m(line, l.sizePt, false)).toBeLessThanOrEqual(w);
            for (const line of l.headerLines) expect(m(line, l.sizePt, true)).toBeLessThanOrEqual(w);
            expect((l.headerLines.length + l.lines.length) * l.sizePt * DEFAULT_FIT.lineHeight).toBeLessThanOrEqual(h + 1e-6);
          }
          expect(squash(labels.flatMap((l) => l.lines).join(''))).toBe(squash(text));
          // Only a note that does not fit at the minimum size is split, and then every label but the last is full size-wise.
          if (labels.length > 1) for (const l of labels.slice(0, -1)) expect(l.sizePt).toBe(DEFAULT_FIT.minPt);
        },
      ),
    );
  });

  it('uses inner width: no line is wider than the label minus its padding', () => {
    const labels = fitLabel({ header: 'A · 1/1/26', text: 'x'.repeat(500) }, BOX, measure);
    for (const l of labels) for (const line of l.lines) expect(measure(line, l.sizePt, false)).toBeLessThanOrEqual(inner.width);
  });
});
