// Pieces and their objectives, through the write path. A new piece and its first objectives land together.
import { remove, restore, transact, update } from '../../db/write';
import type { Objective } from '../../shared/records';
import { newObjectiveTexts } from '../../domain/objectiveLibrary';

export interface ObjectiveDraft {
  text: string;
  trait: string | null;
}

export interface PieceDraft {
  classId: string;
  title: string;
  genre: string;
  startDate: string;
}

/** What is wrong with a new piece's fields, or null when it can be saved. */
export function pieceProblem(d: Pick<PieceDraft, 'title' | 'startDate'>): string | null {
  if (!d.title.trim()) return 'Give the piece a title, for example "Small moment story".';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.startDate) || Number.isNaN(Date.parse(d.startDate))) return 'Choose the date the piece starts.';
  return null;
}

export function createPiece(d: PieceDraft, objectives: readonly ObjectiveDraft[]): Promise<string> {
  const list = newObjectiveTexts([], objectives);
  return transact(
    async (w) => {
      const pieceId = await w.create('pieces', { classId: d.classId, title: d.title.trim(), genre: d.genre, startDate: d.startDate, lensObjectiveId: null, archived: false });
      for (const [i, o] of list.entries()) await w.create('objectives', { classId: d.classId, pieceId, text: o.text.trim(), trait: o.trait, order: i });
      return pieceId;
    },
    ['pieces', 'objectives'],
  );
}

/** Adds objectives the piece does not have yet; returns how many were added. */
export async function addObjectives(classId: string, pieceId: string, existing: readonly Objective[], wanted: readonly ObjectiveDraft[]): Promise<number> {
  const list = newObjectiveTexts(existing, wanted);
  if (list.length === 0) return 0;
  const start = existing.reduce((m, o) => Math.max(m, o.order + 1), 0);
  await transact(
    async (w) => {
      for (const [i, o] of list.entries()) await w.create('objectives', { classId, pieceId, text: o.text.trim(), trait: o.trait, order: start + i });
    },
    ['objectives'],
  );
  return list.length;
}

/** Swaps an objective with its neighbour, so the grid's columns follow the teacher's order. */
export async function moveObjective(list: readonly Objective[], index: number, by: -1 | 1): Promise<void> {
  const a = list[index];
  const b = list[index + by];
  if (!a || !b) return;
  await transact(
    async (w) => {
      await w.update('objectives', a.id, { order: b.order === a.order ? a.order + by : b.order });
      await w.update('objectives', b.id, { order: a.order });
    },
    ['objectives'],
  );
}

export function removeObjective(id: string): Promise<void> {
  return remove('objectives', id);
}

export function restoreObjective(id: string): Promise<void> {
  return restore('objectives', id);
}

export function setPieceArchived(id: string, archived: boolean): Promise<void> {
  return update('pieces', id, { archived });
}

export function addOwnObjective(classId: string, pieceId: string, existing: readonly Objective[], text: string): Promise<number> {
  return addObjectives(classId, pieceId, existing, [{ text, trait: null }]);
}

