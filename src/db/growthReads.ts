// Reading the growth timelines (./growth) of one class: one range over the table's [classId+studentId] key.
import { Dexie } from 'dexie';
import { db } from './db';
import type { GrowthRow } from './growth';

export function classTimelines(classId: string): Promise<GrowthRow[]> {
  return db.growth.where('[classId+studentId]').between([classId, Dexie.minKey], [classId, Dexie.maxKey], true, true).toArray();
}
