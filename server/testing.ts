// A real sync server on 127.0.0.1 for tests and benches: SQLite in a temp dir by default, or PostgreSQL in a schema
// of its own (dropped on close). restart() stops and starts it on the same store and port, as a redeploy would.
// freePort() is the one free-port helper for tests and benches that start the server as a child process.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Hono } from 'hono';
import { createApp } from './app';
import { listen, type Listening } from './listen';
import { mountApp } from './static';
import { dropPostgresSchema } from './store/postgres';
import { openBlobStore, type BlobStore } from './store/blobs';
import { openKeyStore } from './store/keys';
import { openStore } from './store/open';
import type { Store } from './store/types';
import type { RateLimitConfig } from './rate-limit';
import { hashToken, newToken } from './tokens';

export interface TestServerOptions {
  /** PostgreSQL URL; without it the server uses SQLite. */
  databaseUrl?: string;
  /** PostgreSQL schema to use (default: a fresh one, dropped on close); pass the same one to run servers side by side. */
  pgSchema?: string;
  /** SQLite directory (default: a fresh temp dir, removed on close). */
  dataDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Off by default in tests; pass a config to test 429s. */
  rateLimit?: RateLimitConfig | false;
  corsOrigins?: string[];
  now?: () => number;
  log?: (line: string) => void;
  maxBodyBytes?: number;
  maxBlobBytes?: number;
  /** Also serve this built app (vite build output) on the same port, as `npm start` does. */
  distDir?: string;
}

export interface TestServer {
  url: string;
  store: 'sqlite' | 'postgres';
  addTeacher(name: string): Promise<{ id: string; token: string }>;
  shareClass(classId: string, teacherId: string): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
  /** The open store, for tests that read what is stored (changes object after restart()). */
  readonly db: Store;
  /** The open blob store (changes object after restart()). */
  readonly blobs: BlobStore;
  /** The PostgreSQL schema in use, to start a second server on the same data. */
  pgSchema?: string;
  /** The SQLite directory in use. */
  dataDir?: string;
}

/** A port nobody is listening on now, for a server started as its own process (which cannot be asked for port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const ownDir = !opts.databaseUrl && !opts.dataDir;
  const dataDir = opts.databaseUrl ? undefined : (opts.dataDir ?? mkdtempSync(join(tmpdir(), 'circulate-server-')));
  const ownSchema = !!opts.databaseUrl && !opts.pgSchema;
  const pgSchema = opts.databaseUrl ? (opts.pgSchema ?? `test_${randomBytes(6).toString('hex')}`) : undefined;
  const config = { databaseUrl: opts.databaseUrl, dataDir, pgSchema };

  let store = await openStore(config);
  let blobs = await openBlobStore(config);
  let keys = await openKeyStore(config);
  let port = opts.port ?? 0;
  const start = async (): Promise<Listening> => {
    const api = createApp({
      store,
      blobs,
      keys,
      rateLimit: opts.rateLimit ?? false,
      corsOrigins: opts.corsOrigins,
      now: opts.now,
      log: opts.log,
      maxBodyBytes: opts.maxBodyBytes,
      maxBlobBytes: opts.maxBlobBytes,
    });
    const app = new Hono();
    app.route('/', api);
    if (opts.distDir) mountApp(app, opts.distDir);
    // Right after a restart the port can still be held for a moment.
    for (let attempt = 0; ; attempt++) {
      try {
        return await listen(app.fetch, port, '127.0.0.1');
      } catch (e) {
        if ((e as { code?: string }).code !== 'EADDRINUSE' || attempt > 50) throw e;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  let http = await start();
  port = http.port;
  let closed = false;

  return {
    url: `http://127.0.0.1:${port}`,
    store: store.kind,
    pgSchema,
    dataDir,
    get db() {
      return store;
    },
    get blobs() {
      return blobs;
    },
    addTeacher: async (name) => {
      const token = newToken();
      const t = await store.addTeacher(name, hashToken(token));
      return { id: t.id, token };
    },
    shareClass: (classId, teacherId) => store.shareClass(classId, teacherId),
    restart: async () => {
      await http.close();
      await blobs.close();
      await keys.close();
      await store.close();
      store = await openStore(config);
      blobs = await openBlobStore(config);
      keys = await openKeyStore(config);
      http = await start();
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await http.close();
      await blobs.close();
      await keys.close();
      await store.close();
      if (ownSchema && opts.databaseUrl && pgSchema) await dropPostgresSchema(opts.databaseUrl, pgSchema);
      if (ownDir && dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
