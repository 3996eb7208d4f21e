// The built-in objective library and photo scaling maths.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitWithin } from '../../../src/domain/imageScale';
import { librarySetsFor, newObjectiveTexts, OBJECTIVE_LIBRARY } from '../../../src/domain/objectiveLibrary';

describe('objective library', () => {
  it('has the 6+1 Traits, each with a few concrete objectives', () => {
    const traits = OBJECTIVE_LIBRARY.filter((s) => s.genre === null);
    expect(traits.map((s) => s.objectives[0]!.trait)).toEqual(['Ideas', 'Organization', 'Voice', 'Word Choice', 'Sentence Fluency', 'Conventions', 'Presentation']);
    for (const s of traits) expect(s.objectives.length).toBeGreaterThanOrEqual(3);
    expect(traits[0]!.objectives.map((o) => o.text)).toContain('Adds relevant details');
  });

  it('has Structure / Development / Conventions checklists for narrative, opinion and informational writing', () => {
    for (const genre of ['narrative', 'opinion', 'informational']) {
      const set = OBJECTIVE_LIBRARY.find((s) => s.genre === genre);
      expect(new Set(set?.objectives.map((o) => o.trait))).toEqual(new Set(['Structure', 'Development', 'Conventions']));
      expect(librarySetsFor(genre)[0]).toBe(set);
    }
  });

  it('adds only objectives a piece does not have yet', () => {
    const out = newObjectiveTexts([{ text: 'Uses dialogue' }], [{ text: ' uses  DIALOGUE ' }, { text: 'Adds details' }, { text: 'adds details' }, { text: '  ' }]);
    expect(out).toEqual([{ text: 'Adds details' }]);
  });
});

describe('fitWithin', () => {
  it('scales a tablet photo to 1600 px on its longest side and leaves small images alone', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(() => fitWithin(0, 10)).toThrow();
  });

  it('never exceeds the limit, never enlarges, and keeps the shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20000 }), fc.integer({ min: 1, max: 20000 }), (w, h) => {
        const r = fitWithin(w, h);
        expect(Math.max(r.width, r.height)).toBeLessThanOrEqual(1600);
        expect(r.width).toBeLessThanOrEqual(w);
        expect(r.height).toBeLessThanOrEqual(h);
        expect(r.width).toBeGreaterThanOrEqual(1);
        if (Math.min(r.width, r.height) > 20) expect(Math.abs(r.width / r.height - w / h) / (w / h)).toBeLessThan(0.06);
      }),
    );
  });
});
