// Runs the real server entry point and CLI tools as child processes, for tests of the command line and of crashes.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../server/store/open';
import { dropPostgresSchema } from '../../server/store/postgres';
import { hashToken, newToken } from '../../server/tokens';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Store settings as the server and CLI read them from the environment. */
export interface StoreEnv {
  DATA_DIR?: string;
  DATABASE_URL?: string;
  PG_SCHEMA?: string;
}

export function runCli(script: 'add-teacher' | 'share-class', args: string[], env: StoreEnv): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL: no shutdown, no flush, as a power cut or an OOM kill would. */
  kill(): Promise<void>;
}

export async function startServerProcess(env: StoreEnv, port: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env, PORT: String(port), HOST: '127.0.0.1', CIRCULATE_LOG: 'quiet', DIST_DIR: '/nonexistent' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`${url}/api/v1/hello`, { headers: { 'X-Circulate-Schema': '99' } });
      if (res.status === 401) break;
    } catch {
      if (i > 600 || child.exitCode !== null) throw new Error('server process did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A new empty store for a server process: a temp folder for SQLite, a fresh schema for PostgreSQL; and its removal. */
export function freshStoreEnv(store: 'sqlite' | 'postgres', prefix: string): { env: StoreEnv; cleanup: () => Promise<void> } {
  if (store === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `circulate-${prefix}-`));
    return { env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set. Start one: export TEST_DATABASE_URL=$(bash scripts/pg-test.sh start)');
  const schema = `${prefix.replace(/\W/g, '_')}_${randomBytes(5).toString('hex')}`;
  return { env: { DATABASE_URL: url, PG_SCHEMA: schema }, cleanup: () => dropPostgresSchema(url, schema) };
}

/** Adds a teacher to the store (closing it again, so the server process has it alone); returns their token. */
export async function addTeacherToStore(env: StoreEnv, name: string): Promise<string> {
  const db = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, pgSchema: env.PG_SCHEMA });
  const token = newToken();
  await db.addTeacher(name, hashToken(token));
  await db.close();
  return token;
}
