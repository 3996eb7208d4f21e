// What the end-to-end encryption tests read and break on the server: every byte of its store (every file under its
// data directory, or every PostgreSQL table), and one stored ciphertext or blob changed as a hostile server might.
import Database from 'libsql';
import pg from 'pg';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestServer } from '../../server/testing';
import { BlobQueueStore } from '../../src/db/blobQueue';
import { appendChunk, finishMemo, sha256Hex, startMemo } from '../../src/db/memos';
import type { Repo } from '../../src/db/repo';
import type { MemoRef, PhotoRef } from '../../src/shared/blobs';

/** Every file under a directory, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A PostgreSQL value as text: bytea (a Buffer) as its raw bytes, so a search for bytes finds them. */
const cellText = (v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : JSON.stringify(v));

/**
 * Every byte the server keeps: every file under its data directory (the SQLite file and its WAL, and the embedded
 * store's blob files), or every row of every table of the PostgreSQL schema (bytea as raw bytes).
 */
export async function storeText(server: TestServer): Promise<string> {
  if (server.dataDir) {
    if (!existsSync(server.dataDir)) return '';
    return filesUnder(server.dataDir)
      .map((f) => readFileSync(f).toString('latin1'))
      .join('\n');
  }
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    const tables = (await c.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [server.pgSchema])).rows as { table_name: string }[];
    const out: string[] = [];
    for (const t of tables) {
      const rows = (await c.query(`SELECT * FROM "${server.pgSchema}"."${t.table_name}"`)).rows as Record<string, unknown>[];
      for (const row of rows) out.push(Object.values(row).map(cellText).join('\t'));
    }
    return out.join('\n');
  } finally {
    await c.end();
  }
}

/** Whether a run of these bytes is in the store's text: raw, as hex, or as base64 (however a store might keep it). */
export function holdsBytes(text: string, bytes: Uint8Array): boolean {
  const run = Buffer.from(bytes.subarray(0, 48));
  return [run.toString('latin1'), run.toString('hex'), run.toString('base64')].some((form) => text.includes(form));
}

/** Changes one byte of a stored blob (the embedded store's file, or its PostgreSQL row), as a hostile server might. */
export async function tamperBlob(server: TestServer, sha256: string): Promise<void> {
  const flip = (b: Buffer) => {
    const out = Buffer.from(b);
    out[40] = out[40]! ^ 0x01;
    return out;
  };
  if (server.dataDir) {
    const file = join(server.dataDir, 'blobs', sha256);
    writeFileSync(file, flip(readFileSync(file)));
    return;
  }
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    const row = (await c.query(`SELECT data FROM "${server.pgSchema}".blobs WHERE sha256 = $1`, [sha256])).rows[0] as { data: Buffer };
    await c.query(`UPDATE "${server.pgSchema}".blobs SET data = $1 WHERE sha256 = $2`, [flip(row.data), sha256]);
  } finally {
    await c.end();
  }
}

/**
 * Changes one character of a stored field's ciphertext, as a hostile or broken server might. A field stored as a
 * reference to its seal group's seal (SameSeal) has the seal it names changed.
 */
export async function tamper(server: TestServer, id: string, field: string): Promise<void> {
  const flip = (fieldsJson: string) => {
    const fields = JSON.parse(fieldsJson) as Record<string, { c: string; same?: string }>;
    const at = fields[field]!.same ?? field;
    const c = fields[at]!.c;
    fields[at]!.c = c.slice(0, 20) + (c[20] === 'A' ? 'B' : 'A') + c.slice(21);
    return JSON.stringify(fields);
  };
  if (server.dataDir) {
    const db = new Database(join(server.dataDir, 'circulate.db'));
    const row = db.prepare('SELECT fields FROM records WHERE id = ?').get(id) as { fields: string };
    db.prepare('UPDATE records SET fields = ? WHERE id = ?').run(flip(row.fields), id);
    db.close();
    return;
  }
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    const row = (await c.query(`SELECT fields FROM "${server.pgSchema}".records WHERE id = $1`, [id])).rows[0] as { fields: string };
    await c.query(`UPDATE "${server.pgSchema}".records SET fields = $1 WHERE id = $2`, [flip(row.fields), id]);
  } finally {
    await c.end();
  }
}

/** A photo's bytes (random, standing for a re-encoded JPEG) kept and named on the note, as attachPhoto does. */
export async function photoOn(t: { repo: Repo }, noteId: string): Promise<{ ref: PhotoRef; bytes: Uint8Array }> {
  const bytes = crypto.getRandomValues(new Uint8Array(40_000));
  const blob = new Blob([bytes], { type: 'image/jpeg' });
  const sha256 = await sha256Hex(blob);
  await t.repo.db.blobs.put({ sha256, blob, type: 'image/jpeg', size: blob.size, createdAt: Date.now() });
  const ref: PhotoRef = { sha256, type: 'image/jpeg', size: blob.size, width: 1200, height: 1600 };
  await t.repo.update('notes', noteId, { photo: ref, photoId: null });
  await new BlobQueueStore(t.repo.db).enqueue('notes', [noteId]);
  return { ref, bytes };
}

/** A voice memo recorded on the note in two chunks, through the recorder's own save path. */
export async function memoOn(t: { repo: Repo }, noteId: string): Promise<{ ref: MemoRef; bytes: Uint8Array }> {
  const chunks = [crypto.getRandomValues(new Uint8Array(6_000)), crypto.getRandomValues(new Uint8Array(6_000))];
  chunks[0]!.set([0x1a, 0x45, 0xdf, 0xa3]);
  const memoId = await startMemo({ table: 'notes', id: noteId }, 'audio/webm', Date.now(), t.repo);
  for (const [i, c] of chunks.entries()) await appendChunk(memoId, i, new Blob([c], { type: 'audio/webm' }), Date.now() + 500 * (i + 1), t.repo);
  const ref = (await finishMemo(memoId, 1000, t.repo))!;
  return { ref, bytes: new Uint8Array([...chunks[0]!, ...chunks[1]!]) };
}

export async function bytesOn(t: { repo: Repo }, sha256: string): Promise<Uint8Array | undefined> {
  const row = await t.repo.db.blobs.get(sha256);
  return row ? new Uint8Array(await row.blob.arrayBuffer()) : undefined;
}
