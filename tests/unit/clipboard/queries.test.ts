// The grid's read of a piece's state from tap ids: undone taps are stepped over, and rows written with other ids
// (by other code or older versions) are read in full, so the result always equals latestMarks over whole rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { create, remove } from '../../../src/db/write';
import { cellKey, latestMarks, tapId, type MarkValueLike } from '../../../src/domain/marks';
import { newId } from '../../../src/domain/ids';
import { lastSeen, pieceLatest } from '../../../src/features/clipboard/queries';

const cell = (studentId: string, objectiveId: string, value: MarkValueLike, at: number) => ({ classId: 'c1', pieceId: 'p1', studentId, objectiveId, value, at });

describe('pieceLatest', () => {
  it('steps back past an undone tap and reads rows whose ids carry nothing', async () => {
    const a1 = await create('marks', cell('s1', 'o1', 'x', 1000), tapId(newId(1000), cell('s1', 'o1', 'x', 1000)));
    const a2 = await create('marks', cell('s1', 'o1', 'check', 2000), tapId(newId(2000), cell('s1', 'o1', 'check', 2000)));
    await remove('marks', a2);
    await create('marks', cell('s2', 'o1', 'check', 1500)); // a plain id
    await create('marks', cell('s2', 'o1', 'x', 900), tapId(newId(900), cell('s2', 'o1', 'x', 900)));
    await create('marks', { ...cell('s3', 'o1', 'x', 1), pieceId: 'other' });
    const latest = await pieceLatest(db, 'p1');
    expect(latest.get(cellKey('s1', 'o1'))).toMatchObject({ id: a1, value: 'x', at: 1000 });
    expect(latest.get(cellKey('s2', 'o1'))).toMatchObject({ value: 'check', at: 1500 });
    expect(latest.size).toBe(2);
  });

  it('always equals the latest live row per cell', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ s: fc.constantFrom('s1', 's2'), o: fc.constantFrom('o1', 'o2'), v: fc.constantFrom<MarkValueLike>('x', 'check', null), undo: fc.boolean(), plain: fc.boolean() }), { maxLength: 12 }),
        async (taps) => {
          await db.marks.clear();
          for (const [i, t] of taps.entries()) {
            const at = 10_000 + i * 10;
            const id = await create('marks', cell(t.s, t.o, t.v, at), t.plain ? undefined : tapId(newId(at), cell(t.s, t.o, t.v, at)));
            if (t.undo) await remove('marks', id);
          }
          const expected = latestMarks(await db.marks.toArray());
          const got = await pieceLatest(db, 'p1');
          expect(new Map([...got].map(([k, m]) => [k, [m.id, m.value, m.at]]))).toEqual(new Map([...expected].map(([k, m]) => [k, [m.id, m.value, m.at]])));
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);
});

describe('lastSeen', () => {
  it('takes the newest live tap, note or conference per student, stepping back past a deleted newest row', async () => {
    await create('marks', cell('s1', 'o1', 'x', 1000), tapId(newId(1000), cell('s1', 'o1', 'x', 1000)));
    const undone = await create('marks', cell('s1', 'o1', 'check', 5000), tapId(newId(5000), cell('s1', 'o1', 'check', 5000)));
    await remove('marks', undone);
    await create('notes', { classId: 'c1', studentId: 's1', pieceId: 'p1', text: 'n', objectiveIds: [], context: 'independent', private: false, at: 800, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null });
    const later = await create('notes', { classId: 'c1', studentId: 's2', pieceId: 'p1', text: 'n', objectiveIds: [], context: 'independent', private: false, at: 3000, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null });
    await create('marks', cell('s2', 'o1', 'x', 2000), tapId(newId(2000), cell('s2', 'o1', 'x', 2000)));
    let seen = await lastSeen(db, ['s1', 's2', 's3']);
    expect(seen.get('s1')).toBe(1000);
    expect(seen.get('s2')).toBe(3000);
    expect(seen.has('s3')).toBe(false);
    await remove('notes', later);
    seen = await lastSeen(db, ['s2']);
    expect(seen.get('s2')).toBe(2000);
  });
});
