// The district store: PostgreSQL, shared by any number of stateless server processes behind a load balancer.
// Row locks serialise pushes that touch the same client or record; sequence numbers are taken under one
// transaction-scoped advisory lock held until commit, so they are visible in order and a pull cursor never skips one.

import pg from 'pg';
import { newId } from '../../src/domain/ids';
import { CLASS_DIRECTORY_SQL, toClassDirectory, toClassMembers, toHistory, toPulledRaw, toStored } from './rows';
import { tablesDdl } from './tables';
import type { PushTx, RecordKey, Store, Teacher } from './types';

const DDL = `CREATE SEQUENCE IF NOT EXISTS record_seq;
${tablesDdl({ int: 'BIGINT', autoKey: 'BIGSERIAL PRIMARY KEY' })}`;

/** Errors after which the whole transaction is simply run again: deadlock, serialization, a racing insert. */
const RETRYABLE = new Set(['40001', '40P01', '23505']);
const MAX_ATTEMPTS = 6;

type Row = Record<string, unknown>;

export interface PostgresOptions {
  /** A schema of its own (created if missing), so test runs and tenants stay apart. */
  schema?: string;
  max?: number;
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Unsafe schema name: ${name}`);
  return `"${name}"`;
}

/** A stable 31-bit key for the sequence lock, different per schema so separate schemas never wait on each other. */
function lockKey(schema: string): number {
  let h = 7;
  for (const ch of schema) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h & 0x7fffffff;
}

export async function openPostgresStore(databaseUrl: string, opts: PostgresOptions = {}): Promise<Store> {
  const schema = opts.schema ?? 'public';
  const ident = quoteIdent(schema);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.max ?? 10, options: `-c search_path=${ident}` });
  // An idle client losing its connection (a PostgreSQL restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const seqLock = lockKey(schema);

  // Several processes may start at once: one migrates while the others wait.
  const setup = await pool.connect();
  try {
    await setup.query('SELECT pg_advisory_lock($1)', [seqLock]);
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${ident}`);
      await setup.query(DDL);
    } finally {
      await setup.query('SELECT pg_advisory_unlock($1)', [seqLock]);
    }
  } finally {
    setup.release();
  }

  async function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (e as { code?: string }).code;
        if (attempt < MAX_ATTEMPTS && code !== undefined && RETRYABLE.has(code)) {
          await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
          continue;
        }
        throw e;
      } finally {
        client.release();
      }
    }
  }

  function txFor(client: pg.PoolClient): PushTx {
    return {
      lockClient: async (teacherId, clientId) => {
        await client.query('INSERT INTO clients (teacher_id, client_id, high) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING', [teacherId, clientId]);
        const r = await client.query('SELECT high FROM clients WHERE teacher_id = $1 AND client_id = $2 FOR UPDATE', [teacherId, clientId]);
        return Number((r.rows[0] as Row).high);
      },
      setClientHigh: async (teacherId, clientId, high) => {
        await client.query('UPDATE clients SET high = $3 WHERE teacher_id = $1 AND client_id = $2', [teacherId, clientId, high]);
      },
      loadRecords: async (keys) => {
        if (keys.length === 0) return [];
        // Sorted, so two pushes locking overlapping records take the locks in the same order.
        const r = await client.query(
          `SELECT r.scope, r.tbl, r.id, r.class_id, r.fields, r.meta FROM records r
           JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(scope, tbl, id) ON r.scope = k.scope AND r.tbl = k.tbl AND r.id = k.id
           ORDER BY r.scope, r.tbl, r.id FOR UPDATE OF r`,
          [keys.map((k) => k.scope), keys.map((k) => k.table), keys.map((k) => k.id)],
        );
        return (r.rows as Row[]).map(toStored);
      },
      classMembers: async (classIds) => {
        if (classIds.length === 0) return new Map();
        const r = await client.query('SELECT class_id, teacher_id, role FROM class_members WHERE class_id = ANY($1::text[])', [classIds]);
        return toClassMembers(r.rows as Row[]);
      },
      claimClass: async (classId, teacherId) => {
        await client.query("INSERT INTO class_members (class_id, teacher_id, role) VALUES ($1, $2, 'owner') ON CONFLICT DO NOTHING", [classId, teacherId]);
        const r = await client.query("SELECT teacher_id FROM class_members WHERE class_id = $1 AND role = 'owner'", [classId]);
        return (r.rows[0] as { teacher_id: string }).teacher_id;
      },
      writeRecords: async (records, now) => {
        if (records.length === 0) return;
        await client.query('SELECT pg_advisory_xact_lock($1)', [seqLock]);
        await client.query(
          `INSERT INTO records (scope, tbl, id, class_id, seq, fields, meta, updated_at)
           SELECT u.scope, u.tbl, u.id, u.class_id, nextval('record_seq'), u.fields, u.meta, $7
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS u(scope, tbl, id, class_id, fields, meta, ord)
           ORDER BY u.ord
           ON CONFLICT (scope, tbl, id) DO UPDATE SET class_id = excluded.class_id, seq = excluded.seq, fields = excluded.fields,
             meta = excluded.meta, updated_at = excluded.updated_at`,
          [
            records.map((r) => r.scope),
            records.map((r) => r.table),
            records.map((r) => r.id),
            records.map((r) => r.classId),
            records.map((r) => JSON.stringify(r.fields)),
            records.map((r) => JSON.stringify(r.meta)),
            now,
          ],
        );
      },
      addHistory: async (entries, now) => {
        if (entries.length === 0) return;
        await client.query(
          `INSERT INTO field_history (scope, tbl, rec_id, field, value, t, by_name, teacher_id, client_id, recorded_at)
           SELECT *, $10::bigint FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
          [
            entries.map((e) => e.scope),
            entries.map((e) => e.table),
            entries.map((e) => e.id),
            entries.map((e) => e.field),
            entries.map((e) => JSON.stringify(e.value ?? null)),
            entries.map((e) => e.meta.t),
            entries.map((e) => e.meta.by),
            entries.map((e) => e.teacherId),
            entries.map((e) => e.clientId),
            now,
          ],
        );
      },
      dropHistory: async (keys) => {
        if (keys.length === 0) return;
        await client.query(
          `DELETE FROM field_history h USING unnest($1::text[], $2::text[], $3::text[]) AS k(scope, tbl, id)
           WHERE h.scope = k.scope AND h.tbl = k.tbl AND h.rec_id = k.id`,
          [keys.map((k) => k.scope), keys.map((k) => k.table), keys.map((k) => k.id)],
        );
      },
    };
  }

  return {
    kind: 'postgres',
    addTeacher: async (name, tokenHash) => {
      const id = newId();
      await pool.query('INSERT INTO teachers (id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)', [id, name, tokenHash, Date.now()]);
      return { id, name };
    },
    teacherByTokenHash: async (tokenHash) => {
      const r = await pool.query('SELECT id, name FROM teachers WHERE token_hash = $1', [tokenHash]);
      const row = r.rows[0] as { id: string; name: string } | undefined;
      return row ? { id: row.id, name: row.name } : undefined;
    },
    shareClass: (classId, teacherId) =>
      withTransaction(async (client) => {
        if ((await client.query('SELECT 1 FROM teachers WHERE id = $1', [teacherId])).rowCount === 0) throw new Error(`No teacher ${teacherId}`);
        const owner = await client.query("SELECT 1 FROM class_members WHERE class_id = $1 AND role = 'owner'", [classId]);
        if (owner.rowCount === 0) throw new Error(`No class ${classId} on this server`);
        await client.query("INSERT INTO class_members (class_id, teacher_id, role) VALUES ($1, $2, 'co-teacher') ON CONFLICT DO NOTHING", [classId, teacherId]);
        await client.query('SELECT pg_advisory_xact_lock($1)', [seqLock]);
        await client.query(
          `UPDATE records r SET seq = n.seq FROM (SELECT scope, tbl, id, nextval('record_seq') AS seq FROM
             (SELECT scope, tbl, id FROM records WHERE scope = '' AND class_id = $1 ORDER BY seq) o) n
           WHERE r.scope = n.scope AND r.tbl = n.tbl AND r.id = n.id`,
          [classId],
        );
      }),
    transaction: (fn) => withTransaction((client) => fn(txFor(client))),
    dropHistory: async (teacherId, classIds, self) => {
      const r = await pool.query(
        `DELETE FROM field_history h WHERE (h.scope = $1 AND $2) OR (h.scope = '' AND EXISTS (SELECT 1 FROM records r WHERE r.scope = ''
         AND r.tbl = h.tbl AND r.id = h.rec_id AND r.class_id = ANY($3::text[])))`,
        [teacherId, self, classIds],
      );
      return r.rowCount ?? 0;
    },
    pull: async (teacherId, after, limit) => {
      const r = await pool.query(
        `SELECT seq, tbl, id, fields, meta FROM records WHERE seq > $1 AND (scope = $2 OR (scope = '' AND class_id IN
         (SELECT class_id FROM class_members WHERE teacher_id = $2))) ORDER BY seq LIMIT $3`,
        [after, teacherId, limit + 1],
      );
      const rows = r.rows as Row[];
      return { records: rows.slice(0, limit).map(toPulledRaw), more: rows.length > limit };
    },
    history: async (key: RecordKey) => {
      const r = await pool.query(
        'SELECT field, value, t, by_name, teacher_id, client_id, recorded_at FROM field_history WHERE scope = $1 AND tbl = $2 AND rec_id = $3 ORDER BY hid',
        [key.scope, key.table, key.id],
      );
      return (r.rows as Row[]).map((row) => toHistory(key, row));
    },
    classDirectory: async () => toClassDirectory((await pool.query(CLASS_DIRECTORY_SQL)).rows as Row[]),
    teachers: async () => (await pool.query('SELECT id, name FROM teachers ORDER BY name')).rows as Teacher[],
    dump: async (table) => (await pool.query(`SELECT * FROM ${table}`)).rows as Row[],
    close: () => pool.end(),
  };
}

/** Drops a schema made for a test run. */
export async function dropPostgresSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}
