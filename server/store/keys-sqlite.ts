// Keyrings and key shares in the embedded store's file (circulate.db), on a connection of their own.

import Database from 'libsql';
import { join } from 'node:path';
import type { Vault } from '../../src/shared/e2ee';
import type { KeyStore } from './keys';
import { CLASS_TEACHERS_SQL, KEYS_DDL, SHARES_FOR_SQL, toClassTeacher, toReceivedShare } from './keys-sql';

export function openSqliteKeys(dataDir: string): KeyStore {
  const db = new Database(join(dataDir, 'circulate.db'));
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  db.exec(KEYS_DDL('INTEGER'));
  const p = () => '?';
  const stmt = {
    vault: db.prepare('SELECT vault FROM keyrings WHERE teacher_id = ?'),
    putVault: db.prepare('INSERT INTO keyrings (teacher_id, vault, updated_at) VALUES (?, ?, ?) ON CONFLICT (teacher_id) DO UPDATE SET vault = excluded.vault, updated_at = excluded.updated_at'),
    classTeachers: db.prepare(CLASS_TEACHERS_SQL(p)),
    putShare: db.prepare(
      `INSERT INTO key_shares (to_teacher, class_id, key_id, from_teacher, share, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (to_teacher, class_id, key_id) DO UPDATE SET from_teacher = excluded.from_teacher, share = excluded.share, created_at = excluded.created_at`,
    ),
    sharesFor: db.prepare(SHARES_FOR_SQL(p)),
  };
  const readVault = (teacherId: string) => {
    const row = stmt.vault.get(teacherId) as { vault: string } | undefined;
    return row ? (JSON.parse(row.vault) as Vault) : undefined;
  };
  // IMMEDIATE: the write lock is taken before the read, so two tablets' updates cannot both merge the same old vault.
  const update = db.transaction((teacherId: string, merge: (old: Vault | undefined) => Vault, now: number) => {
    const next = merge(readVault(teacherId));
    stmt.putVault.run(teacherId, JSON.stringify(next), now);
    return next;
  });

  return {
    vault: async (teacherId) => readVault(teacherId),
    updateVault: async (teacherId, merge, now) => update.immediate(teacherId, merge, now) as Vault,
    classTeachers: async (classId) => (stmt.classTeachers.all(classId) as { id: string; name: string; vault: string | null }[]).map(toClassTeacher),
    putShare: async (from, to, share, now) => {
      stmt.putShare.run(to, share.classId, share.keyId, from, JSON.stringify(share), now);
    },
    sharesFor: async (teacherId) => (stmt.sharesFor.all(teacherId) as { share: string; id: string; name: string }[]).map(toReceivedShare),
    close: async () => {
      db.close();
    },
  };
}
