// What the end-to-end encryption e2e test does outside the browser: runs its own server on a data directory of its
// own, adds teachers and shares classes with the server's commands, searches every byte the server keeps on disk,
// and flips a byte of a stored ciphertext; inside the browser, reads the tablet's own IndexedDB.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'libsql';
import { expect, type Page } from '@playwright/test';

export interface OwnServer {
  origin: string;
  dataDir: string;
  stop(): void;
}

/** The real server (and the built app) on a fresh data directory, so its store holds only this test's data. */
export async function startOwnServer(port: number, dataDir: string): Promise<OwnServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, CIRCULATE_LOG: 'quiet' },
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  await expect.poll(async () => (await fetch(origin).catch(() => null))?.status ?? 0, { timeout: 30_000 }).toBe(200);
  return { origin, dataDir, stop: () => child.kill() };
}

function cli(dataDir: string, script: string, args: string[]): string {
  return execFileSync('node', ['--import', 'tsx', `server/cli/${script}`, ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
}

/** A teacher and their sync token, made with the server's own command. */
export function addTeacher(dataDir: string, name: string): string {
  const token = cli(dataDir, 'add-teacher.ts', ['--name', name]).trim().split('\n').at(-1)?.trim();
  if (!token) throw new Error('add-teacher printed no token');
  return token;
}

/** Makes a teacher a co-teacher of a class (by id: the class's name is sealed, so the server cannot show it). */
export function shareClass(dataDir: string, classId: string, teacher: string): void {
  cli(dataDir, 'share-class.ts', ['--class', classId, '--teacher', teacher]);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every file under the data directory (the SQLite file, its WAL and shared memory, each blob) holding `needle`. */
export function filesHolding(dataDir: string, needle: string | Buffer): string[] {
  const bytes = typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle;
  return filesUnder(dataDir).filter((f) => readFileSync(f).includes(bytes));
}

export function blobFiles(dataDir: string): string[] {
  return filesUnder(join(dataDir, 'blobs')).filter((f) => !f.split('/').at(-1)!.startsWith('.'));
}

/**
 * Changes one character of a stored field's ciphertext, as a hostile or broken server might. Written from this
 * process while the server runs: SQLite's WAL lets another process write safely (the busy timeout waits out a write
 * of the server's), and the server's next read sees it, as it checks the WAL at the start of every read.
 */
export function tamperField(dataDir: string, table: string, id: string, field: string): void {
  const db = new Database(join(dataDir, 'circulate.db'));
  try {
    db.pragma('busy_timeout = 10000');
    const row = db.prepare("SELECT fields FROM records WHERE scope = '' AND tbl = ? AND id = ?").get(table, id) as { fields: string } | undefined;
    if (!row) throw new Error(`no ${table} ${id} on the server`);
    const fields = JSON.parse(row.fields) as Record<string, { c?: string; same?: string }>;
    // A field stored as a reference to its seal group's seal (`same`) has the seal it names changed.
    const at = fields[field]?.same ?? field;
    const c = fields[at]?.c;
    if (typeof c !== 'string') throw new Error(`${table}.${field} is not sealed on the server`);
    fields[at]!.c = c.slice(0, 20) + (c[20] === 'A' ? 'B' : 'A') + c.slice(21);
    const changed = db.prepare("UPDATE records SET fields = ? WHERE scope = '' AND tbl = ? AND id = ?").run(JSON.stringify(fields), table, id);
    if (changed.changes !== 1) throw new Error('the tampered record was not written');
  } finally {
    db.close();
  }
}

/** Every row of one of the tablet's own IndexedDB tables (plain JSON values only). */
export function deviceRows<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (store) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('circulate');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => {
            resolve(req.result as T[]);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}

/** The bytes of each saved voice memo on the tablet, from its blob store. */
export async function deviceMemoBytes(page: Page): Promise<Buffer[]> {
  const memos = await deviceRows<{ status: string; sha256: string | null }>(page, 'memos');
  const hashes = memos.filter((m) => m.status === 'saved' && m.sha256).map((m) => m.sha256!);
  const encoded = await page.evaluate(
    (want) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('circulate');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('blobs').objectStore('blobs');
          void Promise.all(
            want.map(
              (sha) =>
                new Promise<string>((res, rej) => {
                  const req = store.get(sha);
                  req.onerror = () => rej(req.error);
                  req.onsuccess = () => {
                    const reader = new FileReader();
                    reader.onload = () => res(String(reader.result).split(',')[1] ?? '');
                    reader.readAsDataURL((req.result as { blob: Blob }).blob);
                  };
                }),
            ),
          ).then((all) => {
            open.result.close();
            resolve(all);
          }, reject);
        };
      }),
    hashes,
  );
  return encoded.map((b64) => Buffer.from(b64, 'base64'));
}
