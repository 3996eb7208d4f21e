// Sending a class again as it stands: every field of every record re-stamped and queued, so the next push replaces
// the server's copy everywhere (encryption turned on: the sealed re-send wins over the plain copy by its stamps).

import { fieldsOf, type Row } from './rows';
import type { OutboxEntry } from './localRecords';
import type { CirculateDb } from './schema';
import type { Session } from './session';
import { isPrivateNote, SYNCED_TABLES, type TableName } from '../shared/records';

const TEACHER_TABLES: readonly TableName[] = ['starters', 'settings'];

/** The records a scope covers: a class (its own record and every record naming it), or the teacher's own tables. */
function inScope(table: TableName, row: Row, scope: { classId: string } | 'self'): boolean {
  if (scope === 'self') return TEACHER_TABLES.includes(table);
  if (TEACHER_TABLES.includes(table)) return false;
  return table === 'classes' ? row.id === scope.classId : row.classId === scope.classId;
}

/**
 * Re-stamps and queues every record of the scope in one transaction (values unchanged; private notes stay on the
 * device). Returns how many records were queued.
 */
export async function restampScope(db: CirculateDb, session: Session, scope: { classId: string } | 'self'): Promise<number> {
  await session.ready();
  const tables = SYNCED_TABLES.filter((t) => (scope === 'self') === TEACHER_TABLES.includes(t));
  return db.transaction('rw', [...tables.map((t) => db.table(t)), db.outbox], async () => {
    let queued = 0;
    for (const table of tables) {
      const t = db.table<Row, string>(table);
      const rows = (await t.toArray()).filter((r) => inScope(table, r, scope) && !isPrivateNote(table, r));
      if (rows.length === 0) continue;
      const entries: OutboxEntry[] = [];
      const next = rows.map((row) => {
        const fields = fieldsOf(row);
        const stamp = { t: session.nextStamp(), by: session.author };
        const meta = Object.fromEntries(Object.keys(fields).map((f) => [f, stamp]));
        entries.push({ table, id: row.id, fields, meta });
        return { ...row, _m: { ...(row._m ?? {}), ...meta } };
      });
      await t.bulkPut(next);
      await db.outbox.bulkAdd(entries);
      queued += rows.length;
    }
    return queued;
  });
}
