// Where attachments live: the BlobStore interface, and opening it beside the record store from the same config
// (files under DATA_DIR/blobs with rows in circulate.db, or a bytea table in PostgreSQL). Access is per class.

import type { BlobType } from '../../src/shared/blobs';
import { openPostgresBlobs } from './blobs-postgres';
import { openSqliteBlobs } from './blobs-sqlite';
import type { StoreConfig } from './open';

export interface BlobMeta {
  classId: string;
  sha256: string;
  type: BlobType;
  size: number;
  created: number;
}

/** What a teacher is to a class: one of its teachers, nobody holds it yet, or it is someone else's. */
export type ClassAccess = 'member' | 'unclaimed' | 'other';

export interface BlobPut {
  classId: string;
  sha256: string;
  type: BlobType;
  /** Already checked against sha256 by the caller. */
  bytes: Uint8Array;
}

export interface BlobStore {
  access(teacherId: string, classId: string): Promise<ClassAccess>;
  /**
   * Stores a blob for a class the teacher teaches, making them its owner when no one holds it (as a push does).
   * Durable before it returns. 'forbidden' when the class is someone else's; created false when it was there already.
   */
  put(teacherId: string, blob: BlobPut, now: number): Promise<{ created: boolean; size: number } | 'forbidden'>;
  /** The blob, only if it is stored for that class and the teacher teaches the class. */
  get(teacherId: string, classId: string, sha256: string): Promise<{ type: BlobType; bytes: Uint8Array } | undefined>;
  /** Which of these hashes the class has no blob for (all of them when the class is the teacher's or unclaimed). */
  missing(classId: string, hashes: string[]): Promise<string[]>;
  /** Removes a class's entries for these hashes (the bytes too, once no class holds them): the blobs of a note made
   * private, which the server is not to keep. Unknown hashes are ignored. */
  forget(classId: string, hashes: readonly string[]): Promise<void>;
  /** Drops a copy whose bytes no longer hash to their address (changed on disk): the class then has no such blob, so
   * GET answers 404 and /blobs/missing asks its uploader for it again. The embedded store's file is shared by every
   * class holding the bytes, so all their entries go with it. */
  discard(classId: string, sha256: string): Promise<void>;
  /** Every stored entry, for tests. */
  list(): Promise<BlobMeta[]>;
  close(): Promise<void>;
}

/** Opens the blob store for a config; the record store (openStore) must have been opened on it first. */
export async function openBlobStore(config: StoreConfig): Promise<BlobStore> {
  if (config.databaseUrl) return openPostgresBlobs(config.databaseUrl, config.pgSchema ?? 'public');
  return openSqliteBlobs(config.dataDir ?? 'data');
}
