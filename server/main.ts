// Starts the reference server: the built app and the sync API on one port, on SQLite under DATA_DIR (./data) or,
// with DATABASE_URL set, on PostgreSQL. Processes keep no state of their own, so several can share one PostgreSQL.
import { Hono } from 'hono';
import { relative } from 'node:path';
import { createApp } from './app';
import { listen } from './listen';
import { rateLimitFromEnv } from './rate-limit';
import { mountApp } from './static';
import { openBlobStore } from './store/blobs';
import { openKeyStore } from './store/keys';
import { openStore, storeConfigFromEnv } from './store/open';

const port = Number(process.env.PORT ?? 8080);
const hostname = process.env.HOST ?? '127.0.0.1';
const distDir = process.env.DIST_DIR ?? (relative(process.cwd(), new URL('../dist', import.meta.url).pathname) || 'dist');
const quiet = process.env.CIRCULATE_LOG === 'quiet';
const corsOrigins = (process.env.CORS_ORIGINS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

const config = storeConfigFromEnv();
const store = await openStore(config);
const blobs = await openBlobStore(config);
const keys = await openKeyStore(config);
const root = new Hono();
root.route('/', createApp({ store, blobs, keys, corsOrigins, rateLimit: rateLimitFromEnv(), log: quiet ? undefined : (line) => console.log(line) }));
mountApp(root, distDir);

const server = await listen(root.fetch, port, hostname);
if (!quiet) console.log(`Circulate on http://${hostname}:${server.port} (${store.kind} store)`);

async function shutdown(): Promise<void> {
  await server.close();
  await blobs.close();
  await keys.close();
  await store.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
