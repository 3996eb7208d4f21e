// Search ranking, accent folding, prefix matching, filters, highlighting, and who may never be found.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fold, highlight, SearchIndex, tokenize } from '../../../src/domain/search';
import { searchDoc } from '../../../src/features/search/searchDocs';
import type { Conference, Note } from '../../../src/shared/records';

const DAY = 86_400_000;
const T0 = new Date('2026-10-01T09:00:00').getTime();

function note(id: string, text: string, over: Partial<Note> = {}, by = 'Ms Lee'): Note {
  const meta = { t: '0000000000001:0000:dev', by };
  return {
    id, deleted: false, _m: { text: meta, private: meta }, classId: 'c1', studentId: 's1', pieceId: null, text, objectiveIds: [], context: null,
    private: false, at: T0, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null, ...over,
  };
}

function indexOf(notes: Note[], me = 'Ms Lee'): SearchIndex {
  const idx = new SearchIndex();
  idx.addNew(notes.map((n) => searchDoc('notes', n, me)).filter((d) => d !== null));
  return idx;
}

const ids = (idx: SearchIndex, q: string, f = {}) => idx.search(q, f).hits.map((h) => h.doc.id);

describe('accent folding', () => {
  it('folds case and accents', () => {
    expect(fold('José')).toBe('jose');
    expect(fold('ÉLODIE')).toBe('elodie');
    expect(fold('Jose\u0301')).toBe('jose');
  });

  it('finds José by Jose and Jose by José, composed or decomposed', () => {
    const idx = indexOf([note('a', 'José read his lead aloud'), note('b', 'Jose\u0301 shared'), note('c', 'Maya wrote dialogue')]);
    expect(ids(idx, 'jose').sort()).toEqual(['a', 'b']);
    expect(ids(idx, 'JOSÉ').sort()).toEqual(['a', 'b']);
  });

  it('folding is idempotent and keeps a word a word', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(fold(fold(s))).toBe(fold(s));
        for (const w of tokenize(s)) expect(tokenize(w)).toEqual([w]);
      }),
    );
  });
});

describe('ranking', () => {
  it('matches prefixes as the teacher types', () => {
    const idx = indexOf([note('a', 'Used dialogue to show the character'), note('b', 'Needs a stronger lead')]);
    for (const q of ['d', 'di', 'dia', 'dialog', 'dialogue']) expect(ids(idx, q)).toEqual(['a']);
  });

  it('puts an exact word above a longer word it begins, and more mentions above one', () => {
    const idx = indexOf([
      note('prefix', 'Leads were strong this week in the piece', { at: T0 + 3 * DAY }),
      note('exact', 'A lead that hooks the reader', { at: T0 }),
      note('twice', 'Lead, lead, lead: she rewrote the lead', { at: T0 - DAY }),
    ]);
    const order = ids(idx, 'lead');
    expect(order[0]).toBe('twice');
    expect(order.indexOf('exact')).toBeLessThan(order.indexOf('prefix'));
  });

  it('breaks a tie by the newer record', () => {
    const idx = indexOf([note('old', 'revised the ending', { at: T0 }), note('new', 'revised the ending', { at: T0 + DAY })]);
    expect(ids(idx, 'ending')).toEqual(['new', 'old']);
  });

  it('needs every word typed', () => {
    const idx = indexOf([note('a', 'dialogue with tags'), note('b', 'dialogue only')]);
    expect(ids(idx, 'dialogue tags')).toEqual(['a']);
  });
});

describe('filters', () => {
  const idx = indexOf([
    note('maya-oct', 'dialogue in her story', { studentId: 'maya', at: new Date('2026-10-14T10:00:00').getTime(), context: 'conference', objectiveIds: ['o1'] }),
    note('maya-nov', 'dialogue again', { studentId: 'maya', at: new Date('2026-11-03T10:00:00').getTime() }),
    note('ben-oct', 'dialogue for Ben', { studentId: 'ben', at: new Date('2026-10-20T10:00:00').getTime() }, 'Mr Diaz'),
    note('other-class', 'dialogue elsewhere', { classId: 'c2' }),
  ]);
  const october = { from: new Date('2026-10-01T00:00:00').getTime(), to: new Date('2026-10-31T23:59:59').getTime() };

  it('by class, student and date range', () => {
    expect(ids(idx, 'dialogue', { classId: 'c1' }).sort()).toEqual(['ben-oct', 'maya-nov', 'maya-oct']);
    expect(ids(idx, 'dialogue', { classId: 'c1', studentId: 'maya', ...october })).toEqual(['maya-oct']);
  });

  it('by tag, objective and author', () => {
    expect(ids(idx, 'dialogue', { tag: 'conference' })).toEqual(['maya-oct']);
    expect(ids(idx, 'dialogue', { objectiveId: 'o1' })).toEqual(['maya-oct']);
    expect(ids(idx, 'dialogue', { by: 'Mr Diaz' })).toEqual(['ben-oct']);
    expect(idx.authors()).toEqual(['Mr Diaz', 'Ms Lee']);
  });

  it('lists what the filters keep, newest first, when no word is typed', () => {
    expect(ids(idx, '', { studentId: 'maya' })).toEqual(['maya-nov', 'maya-oct']);
    expect(ids(idx, '  ', {})).toEqual([]);
  });
});

describe('what is never found', () => {
  it("another teacher's private note, a deleted record, a replaced or emptied one", () => {
    const idx = indexOf([
      note('mine', 'secret plan', { private: true }),
      note('theirs', 'secret plan', { private: true }, 'Mr Diaz'),
      note('gone', 'secret plan', { deleted: true }),
    ]);
    expect(ids(idx, 'secret')).toEqual(['mine']);
    idx.put('notes:mine', searchDoc('notes', note('mine', 'nothing here now'), 'Ms Lee'));
    expect(ids(idx, 'secret')).toEqual([]);
    expect(ids(idx, 'nothing')).toEqual(['mine']);
    idx.put('notes:mine', null);
    expect(ids(idx, 'nothing')).toEqual([]);
  });

  it('indexes every written part of a conference', () => {
    const c: Conference = {
      id: 'k', deleted: false, _m: { strengths: { t: 'x', by: 'Ms Lee' } }, classId: 'c1', studentId: 's1', kind: 'teacher', partnerId: null, pieceId: null,
      objectiveId: 'o2', strengths: 'Vivid verbs', trait: 'Word Choice', nextStep: 'Try a flashback', at: T0, minutes: 3, goalId: null,
    };
    const idx = new SearchIndex();
    idx.addNew([searchDoc('conferences', c, 'Ms Lee')!]);
    for (const q of ['vivid', 'word choice', 'flashback']) expect(ids(idx, q)).toEqual(['k']);
    expect(ids(idx, 'flash', { objectiveId: 'o2', kind: 'conferences' })).toEqual(['k']);
  });
});

describe('highlight', () => {
  it('marks the words whose folded form matched, keeping the text as written', () => {
    const idx = indexOf([note('a', 'José used Dialogue; dialogues too.')]);
    const [hit] = idx.search('jos dialog').hits;
    const spans = highlight('José used Dialogue; dialogues too.', hit!.terms);
    expect(spans.filter((s) => s.hit).map((s) => s.text)).toEqual(['José', 'Dialogue', 'dialogues']);
    expect(spans.map((s) => s.text).join('')).toBe('José used Dialogue; dialogues too.');
  });
});
