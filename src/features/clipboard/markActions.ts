// A tap on the checklist: a new Mark row every time (history is kept); undo tombstones that tap's row.
import type { MarkValue } from '../../shared/records';
import { newId } from '../../domain/ids';
import { nextValue } from '../../domain/marks';
import { create, remove } from '../../db/write';

export interface Cell {
  classId: string;
  pieceId: string;
  studentId: string;
  objectiveId: string;
}

let lastAt = 0;

/** Tap times strictly increase on this device, so two fast taps never tie on `at`. */
export function tapTime(now = Date.now()): number {
  lastAt = Math.max(now, lastAt + 1);
  return lastAt;
}

/** Stores one tap; `value` is the cell's next state (nextValue of what the teacher saw). Returns the tap's row id. */
export function saveTap(cell: Cell, value: MarkValue, at: number): Promise<string> {
  return create('marks', { ...cell, value, at }, newId(at));
}

export { nextValue };

export function undoTap(markId: string): Promise<void> {
  return remove('marks', markId);
}

export const VALUE_TEXT: Record<'x' | 'check' | 'none', string> = {
  x: 'needs support',
  check: 'secure',
  none: 'not marked',
};

export function valueText(v: MarkValue | undefined): string {
  return v === 'x' ? VALUE_TEXT.x : v === 'check' ? VALUE_TEXT.check : VALUE_TEXT.none;
}
