// Blob storage on PostgreSQL: one row per (class, hash) holding the bytes (bytea), written in the same transaction
// that claims a new class, so an upload is wholly there once acknowledged, and absent if the process dies first.

import pg from 'pg';
import type { BlobType } from '../../src/shared/blobs';
import type { BlobMeta, BlobStore, ClassAccess } from './blobs';

const DDL = `CREATE TABLE IF NOT EXISTS blobs (class_id TEXT NOT NULL, sha256 TEXT NOT NULL, type TEXT NOT NULL, size INTEGER NOT NULL,
  data BYTEA NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (class_id, sha256))`;

function accessOf(teachers: string[], teacherId: string): ClassAccess {
  if (teachers.length === 0) return 'unclaimed';
  return teachers.includes(teacherId) ? 'member' : 'other';
}

export async function openPostgresBlobs(databaseUrl: string, schema: string): Promise<BlobStore> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Unsafe schema name: ${schema}`);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5, options: `-c search_path="${schema}"` });
  pool.on('error', () => undefined);
  // IF NOT EXISTS can still race between processes starting together; the loser's error is the table being there.
  await pool.query(DDL).catch(async (e: { code?: string }) => {
    if (e.code !== '23505' && e.code !== '42P07') throw e;
  });

  const teachersOf = async (q: pg.Pool | pg.PoolClient, classId: string) =>
    ((await q.query('SELECT teacher_id FROM class_members WHERE class_id = $1', [classId])).rows as Array<{ teacher_id: string }>).map((r) => r.teacher_id);

  return {
    access: async (teacherId, classId) => accessOf(await teachersOf(pool, classId), teacherId),
    put: async (teacherId, blob, now) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // As a push does: the first teacher to name a class no one holds becomes its owner.
        await client.query("INSERT INTO class_members (class_id, teacher_id, role) VALUES ($1, $2, 'owner') ON CONFLICT DO NOTHING", [blob.classId, teacherId]);
        if (accessOf(await teachersOf(client, blob.classId), teacherId) !== 'member') {
          await client.query('ROLLBACK');
          return 'forbidden';
        }
        const ins = await client.query(
          'INSERT INTO blobs (class_id, sha256, type, size, data, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
          [blob.classId, blob.sha256, blob.type, blob.bytes.length, Buffer.from(blob.bytes.buffer, blob.bytes.byteOffset, blob.bytes.byteLength), now],
        );
        const size = Number(((await client.query('SELECT size FROM blobs WHERE class_id = $1 AND sha256 = $2', [blob.classId, blob.sha256])).rows[0] as { size: number }).size);
        await client.query('COMMIT');
        return { created: (ins.rowCount ?? 0) > 0, size };
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    get: async (teacherId, classId, sha256) => {
      const r = await pool.query(
        `SELECT b.type, b.data FROM blobs b JOIN class_members m ON m.class_id = b.class_id AND m.teacher_id = $1
         WHERE b.class_id = $2 AND b.sha256 = $3`,
        [teacherId, classId, sha256],
      );
      const row = r.rows[0] as { type: BlobType; data: Buffer } | undefined;
      return row ? { type: row.type, bytes: row.data } : undefined;
    },
    missing: async (classId, hashes) => {
      const r = await pool.query('SELECT sha256 FROM blobs WHERE class_id = $1 AND sha256 = ANY($2::text[])', [classId, hashes]);
      const have = new Set((r.rows as Array<{ sha256: string }>).map((x) => x.sha256));
      return hashes.filter((h) => !have.has(h));
    },
    forget: async (classId, hashes) => {
      await pool.query('DELETE FROM blobs WHERE class_id = $1 AND sha256 = ANY($2::text[])', [classId, [...hashes]]);
    },
    discard: async (classId, sha256) => {
      await pool.query('DELETE FROM blobs WHERE class_id = $1 AND sha256 = $2', [classId, sha256]);
    },
    list: async () =>
      ((await pool.query('SELECT class_id, sha256, type, size, created_at FROM blobs ORDER BY created_at, class_id, sha256')).rows as Array<Record<string, unknown>>).map(
        (r): BlobMeta => ({ classId: r.class_id as string, sha256: r.sha256 as string, type: r.type as BlobType, size: Number(r.size), created: Number(r.created_at) }),
      ),
    close: () => pool.end(),
  };
}
