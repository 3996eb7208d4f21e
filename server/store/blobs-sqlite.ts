// Embedded blob storage: each blob's bytes in a file DATA_DIR/blobs/<sha256> (one file per hash, whatever the class),
// its (class, hash) entry a row in circulate.db. A file is written to a temp name, fsynced and renamed, and the row
// is added only after that, so a kill at any moment leaves no partial blob and a row always has its whole file.

import Database from 'libsql';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { open, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { isSha256Hex, type BlobType } from '../../src/shared/blobs';
import type { BlobMeta, BlobStore, ClassAccess } from './blobs';

const DDL = `CREATE TABLE IF NOT EXISTS blobs (class_id TEXT NOT NULL, sha256 TEXT NOT NULL, type TEXT NOT NULL, size INTEGER NOT NULL,
  created_at INTEGER NOT NULL, PRIMARY KEY (class_id, sha256))`;

const TMP_PREFIX = '.tmp-';

async function fsyncPath(path: string): Promise<void> {
  const fh = await open(path, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Writes bytes to `path` so that it appears whole or not at all, and stays after a power cut. */
async function writeDurably(dir: string, path: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dir, `${TMP_PREFIX}${randomBytes(8).toString('hex')}`);
  const fh = await open(tmp, 'wx');
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  // The rename itself is only durable once the directory is synced.
  await fsyncPath(dir);
}

export function openSqliteBlobs(dataDir: string): BlobStore {
  const dir = join(dataDir, 'blobs');
  mkdirSync(dir, { recursive: true });
  // Temp files are uploads a killed process never finished: never acknowledged, so nothing is lost removing them.
  for (const name of readdirSync(dir)) if (name.startsWith(TMP_PREFIX)) rmSync(join(dir, name), { force: true });

  // A connection of its own on the record store's file. Its statements run synchronously, between the record
  // store's transactions (those never wait on I/O), and busy_timeout covers a CLI process writing at the same time.
  const db = new Database(join(dataDir, 'circulate.db'));
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  db.exec(DDL);

  const stmt = {
    role: db.prepare('SELECT teacher_id FROM class_members WHERE class_id = ?'),
    claim: db.prepare("INSERT INTO class_members (class_id, teacher_id, role) VALUES (?, ?, 'owner') ON CONFLICT DO NOTHING"),
    insert: db.prepare('INSERT INTO blobs (class_id, sha256, type, size, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
    size: db.prepare('SELECT size FROM blobs WHERE class_id = ? AND sha256 = ?'),
    readable: db.prepare(
      `SELECT b.type FROM blobs b JOIN class_members m ON m.class_id = b.class_id AND m.teacher_id = ?
       WHERE b.class_id = ? AND b.sha256 = ?`,
    ),
    present: db.prepare('SELECT sha256 FROM blobs WHERE class_id = ? AND sha256 IN (SELECT value FROM json_each(?))'),
    forget: db.prepare('DELETE FROM blobs WHERE class_id = ? AND sha256 = ?'),
    discard: db.prepare('DELETE FROM blobs WHERE sha256 = ?'),
    held: db.prepare('SELECT 1 FROM blobs WHERE sha256 = ? LIMIT 1'),
    list: db.prepare('SELECT class_id, sha256, type, size, created_at FROM blobs ORDER BY created_at, class_id, sha256'),
  };

  function access(teacherId: string, classId: string): ClassAccess {
    const teachers = (stmt.role.all(classId) as Array<{ teacher_id: string }>).map((r) => r.teacher_id);
    if (teachers.length === 0) return 'unclaimed';
    return teachers.includes(teacherId) ? 'member' : 'other';
  }

  const fileOf = (sha256: string) => join(dir, sha256);

  return {
    access: async (teacherId, classId) => access(teacherId, classId),
    put: async (teacherId, blob, now) => {
      if (access(teacherId, blob.classId) === 'other') return 'forbidden';
      // The same bytes for another class share the file; a file already there is whole (it was renamed into place).
      const exists = await stat(fileOf(blob.sha256)).then((s) => s.size === blob.bytes.length, () => false);
      if (!exists) await writeDurably(dir, fileOf(blob.sha256), blob.bytes);
      // Claim and entry in one synchronous transaction: no other request runs in between.
      db.exec('BEGIN IMMEDIATE');
      try {
        stmt.claim.run(blob.classId, teacherId);
        if (access(teacherId, blob.classId) !== 'member') {
          db.exec('ROLLBACK');
          return 'forbidden';
        }
        const created = stmt.insert.run(blob.classId, blob.sha256, blob.type, blob.bytes.length, now).changes > 0;
        const size = (stmt.size.get(blob.classId, blob.sha256) as { size: number }).size;
        db.exec('COMMIT');
        return { created, size };
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    },
    get: async (teacherId, classId, sha256) => {
      if (!isSha256Hex(sha256)) return undefined;
      const row = stmt.readable.get(teacherId, classId, sha256) as { type: BlobType } | undefined;
      if (!row) return undefined;
      const bytes = await readFile(fileOf(sha256)).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined;
        throw e;
      });
      // A row whose file went (discarded as damaged while a PUT of the same bytes was recording its row): missing.
      if (!bytes) stmt.discard.run(sha256);
      return bytes && { type: row.type, bytes };
    },
    missing: async (classId, hashes) => {
      const have = new Set((stmt.present.all(classId, JSON.stringify(hashes)) as Array<{ sha256: string }>).map((r) => r.sha256));
      return hashes.filter((h) => !have.has(h));
    },
    forget: async (classId, hashes) => {
      for (const sha of hashes) {
        if (!isSha256Hex(sha)) continue;
        stmt.forget.run(classId, sha);
        // The file is shared by every class holding the same bytes: it goes with the last entry.
        if (!stmt.held.get(sha)) rmSync(fileOf(sha), { force: true });
      }
    },
    discard: async (_classId, sha256) => {
      if (!isSha256Hex(sha256)) return;
      // Rows first: a row always has its whole file, and a file with no row is only ever written over.
      stmt.discard.run(sha256);
      rmSync(fileOf(sha256), { force: true });
    },
    list: async () =>
      (stmt.list.all() as Array<Record<string, unknown>>).map(
        (r): BlobMeta => ({ classId: r.class_id as string, sha256: r.sha256 as string, type: r.type as BlobType, size: Number(r.size), created: Number(r.created_at) }),
      ),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
