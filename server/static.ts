// Serves the built app (dist/) with the single-page fallback, so one port carries the app and the sync API.
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

export function mountApp(app: Hono, distDir: string): void {
  // The service worker must never be cached by the browser's HTTP cache, or updates would stall.
  app.use('/sw.js', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-cache');
  });
  app.use('/*', serveStatic({ root: distDir }));
  app.get('*', serveStatic({ root: distDir, path: 'index.html' }));
}
