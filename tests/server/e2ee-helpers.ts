// What the end-to-end encryption tests read and break on the server: every byte of its store (the SQLite file and
// its WAL, or every PostgreSQL table as text), and one stored ciphertext changed as a hostile server might.
import Database from 'libsql';
import pg from 'pg';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestServer } from '../../server/testing';

/** Every byte the server keeps: the SQLite file and its WAL, or every table of the PostgreSQL schema as text. */
export async function storeText(server: TestServer): Promise<string> {
  if (server.dataDir) {
    return ['circulate.db', 'circulate.db-wal']
      .map((f) => join(server.dataDir!, f))
      .filter(existsSync)
      .map((f) => readFileSync(f).toString('latin1'))
      .join('\n');
  }
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    const tables = (await c.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [server.pgSchema])).rows as { table_name: string }[];
    const out: string[] = [];
    for (const t of tables) out.push(JSON.stringify((await c.query(`SELECT * FROM "${server.pgSchema}"."${t.table_name}"`)).rows));
    return out.join('\n');
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

