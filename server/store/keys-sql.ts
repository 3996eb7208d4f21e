// The SQL and row shapes both keyring stores share (SQLite and PostgreSQL differ only in placeholders and int type).

import type { ReceivedShare, SharedKey, Vault } from '../../src/shared/e2ee';
import type { ClassTeacher } from './keys';

export const KEYS_DDL = (int: string) => `CREATE TABLE IF NOT EXISTS keyrings (teacher_id TEXT PRIMARY KEY, vault TEXT NOT NULL, updated_at ${int} NOT NULL);
CREATE TABLE IF NOT EXISTS key_shares (to_teacher TEXT NOT NULL, class_id TEXT NOT NULL, key_id TEXT NOT NULL, from_teacher TEXT NOT NULL,
  share TEXT NOT NULL, created_at ${int} NOT NULL, PRIMARY KEY (to_teacher, class_id, key_id));`;

export const CLASS_TEACHERS_SQL = (p: (n: number) => string) => `SELECT t.id, t.name, k.vault FROM class_members m JOIN teachers t ON t.id = m.teacher_id
  LEFT JOIN keyrings k ON k.teacher_id = t.id WHERE m.class_id = ${p(1)} ORDER BY t.name, t.id`;

export const SHARES_FOR_SQL = (p: (n: number) => string) => `SELECT s.share, t.id, t.name FROM key_shares s JOIN teachers t ON t.id = s.from_teacher
  JOIN class_members m ON m.class_id = s.class_id AND m.teacher_id = s.to_teacher WHERE s.to_teacher = ${p(1)} ORDER BY s.created_at, s.class_id, s.key_id`;

export const toClassTeacher = (r: { id: string; name: string; vault: string | null }): ClassTeacher => ({
  id: r.id,
  name: r.name,
  publicJwk: r.vault ? (JSON.parse(r.vault) as Vault).publicJwk : null,
});

export const toReceivedShare = (r: { share: string; id: string; name: string }): ReceivedShare => ({ from: { id: r.id, name: r.name }, share: JSON.parse(r.share) as SharedKey });

