// Applies changes from elsewhere (a sync pull or a backup restore) by the same per-field merge the server runs.
// Nothing here enters the outbox: these changes already exist on the server.

import { mergeStamped, maxStamp, type Stamped } from '../domain/merge';
import { db } from './db';
import { isQuotaError, reportStorageError, StorageFullError } from './errors';
import { observeStamp, ready } from './session';
import { SYNCED_TABLES, type LocalRow, type TableName } from './types';

export interface RemoteChange {
  table: TableName;
  id: string;
  fields: Record<string, unknown>;
  meta: Stamped['meta'];
}

type Row = Record<string, unknown> & { id: string; _m?: Stamped['meta'] };

export function toStamped(row: Row): Stamped {
  const { id, _m, ...fields } = row;
  return { id, fields, meta: _m ?? {} };
}

export function fromStamped(s: Stamped): Row {
  return { ...s.fields, id: s.id, _m: s.meta };
}

/**
 * Merges remote changes into the local tables in one transaction, together with any local rows given (the
 * sync cursor), so a pull interrupted half way leaves neither the data nor the cursor half applied.
 */
export async function applyRemote(changes: readonly RemoteChange[], alsoPut: readonly LocalRow[] = []): Promise<number> {
  await ready();
  const tables = [...new Set(changes.map((c) => c.table))].filter((t) => (SYNCED_TABLES as readonly string[]).includes(t));
  let written = 0;
  try {
    await db.transaction('rw', [...tables.map((t) => db.table(t)), db.local], async () => {
      const byTable = new Map<TableName, RemoteChange[]>();
      for (const c of changes) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
      for (const [table, list] of byTable) {
        const t = db.table<Row, string>(table);
        const current = await t.bulkGet(list.map((c) => c.id));
        const merged = new Map<string, Row>();
        list.forEach((c, i) => {
          const base = merged.get(c.id) ?? current[i];
          // A private note is this device's alone; nothing from elsewhere overwrites it.
          if (table === 'notes' && base?.private === true) return;
          const incoming: Stamped = { id: c.id, fields: c.fields, meta: c.meta };
          const next = base ? mergeStamped(toStamped(base), incoming).merged : incoming;
          merged.set(c.id, fromStamped(next));
          const top = maxStamp(incoming);
          if (top) observeStamp(top);
        });
        if (merged.size) await t.bulkPut([...merged.values()]);
        written += merged.size;
      }
      if (alsoPut.length) await db.local.bulkPut([...alsoPut]);
    });
  } catch (e) {
    if (isQuotaError(e)) {
      const err = new StorageFullError(e);
      reportStorageError(err);
      throw err;
    }
    throw e;
  }
  return written;
}
