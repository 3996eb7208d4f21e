// The growth feature's writes, all through the one write path: a level rating is a new row (so the chart keeps every
// rating) and undoing it is a tombstone; the level names are a teacher setting.
import { create, remove, update } from '../../db/write';
import { db } from '../../db/db';
import { isLevel, type Level } from '../../domain/growth';
import { LEVEL_NAMES_SETTING } from './reads';

export interface RatingInput {
  classId: string;
  studentId: string;
  trait: string;
  level: Level;
  pieceId?: string | null;
  conferenceId?: string | null;
}

export function rateTrait(r: RatingInput, now = Date.now()): Promise<string> {
  if (!isLevel(r.level)) return Promise.reject(new Error('A level must be 0 to 3'));
  const trait = r.trait.trim();
  if (!trait) return Promise.reject(new Error('Choose a trait to rate'));
  return create('ratings', { classId: r.classId, studentId: r.studentId, trait, level: r.level, at: now, pieceId: r.pieceId ?? null, conferenceId: r.conferenceId ?? null });
}

export function undoRating(id: string): Promise<void> {
  return remove('ratings', id);
}

/** Saves the teacher's names for the four levels; a blank name keeps the default. */
export async function saveLevelNames(names: readonly string[]): Promise<void> {
  const value = names.map((n) => n.trim().slice(0, 40));
  const existing = await db.settings.get(LEVEL_NAMES_SETTING);
  if (existing) await update('settings', LEVEL_NAMES_SETTING, { value });
  else await create('settings', { value }, LEVEL_NAMES_SETTING);
}
