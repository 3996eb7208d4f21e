// The tampered warning: one sentence for damaged records and sealed photos or memos, and the engine keeping it on
// every sync while the blob queue counts any, clearing it when the count is 0, and never hiding a failure behind it.
import { afterEach, describe, expect, it } from 'vitest';
import { Repo } from '../../../src/db/repo';
import { createDb, type CirculateDb } from '../../../src/db/schema';
import { writeConfig } from '../../../src/sync/config';
import { SyncEngine } from '../../../src/sync/engine';
import { MESSAGES } from '../../../src/sync/errors';
import { fakeServer } from './fakeServer';

const dbs: CirculateDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function engine(fetchFn: typeof fetch) {
  const db = createDb(`tampered-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  const repo = new Repo(db);
  await writeConfig(db, { endpoint: 'https://sync.example.org', token: 'good-token' });
  return new SyncEngine(repo, { fetch: fetchFn, random: () => 0.5 });
}

describe('the tampered warning', () => {
  it('names records, photos and memos in one sentence, saying what was kept and whom to tell', () => {
    expect(MESSAGES.tampered(1)).toBe(
      'A record from the server failed the encryption check: changed after it was sealed. Nothing on this tablet was overwritten; tell whoever runs the server.',
    );
    expect(MESSAGES.tampered(0, 1)).toBe(
      'A photo or voice memo from the server failed the encryption check: changed after it was sealed. It was not kept on this tablet; tell whoever runs the server.',
    );
    expect(MESSAGES.tampered(0, 3)).toBe(
      '3 photos or voice memos from the server failed the encryption check: changed after they were sealed. They were not kept on this tablet; tell whoever runs the server.',
    );
    expect(MESSAGES.tampered(2, 1)).toBe(
      '2 records and a photo or voice memo from the server failed the encryption check: changed after they were sealed. Nothing on this tablet was overwritten, and the damaged photo or memo was not kept; tell whoever runs the server.',
    );
    expect(MESSAGES.tampered(1, 2)).toMatch(/^A record and 2 photos or voice memos .* the damaged photos or memos were not kept;/);
  });

  it('keeps a tampered blob on every sync until the queue counts none, then is synced again', async () => {
    const e = await engine(fakeServer().fetch);
    expect((await e.sync()).ok).toBe(true);
    e.reportTamperedBlobs(2);
    expect(e.getStatus()).toMatchObject({ phase: 'error', error: { kind: 'tampered', message: MESSAGES.tampered(0, 2) } });
    expect(await e.sync()).toMatchObject({ ok: false, error: { kind: 'tampered' } });
    expect(e.getStatus()).toMatchObject({ phase: 'error', retryAt: null, failures: 0, error: { message: MESSAGES.tampered(0, 2) } });
    e.reportTamperedBlobs(0);
    expect(e.getStatus()).toMatchObject({ phase: 'synced', error: null });
    expect((await e.sync()).ok).toBe(true);
  });

  it('does not hide a failed sync behind the warning, and shows the warning once a sync gets through', async () => {
    let down = true;
    const server = fakeServer();
    const e = await engine((input, init) => (down ? Promise.reject(new TypeError('Failed to fetch')) : server.fetch(input, init)));
    await e.sync();
    e.reportTamperedBlobs(1);
    expect(e.getStatus()).toMatchObject({ phase: 'offline', error: { kind: 'offline' } });
    down = false;
    expect(await e.sync({ force: true })).toMatchObject({ ok: false, error: { kind: 'tampered', message: MESSAGES.tampered(0, 1) } });
  });
});
