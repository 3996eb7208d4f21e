// The outbox entry that withdraws a note just made private: the one change of a private note that leaves the device.
import type { FieldMeta } from '../domain/merge';
import { WITHDRAWN_NOTE_FIELDS } from '../shared/records';
import type { Row } from './rows';
import type { OutboxEntry } from './localRecords';

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
