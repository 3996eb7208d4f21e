// End-to-end encryption as teachers use it, in Chromium against the real server: a teacher turns it on in Settings
// (the recovery phrase shown once), makes a class, a note and a voice memo; her second tablet opens them with the
// phrase and a co-teacher gets the class key through the relay. All three show everything, while no byte the server
// keeps on disk holds the student's name, the note's words or the memo's audio; a byte flipped there is reported.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../support/chromium';
import { expectNoSeriousAxe, waitForOfflineReady } from './helpers/app';
import { classWithPiece } from './helpers/clipboard';
import { addTeacher, blobFiles, deviceMemoBytes, deviceRows, filesHolding, shareClass, startOwnServer, tamperField, type OwnServer } from './helpers/e2ee';

// Its own server and data directory: the search of the store must see this test's data and nothing else's (other
// tests record the same fake microphone's tone, unsealed, on the shared server).
const PORT = Number(process.env.E2E_PORT ?? 4173) + 1000;
const STUDENT = 'Zephyrine Quillfeather';
const WORDS = 'grandmother accordion under the persimmon tree';
const REVISED = 'revised the persimmon ending with dialogue';
const ON = 'Encryption is on: the server keeps only locked copies of your classes.';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

// One story told in steps that build on each other: three tablets set up once, then checked, broken and searched.
test.describe.configure({ mode: 'serial' });

let server: OwnServer;
let tablet1: Page;
let tablet2: Page;
let coTablet: Page;
let studentPath: string;

test.beforeAll(async () => {
  server = await startOwnServer(PORT, mkdtempSync(join(tmpdir(), 'circulate-e2ee-')));
});

test.afterAll(() => {
  server?.stop();
});

async function tablet(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.origin, permissions: ['microphone'] });
  const page = await context.newPage();
  await page.goto('/roster');
  await waitForOfflineReady(page);
  return page;
}

const syncStatus = (page: Page) => page.getByRole('status', { name: 'Sync' });
const encryption = (page: Page) => page.getByRole('region', { name: 'Encryption' });

async function connect(page: Page, token: string, teacher: string): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Server address').fill(server.origin);
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText(`Connected as ${teacher}.`);
}

/** A sync from Settings, waited out: the button stays disabled while it runs (the header may say Synced from before). */
async function syncNow(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  const button = page.getByRole('button', { name: 'Sync now' });
  await button.click();
  // Not seeing it disabled within 2 s means it was over before the first look.
  await expect(button).toBeDisabled({ timeout: 2_000 }).catch(() => undefined);
  await expect(button).toBeEnabled({ timeout: 30_000 });
  await expect(syncStatus(page)).toHaveText('Synced');
}

/** A first tablet's set-up, as a teacher does it: encryption is on by default; the phrase is shown once, noted here. */
async function turnOnEncryption(page: Page): Promise<string> {
  const section = encryption(page);
  await expect(section.getByRole('switch', { name: 'Encrypt what the server keeps' })).toBeChecked();
  await section.getByRole('button', { name: 'Show my recovery phrase' }).click();
  const words = await section.getByRole('list', { name: 'Recovery phrase' }).getByRole('listitem').allTextContents();
  expect(words).toHaveLength(12);
  await section.getByRole('button', { name: 'I have written it down: turn encryption on' }).click();
  await expect(section.getByRole('status')).toHaveText(ON, { timeout: 20_000 });
  return words.join(' ');
}

/** The student's page shows the note's words and plays the memo (its length in the label, a real duration). */
async function expectEverything(page: Page, words = WORDS): Promise<void> {
  await page.goto(studentPath);
  await expect(page.getByRole('heading', { name: STUDENT, level: 1 })).toBeVisible({ timeout: 20_000 });
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText(words);
  await expect(timeline.getByText(new RegExp(`^Voice memo about ${STUDENT}, .*\\(\\d\\d:\\d\\d\\)$`))).toBeVisible();
  await expect(timeline.locator('audio')).toHaveCount(1, { timeout: 40_000 });
  const duration = await timeline.locator('audio').evaluate(async (a: HTMLAudioElement) => {
    if (a.readyState < 1) await new Promise((r) => a.addEventListener('loadedmetadata', r, { once: true }));
    return a.duration;
  });
  expect(duration).toBeGreaterThan(0);
}

test('two tablets and a co-teacher show the class, the note and the memo the server cannot read', async ({ browser }) => {
  test.setTimeout(240_000);
  const teacher = `Ms Rivera ${Date.now()}`;
  const token = addTeacher(server.dataDir, teacher);

  // Tablet 1: sync set up with encryption on, then a class, a note and a memo.
  tablet1 = await tablet(browser);
  await connect(tablet1, token, teacher);
  const phrase = await turnOnEncryption(tablet1);
  await expectNoSeriousAxe(tablet1, 'settings with encryption on');
  await classWithPiece(tablet1, `${STUDENT}\nBao Nguyen`);
  await tablet1.getByRole('button', { name: `Note for ${STUDENT}` }).click();
  await tablet1.getByLabel('Note', { exact: true }).fill(WORDS);
  await tablet1.getByLabel('Note', { exact: true }).blur();
  await tablet1.getByRole('button', { name: 'Record memo' }).click();
  await expect(tablet1.getByRole('timer', { name: 'Recording time' })).toHaveText(/^00:0[2-9]$/);
  await tablet1.getByRole('button', { name: 'Stop' }).click();
  await expect(tablet1.getByText(new RegExp(`^Voice memo about ${STUDENT}, `))).toBeVisible();
  await tablet1.getByRole('link', { name: `All about ${STUDENT}` }).click();
  studentPath = new URL(tablet1.url()).pathname;
  await syncNow(tablet1);
  await expect(tablet1.getByRole('term').filter({ hasText: 'Photos and memos' }).locator('xpath=following-sibling::dd[1]')).toHaveText('None waiting', {
    timeout: 30_000,
  });
  expect(blobFiles(server.dataDir)).toHaveLength(1);

  // Tablet 2: the same teacher signs in and types the phrase; nothing else.
  tablet2 = await tablet(browser);
  await connect(tablet2, token, teacher);
  await encryption(tablet2).getByLabel('Recovery phrase').fill(phrase);
  await encryption(tablet2).getByRole('button', { name: 'Open my classes' }).click();
  await expect(encryption(tablet2).getByRole('status')).toHaveText(ON, { timeout: 20_000 });
  await syncNow(tablet2);
  await expectEverything(tablet2);

  // A co-teacher with a phrase of their own is added to the class; the class key reaches them when tablet 1 syncs.
  const coTeacher = `Mr Okafor ${Date.now()}`;
  const coToken = addTeacher(server.dataDir, coTeacher);
  coTablet = await tablet(browser);
  await connect(coTablet, coToken, coTeacher);
  await turnOnEncryption(coTablet);
  const [cls] = await deviceRows<{ id: string }>(tablet1, 'classes');
  shareClass(server.dataDir, cls!.id, coTeacher);
  await syncNow(tablet1);
  await syncNow(coTablet);
  await expectEverything(coTablet);
  await expectEverything(tablet1);
  await expectNoSeriousAxe(coTablet, 'timeline opened with a shared key');

  // The server's whole store on disk: ids and the teacher's name are there (the search works), the class is not.
  expect(filesHolding(server.dataDir, teacher)).not.toEqual([]);
  expect(filesHolding(server.dataDir, cls!.id)).not.toEqual([]);
  for (const secret of [STUDENT, 'Zephyrine', 'Quillfeather', WORDS, 'persimmon', 'accordion']) {
    expect(filesHolding(server.dataDir, secret), secret).toEqual([]);
  }
});

test('a ciphertext changed on the server is reported on the tablet, and the note keeps its words', async () => {
  test.setTimeout(120_000);
  // Tablet 2 is away while tablet 1 revises the note, and the server damages the revision before tablet 2 is back.
  await tablet2.context().setOffline(true);
  await tablet1.goto(studentPath);
  await tablet1.getByRole('link', { name: 'Edit note' }).click();
  await tablet1.getByLabel('Note', { exact: true }).fill(REVISED);
  await tablet1.getByLabel('Note', { exact: true }).blur();
  await syncNow(tablet1);
  const note = (await deviceRows<{ id: string; text: string }>(tablet1, 'notes')).find((n) => n.text === REVISED);
  expect(note).toBeDefined();
  tamperField(server.dataDir, 'notes', note!.id, 'text');

  // Back online, tablet 2 syncs at once (and keeps the report on every sync until a good copy comes).
  await tablet2.getByRole('link', { name: 'Settings' }).click();
  await tablet2.context().setOffline(false);
  await expect(syncStatus(tablet2)).toHaveText('Server data failed its check (see Settings)', { timeout: 20_000 });
  await expect(tablet2.getByRole('region', { name: 'Sync' })).toContainText(
    'A record from the server failed the encryption check: changed after it was sealed. Nothing on this tablet was overwritten; tell whoever runs the server.',
  );
  await expectNoSeriousAxe(tablet2, 'settings reporting a damaged record');
  await expectEverything(tablet2, WORDS);
  await expect(tablet2.getByRole('list', { name: 'Timeline' })).not.toContainText(REVISED);
  // Tablet 1, which made the revision, keeps it.
  await expectEverything(tablet1, REVISED);
});

/**
 * 32 bytes of the recording, from its middle on, that occur once in it and are mostly different values: a run of
 * zeros or a frame the steady test tone repeats would also be found in unrelated bytes, or many times.
 */
function distinctiveSlice(bytes: Buffer): Buffer {
  for (let at = Math.floor(bytes.length / 2); at + 32 <= bytes.length; at++) {
    const slice = bytes.subarray(at, at + 32);
    if (new Set(slice).size >= 24 && bytes.indexOf(slice) === at && bytes.indexOf(slice, at + 1) === -1) return slice;
  }
  throw new Error('no distinctive 32 bytes in the memo');
}

test("the memo's audio is nowhere in the server's store", async () => {
  const [memo] = await deviceMemoBytes(tablet1);
  expect(memo!.length).toBeGreaterThan(1000);
  const slice = distinctiveSlice(memo!);
  expect(memo!.includes(slice)).toBe(true);
  expect(blobFiles(server.dataDir)).not.toEqual([]);
  expect(filesHolding(server.dataDir, slice)).toEqual([]);
});
