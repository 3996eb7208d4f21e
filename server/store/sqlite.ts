// The embedded store: one SQLite file (WAL mode) through libsql's synchronous API, for a school or a single teacher.
// SQLite has one writer at a time, so transactions are queued in-process and sequence numbers follow commit order.

import Database from 'libsql';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { newId } from '../../src/domain/ids';
import { CLASS_DIRECTORY_SQL, toClassDirectory, toClassMembers, toHistory, toPulledRaw, toStored } from './rows';
import { tablesDdl } from './tables';
import type { PushTx, RecordKey, Store, StoredRecord, Teacher } from './types';

const DDL = `${tablesDdl({ int: 'INTEGER', autoKey: 'INTEGER PRIMARY KEY AUTOINCREMENT' })}
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO counters (name, value) VALUES ('seq', 0);
`;

type Row = Record<string, unknown>;

export function openSqliteStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'circulate.db'));
  db.pragma('journal_mode = WAL');
  // FULL: a push is acknowledged only once it would survive a power cut, since the device then forgets it.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Deleted and overwritten values are zeroed in the file, so a plain copy replaced by a sealed one is really gone.
  db.pragma('secure_delete = ON');
  db.exec(DDL);
  // Reads go through a second connection, which sees only committed data while a write transaction is open.
  const rdb = new Database(join(dataDir, 'circulate.db'));
  rdb.pragma('busy_timeout = 5000');

  const read = {
    teacherByHash: rdb.prepare('SELECT id, name FROM teachers WHERE token_hash = ?'),
    // Walks the seq index from the cursor and stops at the limit: the unary + keeps SQLite from planning by scope
    // instead, which read every class record on the server and sorted them on every page, however few were new.
    pull: rdb.prepare(
      `SELECT seq, tbl, id, fields, meta FROM records WHERE seq > ? AND (+scope = ? OR (+scope = '' AND +class_id IN
       (SELECT class_id FROM class_members WHERE teacher_id = ?))) ORDER BY seq LIMIT ?`,
    ),
    history: rdb.prepare(
      'SELECT field, value, t, by_name, teacher_id, client_id, recorded_at FROM field_history WHERE scope = ? AND tbl = ? AND rec_id = ? ORDER BY hid',
    ),
  };

  const stmt = {
    addTeacher: db.prepare('INSERT INTO teachers (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)'),
    teacherById: db.prepare('SELECT id FROM teachers WHERE id = ?'),
    clientHigh: db.prepare('SELECT high FROM clients WHERE teacher_id = ? AND client_id = ?'),
    setClientHigh: db.prepare(
      'INSERT INTO clients (teacher_id, client_id, high) VALUES (?, ?, ?) ON CONFLICT (teacher_id, client_id) DO UPDATE SET high = excluded.high',
    ),
    // Batched reads take their keys as one JSON array, so one prepared statement serves a batch of any size.
    loadRecords: db.prepare(
      'SELECT scope, tbl, id, class_id, fields, meta FROM records WHERE scope = ? AND tbl = ? AND id IN (SELECT value FROM json_each(?))',
    ),
    members: db.prepare('SELECT class_id, teacher_id, role FROM class_members WHERE class_id IN (SELECT value FROM json_each(?))'),
    claim: db.prepare("INSERT INTO class_members (class_id, teacher_id, role) VALUES (?, ?, 'owner') ON CONFLICT DO NOTHING"),
    owner: db.prepare("SELECT teacher_id FROM class_members WHERE class_id = ? AND role = 'owner'"),
    share: db.prepare("INSERT INTO class_members (class_id, teacher_id, role) VALUES (?, ?, 'co-teacher') ON CONFLICT DO NOTHING"),
    nextSeq: db.prepare("UPDATE counters SET value = value + ? WHERE name = 'seq' RETURNING value"),
    upsert: db.prepare(
      `INSERT INTO records (scope, tbl, id, class_id, seq, fields, meta, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (scope, tbl, id) DO UPDATE SET class_id = excluded.class_id, seq = excluded.seq, fields = excluded.fields,
       meta = excluded.meta, updated_at = excluded.updated_at`,
    ),
    history: db.prepare(
      `INSERT INTO field_history (scope, tbl, rec_id, field, value, t, by_name, teacher_id, client_id, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    dropHistory: db.prepare('DELETE FROM field_history WHERE scope = ? AND tbl = ? AND rec_id = ?'),
    classRecords: db.prepare("SELECT scope, tbl, id FROM records WHERE scope = '' AND class_id = ? ORDER BY seq"),
    reseq: db.prepare('UPDATE records SET seq = ? WHERE scope = ? AND tbl = ? AND id = ?'),
    dropClassHistory: db.prepare(
      `DELETE FROM field_history WHERE (scope = ? AND ? = 1) OR (scope = '' AND EXISTS (SELECT 1 FROM records r WHERE r.scope = ''
       AND r.tbl = field_history.tbl AND r.id = field_history.rec_id AND r.class_id IN (SELECT value FROM json_each(?))))`,
    ),
  };

  function takeSeqs(count: number): number {
    const row = stmt.nextSeq.get(count) as { value: number };
    return row.value - count + 1;
  }

  const tx: PushTx = {
    lockClient: async (teacherId, clientId) => (stmt.clientHigh.get(teacherId, clientId) as { high: number } | undefined)?.high ?? 0,
    setClientHigh: async (teacherId, clientId, high) => {
      stmt.setClientHigh.run(teacherId, clientId, high);
    },
    loadRecords: async (keys) => {
      // One query per (scope, table) in the batch, usually one or two, rather than one per record.
      const groups = new Map<string, { scope: string; table: string; ids: string[] }>();
      for (const k of keys) {
        const g = `${k.scope}\u0000${k.table}`;
        const group = groups.get(g);
        if (group) group.ids.push(k.id);
        else groups.set(g, { scope: k.scope, table: k.table, ids: [k.id] });
      }
      const out: StoredRecord[] = [];
      for (const g of groups.values()) {
        for (const r of stmt.loadRecords.all(g.scope, g.table, JSON.stringify(g.ids)) as Row[]) out.push(toStored(r));
      }
      return out;
    },
    classMembers: async (classIds) => {
      if (classIds.length === 0) return new Map();
      return toClassMembers(stmt.members.all(JSON.stringify(classIds)) as Row[]);
    },
    claimClass: async (classId, teacherId) => {
      stmt.claim.run(classId, teacherId);
      return (stmt.owner.get(classId) as { teacher_id: string }).teacher_id;
    },
    writeRecords: async (records, now) => {
      if (records.length === 0) return;
      let seq = takeSeqs(records.length);
      for (const r of records) {
        stmt.upsert.run(r.scope, r.table, r.id, r.classId, seq++, JSON.stringify(r.fields), JSON.stringify(r.meta), now);
      }
    },
    addHistory: async (entries, now) => {
      for (const e of entries) {
        stmt.history.run(e.scope, e.table, e.id, e.field, JSON.stringify(e.value ?? null), e.meta.t, e.meta.by, e.teacherId, e.clientId, now);
      }
    },
    dropHistory: async (keys) => {
      for (const k of keys) stmt.dropHistory.run(k.scope, k.table, k.id);
    },
  };

  // One transaction at a time on the write connection: the API awaits between steps, and a second BEGIN would fail.
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  }

  async function inTransaction<T>(fn: () => Promise<T>): Promise<T> {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn();
      db.exec('COMMIT');
      return result;
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
  }

  // Group commit: pushes arriving together share one COMMIT, and so one fsync (a few ms that block this thread),
  // each inside its own savepoint so a refused push rolls back alone. Nobody hears "done" before the COMMIT.
  interface Pending {
    fn: (tx: PushTx) => Promise<unknown>;
    resolve: (v: unknown) => void;
    reject: (e: unknown) => void;
  }
  let pending: Pending[] = [];

  async function runGroup(group: Pending[]): Promise<void> {
    const settle: Array<() => void> = [];
    try {
      db.exec('BEGIN IMMEDIATE');
      for (const item of group) {
        db.exec('SAVEPOINT push');
        try {
          const result = await item.fn(tx);
          db.exec('RELEASE push');
          settle.push(() => item.resolve(result));
        } catch (e) {
          db.exec('ROLLBACK TO push');
          db.exec('RELEASE push');
          settle.push(() => item.reject(e));
        }
      }
      db.exec('COMMIT');
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const item of group) item.reject(e);
      return;
    }
    for (const s of settle) s();
  }

  function transaction<T>(fn: (tx: PushTx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (pending.length > 1) return;
      // Wait for this turn of the event loop, so requests that arrived with this one join its group.
      setImmediate(() => {
        void exclusive(() => {
          const group = pending;
          pending = [];
          return runGroup(group);
        });
      });
    });
  }

  return {
    kind: 'sqlite',
    addTeacher: (name, tokenHash) =>
      exclusive(async () => {
        const teacher: Teacher = { id: newId(), name };
        stmt.addTeacher.run(teacher.id, name, tokenHash, Date.now());
        return teacher;
      }),
    teacherByTokenHash: async (tokenHash) => {
      const r = read.teacherByHash.get(tokenHash) as Teacher | undefined;
      return r ? { id: r.id, name: r.name } : undefined;
    },
    shareClass: (classId, teacherId) =>
      exclusive(() =>
        inTransaction(async () => {
          if (!stmt.teacherById.get(teacherId)) throw new Error(`No teacher ${teacherId}`);
          if (!stmt.owner.get(classId)) throw new Error(`No class ${classId} on this server`);
          stmt.share.run(classId, teacherId);
          const keys = stmt.classRecords.all(classId) as Array<{ scope: string; tbl: string; id: string }>;
          if (keys.length === 0) return;
          let seq = takeSeqs(keys.length);
          for (const k of keys) stmt.reseq.run(seq++, k.scope, k.tbl, k.id);
        }),
      ),
    transaction,
    dropHistory: (teacherId, classIds, self) =>
      exclusive(async () => {
        const n = Number(stmt.dropClassHistory.run(teacherId, self ? 1 : 0, JSON.stringify(classIds)).changes);
        // The write-ahead log still holds the old pages: fold it into the (zeroed) file and empty it.
        db.pragma('wal_checkpoint(TRUNCATE)');
        return n;
      }),
    pull: async (teacherId, after, limit) => {
      const rows = read.pull.all(after, teacherId, teacherId, limit + 1) as Row[];
      return { records: rows.slice(0, limit).map(toPulledRaw), more: rows.length > limit };
    },
    history: async (key: RecordKey) => (read.history.all(key.scope, key.table, key.id) as Row[]).map((r) => toHistory(key, r)),
    classDirectory: async () => toClassDirectory(rdb.prepare(CLASS_DIRECTORY_SQL).all() as Row[]),
    teachers: async () => rdb.prepare('SELECT id, name FROM teachers ORDER BY name').all() as Teacher[],
    dump: async (table) => rdb.prepare(`SELECT * FROM ${table}`).all() as Row[],
    close: async () => {
      // Let pushes already queued finish (and answer) before the connections go.
      while (pending.length > 0) await new Promise((r) => setImmediate(r));
      await exclusive(async () => {
        if (rdb.open) rdb.close();
        if (db.open) db.close();
      });
    },
  };
}
