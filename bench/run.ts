// `npm run bench`: runs every bench (Node ones directly, browser ones in headless Chromium with the real IndexedDB),
// prints one table and writes bench/results.json as { metric: { value, unit, budget } }. It exits 1 when a metric is
// over its budget, so a script or CI job can stop on a slowdown. `npm run bench -- <name>` runs only matching benches.
import { readdir, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium';
import { overBudget, type Bench, type Metrics } from './types';
import { serveDir } from './harness/serve';
import { firstScreenJs } from './harness/firstScreen';
import { searchFirstScreen } from './harness/searchFirstScreen';
import { BENCH_TEACHERS, type BenchServer } from './harness/benchServer';
import { startTestServer, type TestServer } from '../server/testing';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv[2];

if (only === '--help' || only === '-h') {
  console.log('Usage: npm run bench [-- <name>]\n  Runs every bench, or those whose name contains <name>; exits 1 if a metric is over its budget.');
  process.exit(0);
}

async function nodeBenches(): Promise<Metrics> {
  const dir = join(root, 'bench/node');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)));
  const out: Metrics = {};
  for (const f of files) {
    process.stderr.write(`node bench ${f}\n`);
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default: Bench };
    Object.assign(out, await mod.default());
  }
  return out;
}

async function browserBenches(): Promise<Metrics> {
  const out: Metrics = {};
  const benchDist = await mkdtemp(join(tmpdir(), 'circulate-bench-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(root, 'bench/harness'),
    plugins: [react()],
    build: { outDir: benchDist, emptyOutDir: true, target: 'es2022' },
  });
  const appDist = await mkdtemp(join(tmpdir(), 'circulate-app-'));
  await build({ configFile: join(root, 'vite.config.ts'), root, logLevel: 'warn', build: { outDir: appDist, emptyOutDir: true } });

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  let server: TestServer | undefined;
  try {
    if (!only || 'first-screen'.includes(only)) Object.assign(out, await firstScreenJs(browser, appDist));
    if (!only || 'search-first-screen'.includes(only)) Object.assign(out, await searchFirstScreen(browser, appDist));
    const site = await serveDir(benchDist);
    // A reference sync server on SQLite for the sync benches: another origin than the page's, as in production.
    server = await startTestServer({ corsOrigins: [site.url] });
    const page = await browser.newPage();
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    await page.goto(site.url);
    await page.waitForFunction(() => '__benchNames' in window);
    const names = (await page.evaluate(() => (window as unknown as { __benchNames: string[] }).__benchNames)).filter((n) => !only || n.includes(only));
    for (const name of names) {
      process.stderr.write(`browser bench ${name}\n`);
      const fresh = await browser.newPage();
      const tokens: string[] = [];
      for (let i = 0; i < BENCH_TEACHERS; i++) tokens.push((await server.addTeacher(`Bench ${name} ${i + 1}`)).token);
      const benchServer: BenchServer = { url: server.url, tokens };
      await fresh.addInitScript((s) => Object.assign(window, { __benchServer: s }), benchServer);
      await fresh.goto(site.url);
      await fresh.waitForFunction(() => '__benchNames' in window);
      Object.assign(out, await fresh.evaluate((n) => (window as unknown as { __runBench: (n: string) => Promise<Metrics> }).__runBench(n), name));
      await fresh.close();
    }
    await site.close();
  } finally {
    await server?.close();
    await browser.close();
  }
  return out;
}

function table(metrics: Metrics): string {
  const rows = Object.entries(metrics).map(([k, m]) => [
    k,
    `${m.value} ${m.unit}`,
    m.budget === undefined ? '-' : `${m.budget} ${m.unit}`,
    m.budget === undefined ? '' : m.value <= m.budget ? 'ok' : 'OVER',
    m.note ?? '',
  ]);
  const head = ['metric', 'value', 'budget', '', 'compared with'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const metrics: Metrics = { ...(await nodeBenches()), ...(await browserBenches()) };
console.log(table(metrics));
const results = Object.fromEntries(Object.entries(metrics).map(([k, m]) => [k, { value: m.value, unit: m.unit, ...(m.budget !== undefined ? { budget: m.budget } : {}) }]));
if (!only) await writeFile(join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
const over = overBudget(metrics);
if (over.length) console.log(`\nOver budget: ${over.join(', ')}`);
process.exit(over.length ? 1 : 0);
