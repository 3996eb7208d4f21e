// Where the encryption keyrings live: each teacher's wrapped vault, and class keys shared from one teacher to
// another. The server holds only wrapped keys (docs/e2ee.md); it can route them, never open them.

import type { ReceivedShare, SharedKey, Vault } from '../../src/shared/e2ee';
import { openPostgresKeys } from './keys-postgres';
import { openSqliteKeys } from './keys-sqlite';
import type { StoreConfig } from './open';

export interface ClassTeacher {
  id: string;
  name: string;
  publicJwk: JsonWebKey | null;
}

export interface KeyStore {
  vault(teacherId: string): Promise<Vault | undefined>;
  /** Stores what `merge` makes of the stored vault, one update at a time per teacher; `merge` may throw to refuse. */
  updateVault(teacherId: string, merge: (old: Vault | undefined) => Vault, now: number): Promise<Vault>;
  /** The class's teachers with the public key of their vault; empty when no one holds the class. */
  classTeachers(classId: string): Promise<ClassTeacher[]>;
  /** Keeps (or replaces) the share of one class key for one recipient. */
  putShare(from: string, to: string, share: SharedKey, now: number): Promise<void>;
  /** Shares addressed to the teacher, for classes they still teach. */
  sharesFor(teacherId: string): Promise<ReceivedShare[]>;
  close(): Promise<void>;
}

export async function openKeyStore(config: StoreConfig): Promise<KeyStore> {
  if (config.databaseUrl) return openPostgresKeys(config.databaseUrl, config.pgSchema ?? 'public');
  return openSqliteKeys(config.dataDir ?? 'data');
}
