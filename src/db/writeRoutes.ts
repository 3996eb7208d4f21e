// The Repo's write routes: the Writer interface over one route, and the change withdrawing a note made private.
// Kept apart from ./repo so the repo stays small.

import { newId } from '../domain/ids';
import type { FieldMeta } from '../domain/merge';
import type { Row } from './rows';
import { WITHDRAWN_NOTE_FIELDS, type Fields, type TableName } from '../shared/records';
import type { OutboxEntry } from './localRecords';

/** Writes grouped with `transact` land together or not at all (imports are all-or-nothing). */
export interface Writer {
  create<T extends TableName>(table: T, fields: Fields<T>, id?: string): Promise<string>;
  update<T extends TableName>(table: T, id: string, patch: Partial<Fields<T>>): Promise<void>;
  remove(table: TableName, id: string): Promise<void>;
  restore(table: TableName, id: string): Promise<void>;
}

export type WriteRoute = (table: TableName, id: string, patch: Record<string, unknown>, mode: 'create' | 'update') => Promise<void>;

/** A note just made private: the change that withdraws the copy others have (its class, flag and tombstone only). */
export function withdrawal(row: Row): OutboxEntry {
  const fields: Record<string, unknown> = {};
  const meta: Record<string, FieldMeta> = {};
  for (const f of WITHDRAWN_NOTE_FIELDS) {
    const m = row._m?.[f];
    if (m) {
      fields[f] = row[f];
      meta[f] = m;
    }
  }
  return { table: 'notes', id: row.id, fields, meta };
}

/** The four writes over one route: a delete and its undo are tombstone updates, so they sync like any change. */
export function writerOver(write: WriteRoute): Writer {
  return {
    create: (table, fields, id = newId()) => write(table, id, fields as Record<string, unknown>, 'create').then(() => id),
    update: (table, id, patch) => write(table, id, patch as Record<string, unknown>, 'update'),
    remove: (table, id) => write(table, id, { deleted: true }, 'update'),
    restore: (table, id) => write(table, id, { deleted: false }, 'update'),
  };
}
