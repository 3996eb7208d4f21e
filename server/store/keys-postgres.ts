// Keyrings and key shares on PostgreSQL, beside the record store's tables in the same schema.

import pg from 'pg';
import type { Vault } from '../../src/shared/e2ee';
import type { KeyStore } from './keys';
import { CLASS_TEACHERS_SQL, KEYS_DDL, SHARES_FOR_SQL, toClassTeacher, toReceivedShare } from './keys-sql';

export async function openPostgresKeys(databaseUrl: string, schema: string): Promise<KeyStore> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Unsafe schema name: ${schema}`);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3, options: `-c search_path="${schema}"` });
  pool.on('error', () => undefined);
  // IF NOT EXISTS can still race between processes starting together; the loser's error is the table being there.
  await pool.query(KEYS_DDL('BIGINT')).catch((e: { code?: string }) => {
    if (e.code !== '23505' && e.code !== '42P07') throw e;
  });
  const p = (n: number) => `$${n}`;

  return {
    vault: async (teacherId) => {
      const row = (await pool.query('SELECT vault FROM keyrings WHERE teacher_id = $1', [teacherId])).rows[0] as { vault: string } | undefined;
      return row ? (JSON.parse(row.vault) as Vault) : undefined;
    },
    updateVault: async (teacherId, merge, now) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // One update per teacher at a time, including the first, when there is no row yet to lock.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`keyring:${teacherId}`]);
        const row = (await client.query('SELECT vault FROM keyrings WHERE teacher_id = $1', [teacherId])).rows[0] as { vault: string } | undefined;
        const next = merge(row ? (JSON.parse(row.vault) as Vault) : undefined);
        await client.query(
          'INSERT INTO keyrings (teacher_id, vault, updated_at) VALUES ($1, $2, $3) ON CONFLICT (teacher_id) DO UPDATE SET vault = excluded.vault, updated_at = excluded.updated_at',
          [teacherId, JSON.stringify(next), now],
        );
        await client.query('COMMIT');
        return next;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    classTeachers: async (classId) => ((await pool.query(CLASS_TEACHERS_SQL(p), [classId])).rows as { id: string; name: string; vault: string | null }[]).map(toClassTeacher),
    putShare: async (from, to, share, now) => {
      await pool.query(
        `INSERT INTO key_shares (to_teacher, class_id, key_id, from_teacher, share, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (to_teacher, class_id, key_id) DO UPDATE SET from_teacher = excluded.from_teacher, share = excluded.share, created_at = excluded.created_at`,
        [to, share.classId, share.keyId, from, JSON.stringify(share), now],
      );
    },
    sharesFor: async (teacherId) => ((await pool.query(SHARES_FOR_SQL(p), [teacherId])).rows as { share: string; id: string; name: string }[]).map(toReceivedShare),
    close: () => pool.end(),
  };
}
