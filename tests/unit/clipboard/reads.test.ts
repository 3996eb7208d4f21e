// The clipboard's reads: the grid's cells for one piece, and when each student was last observed.
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { create, remove } from '../../../src/db/write';
import { cellKey, type MarkValue } from '../../../src/domain/marks';
import { lastSeen, pieceLatest } from '../../../src/features/clipboard/reads';

const cell = (studentId: string, objectiveId: string, value: MarkValue, at: number) => ({ classId: 'c1', pieceId: 'p1', studentId, objectiveId, value, at });

describe('pieceLatest', () => {
  it("gives the piece's cells only, each as its latest live tap", async () => {
    const a1 = await create('marks', cell('s1', 'o1', 'x', 1000));
    const a2 = await create('marks', cell('s1', 'o1', 'check', 2000));
    await remove('marks', a2);
    await create('marks', cell('s2', 'o1', 'check', 1500));
    await create('marks', { ...cell('s3', 'o1', 'x', 1), pieceId: 'other' });
    const latest = await pieceLatest(db, 'p1');
    expect(latest.get(cellKey('s1', 'o1'))).toMatchObject({ id: a1, value: 'x', at: 1000 });
    expect(latest.get(cellKey('s2', 'o1'))).toMatchObject({ value: 'check', at: 1500 });
    expect(latest.size).toBe(2);
  });
});

describe('lastSeen', () => {
  it('takes the newest live tap, note or conference per student, stepping back past a deleted newest row', async () => {
    await create('marks', cell('s1', 'o1', 'x', 1000));
    const undone = await create('marks', cell('s1', 'o1', 'check', 5000));
    await remove('marks', undone);
    await create('notes', { classId: 'c1', studentId: 's1', pieceId: 'p1', text: 'n', objectiveIds: [], context: 'independent', private: false, at: 800, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null });
    const later = await create('notes', { classId: 'c1', studentId: 's2', pieceId: 'p1', text: 'n', objectiveIds: [], context: 'independent', private: false, at: 3000, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null });
    await create('marks', cell('s2', 'o1', 'x', 2000));
    let seen = await lastSeen(db, ['s1', 's2', 's3']);
    expect(seen.get('s1')).toBe(1000);
    expect(seen.get('s2')).toBe(3000);
    expect(seen.has('s3')).toBe(false);
    await remove('notes', later);
    seen = await lastSeen(db, ['s2']);
    expect(seen.get('s2')).toBe(2000);
  });
});
