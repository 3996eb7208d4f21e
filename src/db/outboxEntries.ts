// The outbox entries the write path builds beyond a plain write: a note's withdrawal when it is made private, and a
// restore's entries (only what the file won). Pure, so the rules read in one place.

import type { FieldMeta } from '../domain/merge';
import { fieldsOf, type Row } from './rows';
import { isPrivateNote, WITHDRAWN_NOTE_FIELDS, type TableName } from '../shared/records';
import type { OutboxEntry } from './localRecords';

/** The entry carrying these fields of a row, with their stamps (a field with no stamp is left out). */
function entryOf(table: TableName, row: Row, names: Iterable<string>): OutboxEntry {
  const fields: Record<string, unknown> = {};
  const meta: Record<string, FieldMeta> = {};
  for (const f of names) {
    const m = row._m?.[f];
    if (!m) continue;
    fields[f] = row[f];
    meta[f] = m;
  }
  return { table, id: row.id, fields, meta };
}

/** A note just made private: the change that withdraws the copy others have (its class, flag and tombstone only). */
export function withdrawal(row: Row): OutboxEntry {
  return entryOf('notes', row, WITHDRAWN_NOTE_FIELDS);
}

/** A restore's outbox entries: the fields the file won, or the whole row where a private note was made public. */
export function restoreEntries(table: TableName, merged: Map<string, Row>, won: Map<string, Set<string>>, before: Map<string, Row | undefined>): OutboxEntry[] {
  const entries: OutboxEntry[] = [];
  for (const [id, row] of merged) {
    if (isPrivateNote(table, row)) {
      if (before.get(id) && !isPrivateNote(table, before.get(id))) entries.push(withdrawal(row));
      continue;
    }
    const names = isPrivateNote(table, before.get(id)) ? Object.keys(fieldsOf(row)) : (won.get(id) ?? []);
    entries.push(entryOf(table, row, names));
  }
  return entries;
}
