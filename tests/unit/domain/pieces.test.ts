// currentPiece: the chosen piece while it is open, else the newest open one, whatever order the rows come in.
import { describe, expect, it } from 'vitest';
import { currentPiece, newestFirst, type PieceLike } from '../../../src/domain/pieces';

const piece = (id: string, startDate: string, extra: Partial<PieceLike> = {}): PieceLike => ({ id, startDate, deleted: false, archived: false, ...extra });

describe('currentPiece', () => {
  const old = piece('a', '2026-09-01');
  const mid = piece('b', '2026-10-01');
  const newest = piece('c', '2026-11-01');

  it('is the newest open piece when nothing was chosen, in any input order', () => {
    expect(currentPiece([old, newest, mid], undefined)).toBe(newest);
    expect(currentPiece([mid, old, newest], null)).toBe(newest);
  });

  it('is the chosen piece while it is open', () => {
    expect(currentPiece([old, mid, newest], 'a')).toBe(old);
  });

  it('falls back to the newest open piece when the chosen one is archived, deleted or unknown', () => {
    expect(currentPiece([piece('a', '2026-09-01', { archived: true }), mid], 'a')).toBe(mid);
    expect(currentPiece([piece('a', '2026-09-01', { deleted: true }), mid], 'a')).toBe(mid);
    expect(currentPiece([old, mid], 'gone')).toBe(mid);
  });

  it('never picks a closed piece, and is null when none is open', () => {
    expect(currentPiece([piece('c', '2026-11-01', { archived: true }), old], undefined)).toBe(old);
    expect(currentPiece([piece('c', '2026-11-01', { deleted: true })], undefined)).toBeNull();
    expect(currentPiece([], 'a')).toBeNull();
  });

  it('breaks a start-date tie by id, the same on every device', () => {
    const x = piece('x', '2026-11-01');
    const y = piece('y', '2026-11-01');
    expect(currentPiece([x, y], undefined)).toBe(y);
    expect(currentPiece([y, x], undefined)).toBe(y);
    expect([x, y].sort(newestFirst)).toEqual([y, x]);
  });

  it('does not reorder the caller\'s array', () => {
    const rows = [old, newest];
    currentPiece(rows, undefined);
    expect(rows).toEqual([old, newest]);
  });
});
