// Starts the reference server: the built app and the sync API on one port.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { relative } from 'node:path';
import { mountApp } from './static';

const port = Number(process.env.PORT ?? 8080);
const hostname = process.env.HOST ?? '127.0.0.1';
const distDir = process.env.DIST_DIR ?? (relative(process.cwd(), new URL('../dist', import.meta.url).pathname) || 'dist');

const app = new Hono();
mountApp(app, distDir);

serve({ fetch: app.fetch, port, hostname }, (info) => {
  if (process.env.CIRCULATE_LOG !== 'quiet') console.log(`Circulate on http://${info.address}:${info.port}`);
});
