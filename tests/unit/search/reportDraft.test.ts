// Report-comment drafts: built from the range's evidence, every sentence citing records that exist, in range, not
// deleted and not private; nothing made up when there is no evidence.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { draftSentences, draftText, type DraftInput } from '../../../src/domain/reportDraft';

const D = (s: string) => new Date(`${s}T10:00:00`).getTime();
const base = { deleted: false };

function input(over: Partial<DraftInput> = {}): DraftInput {
  return {
    firstName: 'Maya',
    from: D('2026-10-01'),
    to: D('2026-10-31') + 14 * 3600_000,
    conferences: [
      { id: 'c1', ...base, at: D('2026-10-06'), strengths: 'Strong lead that hooks the reader.', nextStep: 'Add dialogue' },
      { id: 'c2', ...base, at: D('2026-10-20'), strengths: 'uses vivid verbs', nextStep: 'Try a flashback in the middle.' },
      { id: 'c-sept', ...base, at: D('2026-09-20'), strengths: 'September strength', nextStep: 'September step' },
      { id: 'c-del', ...base, deleted: true, at: D('2026-10-21'), strengths: 'deleted strength', nextStep: 'deleted step' },
    ],
    notes: [
      { id: 'n1', ...base, at: D('2026-10-08'), text: 'Read her story aloud to the group', private: false },
      { id: 'n-private', ...base, at: D('2026-10-09'), text: 'worried about home', private: true },
    ],
    goals: [
      { id: 'g1', ...base, text: 'Use paragraphs', setAt: D('2026-09-01'), closedAt: D('2026-10-15') },
      { id: 'g2', ...base, text: 'Add dialogue to show character', setAt: D('2026-10-15'), closedAt: null },
    ],
    goalChecks: [{ id: 'k1', ...base, goalId: 'g1', value: 'yes', at: D('2026-10-14') }],
    marks: [
      { id: 'm1', ...base, at: D('2026-10-02'), objectiveId: 'o1', value: 'x' },
      { id: 'm2', ...base, at: D('2026-10-12'), objectiveId: 'o1', value: 'check' },
      { id: 'm3', ...base, at: D('2026-10-13'), objectiveId: 'o2', value: 'x' },
    ],
    objectiveText: (id) => ({ o1: 'Narrows the focus', o2: 'Uses transitions' })[id],
    ...over,
  };
}

describe('report-comment drafts', () => {
  it('says dated strengths, skills shown, observations, goals met and next steps, citing each', () => {
    const s = draftSentences(input());
    const text = draftText(s);
    expect(text).toMatch(/Maya showed a strength: strong lead that hooks the reader\./);
    expect(text).toMatch(/Maya has shown these skills in class: narrows the focus\./);
    expect(text).toMatch(/Observed on .*: read her story aloud to the group\./);
    expect(text).toMatch(/Maya met the goal "use paragraphs"/);
    expect(text).toMatch(/Next step: try a flashback in the middle\./);
    expect(text).toMatch(/working toward this goal: add dialogue to show character\./);
    expect(text).not.toMatch(/September|deleted|worried|transitions/);
    const cite = (frag: string) => s.find((x) => x.text.includes(frag))!.evidence.map((e) => e.id);
    expect(cite('strong lead')).toEqual(['c1']);
    expect(cite('skills')).toEqual(['m2']);
    expect(cite('met the goal')).toEqual(['g1', 'k1']);
    expect(cite('Next step')).toEqual(['c2']);
  });

  it('makes nothing up when the range has no evidence', () => {
    expect(draftSentences(input({ from: D('2025-01-01'), to: D('2025-02-01') }))).toEqual([]);
  });

  it('cites only records given, live, in range and not private, whatever the records', () => {
    const row = fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), deleted: fc.boolean(), at: fc.integer({ min: 0, max: 100 }) });
    fc.assert(
      fc.property(
        fc.array(fc.record({ r: row, strengths: fc.string(), nextStep: fc.string() })),
        fc.array(fc.record({ r: row, text: fc.string(), private: fc.boolean() })),
        fc.array(fc.record({ r: row, value: fc.constantFrom('x', 'check', null), objectiveId: fc.constantFrom('o1', 'o2') })),
        fc.integer({ min: 0, max: 100 }),
        (cs, ns, ms, from) => {
          const conferences = cs.map((c) => ({ ...c.r, strengths: c.strengths, nextStep: c.nextStep }));
          const notes = ns.map((n) => ({ ...n.r, text: n.text, private: n.private }));
          const marks = ms.map((m) => ({ ...m.r, value: m.value, objectiveId: m.objectiveId }));
          const to = from + 30;
          const ok = new Map<string, { deleted: boolean; at: number; private?: boolean }[]>();
          for (const [kind, rows] of [['conferences', conferences], ['notes', notes], ['marks', marks]] as const) for (const r of rows) ok.set(`${kind}:${r.id}`, [...(ok.get(`${kind}:${r.id}`) ?? []), r]);
          const s = draftSentences(input({ from, to, conferences, notes, marks, goals: [], goalChecks: [] }));
          for (const e of s.flatMap((x) => x.evidence)) {
            const cands = ok.get(`${e.kind}:${e.id}`) ?? [];
            expect(cands.some((r) => !r.deleted && r.at === e.at && r.at >= from && r.at <= to && r.private !== true)).toBe(true);
          }
        },
      ),
    );
  });
});
