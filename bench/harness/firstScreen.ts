// Measures the JavaScript the first screen loads: the app is built, opened in Chromium, and every script it
// fetched before the screen settled is gzipped and summed.
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { Metrics } from '../types';
import { serveDir } from './serve';

export async function firstScreenJs(browser: Browser, distDir: string): Promise<Metrics> {
  const site = await serveDir(distDir);
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 768, height: 1024 } });
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
  });
  await page.goto(site.url, { waitUntil: 'networkidle' });
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  let gz = 0;
  for (const path of scripts) gz += gzipSync(await readFile(join(distDir, path))).length;
  await context.close();
  await site.close();
  return {
    'first-screen-js-gzip': { value: Math.round((gz / 1024) * 10) / 10, unit: 'KB', budget: 150, note: `${scripts.size} scripts` },
  };
}
