// Label geometry against the published sheet specifications: every label's box within 0.01 in of the spec.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AVERY_5160, AVERY_L7160, clampStart, labelBox, labelsPerSheet, pageCss, placeLabels, pointsPerUnit, sheetsNeeded, type SheetSpec } from '../../../src/domain/labels';

const toIn = (spec: SheetSpec, v: number) => (spec.unit === 'in' ? v : v / 25.4);

/** Each label's box written out from the sheet makers' published figures, independent of the spec object. */
function published5160(i: number) {
  const col = i % 3;
  const row = Math.floor(i / 3);
  // Avery 5160: 3/16 in side margin, 1/8 in gap between columns, 1/2 in top margin, no gap between rows.
  return { x: 3 / 16 + col * (2 + 5 / 8 + 1 / 8), y: 1 / 2 + row * 1, width: 2 + 5 / 8, height: 1 };
}
function publishedL7160(i: number) {
  const col = i % 3;
  const row = Math.floor(i / 3);
  // Avery L7160: 63.5 x 38.1 mm labels, 15.15 mm top, 7.25 mm side, 2.54 mm between columns.
  return { x: (7.25 + col * (63.5 + 2.54)) / 25.4, y: (15.15 + row * 38.1) / 25.4, width: 63.5 / 25.4, height: 38.1 / 25.4 };
}

function expectWithin(spec: SheetSpec, i: number, want: { x: number; y: number; width: number; height: number }) {
  const box = labelBox(spec, i);
  for (const k of ['x', 'y', 'width', 'height'] as const) {
    expect(Math.abs(toIn(spec, box[k]) - want[k]), `${spec.id} label ${i + 1} ${k}`).toBeLessThan(0.01);
  }
}

describe('label geometry', () => {
  it('Avery 5160: 30 labels, each box within 0.01 in of the spec', () => {
    expect(labelsPerSheet(AVERY_5160)).toBe(30);
    for (let i = 0; i < 30; i++) expectWithin(AVERY_5160, i, published5160(i));
  });

  it('Avery L7160: 21 labels, each box within 0.01 in of the spec', () => {
    expect(labelsPerSheet(AVERY_L7160)).toBe(21);
    for (let i = 0; i < 21; i++) expectWithin(AVERY_L7160, i, publishedL7160(i));
  });

  it('the corner labels sit where the sheet says, and the sheet is symmetric left to right', () => {
    expect(labelBox(AVERY_5160, 0)).toEqual({ x: 0.1875, y: 0.5, width: 2.625, height: 1 });
    const last = labelBox(AVERY_5160, 29);
    expect(last.y + last.height).toBeCloseTo(10.5, 9);
    expect(AVERY_5160.pageWidth - (last.x + last.width)).toBeCloseTo(0.1875, 9);
    const a4last = labelBox(AVERY_L7160, 20);
    expect(a4last.x).toBeCloseTo(139.33, 2);
    expect(a4last.y).toBeCloseTo(243.75, 2);
  });

  it('every label lies on the page and no two labels overlap', () => {
    for (const spec of [AVERY_5160, AVERY_L7160]) {
      const boxes = Array.from({ length: labelsPerSheet(spec) }, (_, i) => labelBox(spec, i));
      for (const b of boxes) {
        expect(b.x).toBeGreaterThan(0);
        expect(b.y).toBeGreaterThan(0);
        expect(b.x + b.width).toBeLessThan(spec.pageWidth);
        expect(b.y + b.height).toBeLessThanOrEqual(spec.pageHeight);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const apart = a.x + a.width <= b.x + 1e-9 || b.x + b.width <= a.x + 1e-9 || a.y + a.height <= b.y + 1e-9 || b.y + b.height <= a.y + 1e-9;
          expect(apart, `${spec.id} ${i} and ${j}`).toBe(true);
        }
    }
  });

  it('a printer offset moves every label by exactly that much', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 29 }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), (i, x, y) => {
        const plain = labelBox(AVERY_5160, i);
        const moved = labelBox(AVERY_5160, i, { x, y });
        expect(moved.x - plain.x).toBeCloseTo(x, 9);
        expect(moved.y - plain.y).toBeCloseTo(y, 9);
        expect(moved.width).toBe(plain.width);
      }),
    );
  });

  it('refuses a label that is not on the sheet', () => {
    expect(() => labelBox(AVERY_5160, 30)).toThrow(RangeError);
    expect(() => labelBox(AVERY_L7160, -1)).toThrow(RangeError);
    expect(() => labelBox(AVERY_5160, 1.5)).toThrow(RangeError);
  });

  it('starting at label 17 leaves 16 labels blank and continues on the next sheet', () => {
    const places = placeLabels(AVERY_5160, 20, 17);
    expect(places[0]).toEqual({ sheet: 0, index: 16 });
    expect(places[13]).toEqual({ sheet: 0, index: 29 });
    expect(places[14]).toEqual({ sheet: 1, index: 0 });
    expect(sheetsNeeded(AVERY_5160, 20, 17)).toBe(2);
    expect(sheetsNeeded(AVERY_5160, 14, 17)).toBe(1);
    expect(sheetsNeeded(AVERY_5160, 0, 17)).toBe(0);
  });

  it('placements are consecutive, never repeat, and stay on the sheet', () => {
    fc.assert(
      fc.property(fc.constantFrom(AVERY_5160, AVERY_L7160), fc.integer({ min: 0, max: 100 }), fc.integer({ min: -5, max: 40 }), (spec, count, start) => {
        const places = placeLabels(spec, count, start);
        const per = labelsPerSheet(spec);
        expect(places).toHaveLength(count);
        const seen = new Set(places.map((p) => p.sheet * per + p.index));
        expect(seen.size).toBe(count);
        places.forEach((p, i) => {
          expect(p.index).toBeGreaterThanOrEqual(0);
          expect(p.index).toBeLessThan(per);
          expect(p.sheet * per + p.index).toBe(clampStart(spec, start) - 1 + i);
        });
        expect(sheetsNeeded(spec, count, start)).toBe(count === 0 ? 0 : (places.at(-1)?.sheet ?? 0) + 1);
      }),
    );
  });

  it('clamps the start to the sheet', () => {
    expect(clampStart(AVERY_5160, 0)).toBe(1);
    expect(clampStart(AVERY_5160, 99)).toBe(30);
    expect(clampStart(AVERY_L7160, 99)).toBe(21);
    expect(clampStart(AVERY_5160, Number.NaN)).toBe(1);
  });

  it('writes the page CSS and converts units to points', () => {
    expect(pageCss('letter')).toBe('@page { size: letter; margin: 0; }');
    expect(pageCss('a4', '12mm')).toBe('@page { size: A4; margin: 12mm; }');
    expect(pointsPerUnit('in')).toBe(72);
    expect(210 * pointsPerUnit('mm')).toBeCloseTo(595.28, 2);
  });
});
