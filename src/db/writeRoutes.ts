// The Repo's write routes: the Writer interface over one route (the withdrawal entry is in ./outboxEntries).
// Kept apart from ./repo so the repo stays small.

import { newId } from '../domain/ids';
import type { Fields, TableName } from '../shared/records';

/** Writes grouped with `transact` land together or not at all (imports are all-or-nothing). */
export interface Writer {
  create<T extends TableName>(table: T, fields: Fields<T>, id?: string): Promise<string>;
  update<T extends TableName>(table: T, id: string, patch: Partial<Fields<T>>): Promise<void>;
  remove(table: TableName, id: string): Promise<void>;
  restore(table: TableName, id: string): Promise<void>;
}

export type WriteRoute = (table: TableName, id: string, patch: Record<string, unknown>, mode: 'create' | 'update') => Promise<void>;

/** The four writes over one route: a delete and its undo are tombstone updates, so they sync like any change. */
export function writerOver(write: WriteRoute): Writer {
  return {
    create: (table, fields, id = newId()) => write(table, id, fields as Record<string, unknown>, 'create').then(() => id),
    update: (table, id, patch) => write(table, id, patch as Record<string, unknown>, 'update'),
    remove: (table, id) => write(table, id, { deleted: true }, 'update'),
    restore: (table, id) => write(table, id, { deleted: false }, 'update'),
  };
}
