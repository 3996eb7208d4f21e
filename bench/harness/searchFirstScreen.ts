// Does the search index build at start-up hold up the first screen? The built app opens in Chromium on a device
// holding 20,000 notes and 2,000 conferences, with the build running and with it disabled, alternately in one run.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { formatStamp } from '../../src/domain/hlc';
import type { ClassRec, Conference, Note, Objective, Piece, Student } from '../../src/shared/records';
import { median, type Metrics } from '../types';
import { serveDir } from './serve';

const NOTES = 20_000;
const CONFERENCES = 2_000;
const STUDENTS = 25;
const RUNS = 11;
const WORDS = ['dialogue', 'lead', 'ending', 'details', 'setting', 'José', 'verbs', 'flashback', 'paragraphs', 'voice', 'metaphor', 'transitions'];
/** The chunk main.tsx imports after the first render to build the index; blocking it is the "disabled" baseline, so
 * the app itself needs no switch. Nothing on the clipboard imports it. */
const INDEX_CHUNK = /\/assets\/appIndex-[^/]+\.js$/;

type Row = { id: string; deleted: boolean; _m: Record<string, { t: string; by: string }> };

function row<T extends object>(id: string, fields: T, i: number): T & Row {
  const all = { ...fields, deleted: false };
  const t = formatStamp(1_700_000_000_000 + i, 0, 'benchdev');
  return { id, ...all, _m: Object.fromEntries(Object.keys(all).map((k) => [k, { t, by: 'Ms Bench' }])) };
}

/** A school year on one class: its roster, a piece with a checklist, and the notes and conferences Find indexes. */
function year(now: number): Record<string, Row[]> {
  const day = 86_400_000;
  const start = now - 200 * day;
  const cls = row<Omit<ClassRec, keyof Row>>('c1', { name: 'Room 12', grade: '4', archived: false, order: 0 }, 0);
  const students = Array.from({ length: STUDENTS }, (_, i) => row<Omit<Student, keyof Row>>(`s${i}`, { classId: 'c1', firstName: `First${i}`, lastName: `Last${i}`, order: i, archived: false, sourceId: null }, i));
  const piece = row<Omit<Piece, keyof Row>>('p1', { classId: 'c1', title: 'Small moment', genre: 'narrative', startDate: new Date(start).toISOString().slice(0, 10), lensObjectiveId: null, archived: false }, 0);
  const objectives = Array.from({ length: 6 }, (_, i) => row<Omit<Objective, keyof Row>>(`o${i}`, { classId: 'c1', pieceId: 'p1', text: `Objective ${i + 1}`, trait: 'Ideas', order: i }, i));
  const notes = Array.from({ length: NOTES }, (_, i) =>
    row<Omit<Note, keyof Row>>(`n${String(i).padStart(5, '0')}`, { classId: 'c1', studentId: `s${i % STUDENTS}`, pieceId: 'p1', text: `Tried ${WORDS[i % 12]} and ${WORDS[(i * 7) % 12]} in draft ${i}`, objectiveIds: [], context: null, private: false, at: start + i * 800_000, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null }, i),
  );
  const conferences = Array.from({ length: CONFERENCES }, (_, i) =>
    row<Omit<Conference, keyof Row>>(`k${String(i).padStart(4, '0')}`, { classId: 'c1', studentId: `s${i % STUDENTS}`, kind: 'teacher', partnerId: null, pieceId: 'p1', objectiveId: null, strengths: `Strong ${WORDS[i % 12]}`, trait: 'Voice', nextStep: `Try ${WORDS[(i + 3) % 12]}`, at: start + i * 8_000_000, minutes: 4, goalId: null }, i),
  );
  return { classes: [cls], students, pieces: [piece], objectives, notes, conferences };
}

/** Puts the rows straight into the app's database (a fixture, not a feature), after the app has created it. */
async function seed(page: Page, tables: Record<string, Row[]>): Promise<void> {
  await page.evaluate(async (t) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('circulate');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(Object.keys(t), 'readwrite');
    for (const [name, rows] of Object.entries(t)) for (const r of rows) tx.objectStore(name).put(r);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, tables);
}

/** Set on every page: the first screen is the checklist drawn with its rows (students, marks, last seen read). */
function watchFirstScreen(): void {
  const w = window as unknown as { __firstScreenMs?: number };
  const obs = new MutationObserver(() => {
    if (!document.querySelector('[aria-label="Checklist"] tbody tr')) return;
    obs.disconnect();
    // Timed at the frame that shows it: after the next animation frame, the paint has happened.
    requestAnimationFrame(() => setTimeout(() => (w.__firstScreenMs = performance.now())));
  });
  obs.observe(document, { childList: true, subtree: true });
}

/** One cold open of the app: ms from navigation to the first screen painted. */
async function open(context: BrowserContext, url: string, build: boolean): Promise<number> {
  const page = await context.newPage();
  let chunk = 0;
  page.on('request', (r) => {
    if (INDEX_CHUNK.test(new URL(r.url()).pathname)) chunk++;
  });
  if (!build) await page.route(INDEX_CHUNK, (r) => r.abort());
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __firstScreenMs?: number }).__firstScreenMs, null, { timeout: 30_000 });
  const ms = await page.evaluate(() => (window as unknown as { __firstScreenMs: number }).__firstScreenMs);
  // Each run must be what it says: the build's chunk loaded (it starts the build), or asked for and refused.
  await page.waitForTimeout(200);
  if (chunk === 0) throw new Error('The app never loaded the search index chunk: has appIndex.ts moved? Update INDEX_CHUNK.');
  await page.close();
  return ms;
}

export async function searchFirstScreen(browser: Browser, distDir: string): Promise<Metrics> {
  const site = await serveDir(distDir);
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 768, height: 1024 } });
  try {
    const first = await context.newPage();
    await first.goto(site.url);
    await first.getByLabel('New class name').waitFor();
    await seed(first, year(Date.now()));
    await first.close();
    await context.addInitScript(watchFirstScreen);
    // A warm-up open of each; then pairs run back to back, in alternating order, so neither side gets the warmer
    // caches or the quieter CPU. The ratio is taken within each pair (the machine's load drifts between pairs far
    // more than within one) and the median of the pairs' ratios is reported.
    await open(context, site.url, true);
    await open(context, site.url, false);
    const withBuild: number[] = [];
    const without: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const pair = new Map<boolean, number>();
      for (const build of i % 2 ? [false, true] : [true, false]) pair.set(build, await open(context, site.url, build));
      withBuild.push(pair.get(true)!);
      without.push(pair.get(false)!);
      ratios.push(pair.get(true)! / pair.get(false)!);
    }
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      'search-first-screen-with-index-build': { value: round(median(withBuild)), unit: 'ms', note: `median of ${RUNS}, ${NOTES / 1000}k notes + ${CONFERENCES / 1000}k conferences` },
      'search-first-screen-without-index-build': { value: round(median(without)), unit: 'ms', note: 'same run, index chunk blocked' },
      'search-first-screen-ratio': { value: Math.round(median(ratios) * 100) / 100, unit: 'x', budget: 1.15, note: `with / without the index build, median of ${RUNS} pairs` },
    };
  } finally {
    await context.close();
    await site.close();
  }
}
