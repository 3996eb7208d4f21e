// The sync engine against an in-memory endpoint: push, pull, errors in words, backoff, and what must never be sent.
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { Repo } from '../../../src/db/repo';
import { createDb, type CirculateDb } from '../../../src/db/schema';
import { KEYS, writeConfig } from '../../../src/sync/config';
import { SyncEngine, type SyncEngineOptions } from '../../../src/sync/engine';
import type { PushRequest } from '../../../src/shared/protocol';
import { fakeServer, type FakeServer } from './fakeServer';

const dbs: CirculateDb[] = [];
let counter = 0;

function device(name = `sync-dev-${++counter}`): Repo {
  const db = createDb(`${name}-${Date.now()}`);
  dbs.push(db);
  return new Repo(db);
}

afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const note = (over: Record<string, unknown> = {}) => ({
  classId: 'c1', studentId: 's1', pieceId: null, text: 'adds details', objectiveIds: [], context: null, private: false,
  at: 1, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null, ...over,
});

async function connected(server: FakeServer, opts: SyncEngineOptions = {}, repo = device()) {
  await writeConfig(repo.db, { endpoint: 'https://sync.example.org', token: 'good-token' });
  return { repo, engine: new SyncEngine(repo, { fetch: server.fetch, ...opts }) };
}

const pushes = (s: FakeServer) => s.requests.filter((r) => r.path.endsWith('/push')).map((r) => r.body as PushRequest);

describe('SyncEngine', () => {
  it('requests nothing at all while no endpoint is configured', async () => {
    const server = fakeServer();
    const repo = device();
    await repo.create('notes', note());
    const engine = new SyncEngine(repo, { fetch: server.fetch });
    const out = await engine.sync({ force: true });
    expect(out).toMatchObject({ ok: true, skipped: 'off' });
    expect(engine.getStatus().phase).toBe('off');
    expect(server.requests).toHaveLength(0);
    expect(await repo.db.outbox.count()).toBe(1);
  });

  it('pushes the outbox, empties it on ack, and another device pulls the same records', async () => {
    const server = fakeServer();
    const a = await connected(server);
    const id = await a.repo.create('notes', note({ text: 'uses dialogue' }));
    await a.repo.create('students', { classId: 'c1', firstName: 'Ana', lastName: 'Lopez', order: 0, archived: false, sourceId: null });
    const out = await a.engine.sync();
    expect(out).toMatchObject({ ok: true, pushed: 2 });
    expect(await a.repo.db.outbox.count()).toBe(0);
    expect(pushes(server)[0]!.clientId).toBe(a.repo.session.deviceId);
    expect(pushes(server)[0]!.changes.map((c) => c.n)).toEqual([1, 2]);
    expect(server.requests[0]!.auth).toBe('Bearer good-token');

    const b = await connected(server);
    await b.engine.sync();
    expect((await b.repo.db.notes.get(id))?.text).toBe('uses dialogue');
    expect(await b.repo.db.students.count()).toBe(1);
    expect(b.engine.getStatus()).toMatchObject({ phase: 'synced', error: null });
    expect(b.engine.getStatus().lastSyncAt).not.toBeNull();
  });

  it('coalesces edits of one record into one change carrying the last counter', async () => {
    const server = fakeServer();
    const a = await connected(server);
    const id = await a.repo.create('notes', note({ text: 'one' }));
    await a.repo.create('notes', note({ text: 'other' }));
    await a.repo.update('notes', id, { text: 'two' });
    await a.engine.sync();
    const [push] = pushes(server);
    expect(push!.changes.map((c) => [c.id === id, c.n])).toEqual([
      [false, 2],
      [true, 3],
    ]);
    expect(push!.changes[1]!.fields).toMatchObject({ text: 'two', studentId: 's1', deleted: false });
  });

  it('never sends a private note, even one that slipped into the outbox', async () => {
    const server = fakeServer();
    const a = await connected(server);
    const secret = await a.repo.create('notes', note({ text: 'worried about home', private: true }));
    const shared = await a.repo.create('notes', note({ text: 'strong lead' }));
    const madePrivate = await a.repo.create('notes', note({ text: 'was public' }));
    await a.repo.update('notes', madePrivate, { private: true });
    // A bug elsewhere must not leak it: the engine checks again at push time.
    const row = (await a.repo.db.notes.get(secret))!;
    await a.repo.db.outbox.add({ table: 'notes', id: secret, fields: { text: row.text }, meta: { text: row._m.text! } });
    await a.engine.sync();
    const sent = JSON.stringify(server.requests.map((r) => r.body));
    expect(sent).toContain(shared);
    expect(sent).not.toContain(secret);
    expect(sent).not.toContain('worried about home');
    expect(sent).not.toContain('was public');
    // The note made private goes only as its withdrawal: class, flag and tombstone, no words.
    const changes = pushes(server).flatMap((p) => p.changes);
    expect(changes.filter((c) => c.id === madePrivate).map((c) => Object.keys(c.fields).sort())).toEqual([['classId', 'deleted', 'private']]);
    expect(await a.repo.db.outbox.count()).toBe(0);
  });

  it('says what to do when the token is refused, and keeps the changes', async () => {
    const server = fakeServer('other-token');
    const a = await connected(server, { now: () => 1_000_000, random: () => 0.5 });
    await a.repo.create('notes', note());
    const out = await a.engine.sync();
    expect(out.ok).toBe(false);
    expect(a.engine.getStatus()).toMatchObject({ phase: 'error', error: { kind: 'auth', message: 'The server refused the token: check it in Settings.' } });
    expect(await a.repo.db.outbox.count()).toBe(1);
  });

  it('tells the teacher to reload when the server says the app is too old (426)', async () => {
    const server = fakeServer();
    server.failNext.push({ status: 426, body: { error: { code: 'upgrade', message: 'schema too old' } } });
    const a = await connected(server);
    await a.engine.sync();
    expect(a.engine.getStatus().error?.message).toBe('This app is out of date: reload to update.');
  });

  it('reports offline when the network fails, and says the changes are kept', async () => {
    const a = await connected(fakeServer(), {
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await a.repo.create('notes', note());
    await a.engine.sync();
    expect(a.engine.getStatus().phase).toBe('offline');
    expect(a.engine.getStatus().error?.message).toMatch(/Changes stay on this tablet/);
  });

  it('makes no request when the device knows it is offline', async () => {
    const server = fakeServer();
    const a = await connected(server, { isOnline: () => false });
    await a.repo.create('notes', note());
    expect(await a.engine.sync()).toMatchObject({ skipped: 'offline' });
    expect(server.requests).toHaveLength(0);
  });

  it('backs off exponentially with jitter on repeated failures, within bounds, up to a cap', async () => {
    let now = 0;
    let rand = 0;
    const server = fakeServer();
    const a = await connected(server, { now: () => now, random: () => rand, backoffBaseMs: 1000, backoffMaxMs: 16_000 });
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      server.failNext.push({ status: 503 });
      rand = i % 2 ? 1 : 0;
      await a.engine.sync({ force: true });
      const s = a.engine.getStatus();
      expect(s.phase).toBe('error');
      delays.push(s.retryAt! - now);
      now += 100;
    }
    // Full delay 1, 2, 4, 8, 16, 16, 16 s; jitter picks between half and all of it.
    expect(delays).toEqual([500, 2000, 2000, 8000, 8000, 16000, 8000]);
    // Inside the window an automatic sync does nothing; afterwards it runs and success clears the backoff.
    expect(await a.engine.sync()).toMatchObject({ skipped: 'backoff' });
    now = a.engine.getStatus().retryAt!;
    expect(await a.engine.sync()).toMatchObject({ ok: true });
    expect(a.engine.getStatus()).toMatchObject({ failures: 0, retryAt: null, phase: 'synced' });
  });

  it('waits at least as long as a 429 Retry-After asks', async () => {
    const server = fakeServer();
    server.failNext.push({ status: 429, headers: { 'Retry-After': '120' } });
    const a = await connected(server, { now: () => 5_000, random: () => 0 });
    await a.repo.create('notes', note());
    await a.engine.sync();
    const s = a.engine.getStatus();
    expect(s.error).toMatchObject({ kind: 'busy', status: 429 });
    expect(s.retryAt).toBe(5_000 + 120_000);
    expect(await a.engine.sync()).toMatchObject({ skipped: 'backoff' });
    expect(server.requests).toHaveLength(1);
  });

  it('splits a batch the server finds too large (413)', async () => {
    const server = fakeServer();
    server.maxChanges = 3;
    const a = await connected(server);
    for (let i = 0; i < 10; i++) await a.repo.create('notes', note({ text: `n${i}` }));
    expect(await a.engine.sync()).toMatchObject({ ok: true, pushed: 10 });
    expect(server.records.size).toBe(10);
    expect(await a.repo.db.outbox.count()).toBe(0);
  });

  it('resends after a lost response, and the server applies the batch once', async () => {
    const server = fakeServer();
    let lose = true;
    const lossy: typeof fetch = async (input, init) => {
      const res = await server.fetch(input, init);
      if (lose && String(input).endsWith('/push')) {
        lose = false;
        throw new TypeError('connection reset');
      }
      return res;
    };
    const a = await connected(server, { fetch: lossy });
    await a.repo.create('notes', note());
    await a.engine.sync();
    expect(await a.repo.db.outbox.count()).toBe(1);
    await a.engine.sync({ force: true });
    expect(await a.repo.db.outbox.count()).toBe(0);
    expect(pushes(server)).toHaveLength(2);
    expect(server.records.size).toBe(1);
  });

  it('applies each pulled page with its cursor: a failure mid-apply keeps the old cursor and none of the page', async () => {
    const server = fakeServer();
    const a = await connected(server, { pushBatch: 500 });
    for (let i = 0; i < 3; i++) await a.repo.create('notes', note({ text: `first ${i}` }));
    await a.engine.sync();
    const laterNote = await a.repo.create('notes', note({ text: 'second page note' }));
    await a.repo.create('students', { classId: 'c1', firstName: 'Bao', lastName: 'Nguyen', order: 0, archived: false, sourceId: null });
    await a.engine.sync();

    // The disk refuses student rows (as a full or failing disk would), whichever route writes them.
    let failStudents = true;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (failStudents && this.name === 'students') throw new DOMException('disk error', 'UnknownError');
      return put.apply(this, args);
    };
    onTestFinished(() => {
      IDBObjectStore.prototype.put = put;
    });
    const b = device();
    const bEngine = (await connected(server, { pullLimit: 3 }, b)).engine;
    const out = await bEngine.sync();
    expect(out.ok).toBe(false);
    // Page one (three notes) landed with its cursor; page two (a note and a student) did not land at all.
    expect(await b.db.notes.count()).toBe(3);
    expect(await b.db.notes.get(laterNote)).toBeUndefined();
    expect((await b.db.local.get(KEYS.cursor))?.value).toBe('3');

    failStudents = false;
    await bEngine.sync({ force: true });
    expect((await b.db.notes.get(laterNote))?.text).toBe('second page note');
    expect(await b.db.students.count()).toBe(1);
    expect((await b.db.local.get(KEYS.cursor))?.value).toBe('5');
    const pulls = server.requests.filter((r) => r.path.endsWith('/pull') && r.auth);
    expect(pulls.length).toBeGreaterThan(0);
  });

  it('runs one sync at a time, and a call during a sync asks for one more round', async () => {
    const server = fakeServer();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let first = true;
    const slow: typeof fetch = async (input, init) => {
      if (first) {
        first = false;
        await gate;
      }
      return server.fetch(input, init);
    };
    const a = await connected(server, { fetch: slow });
    await a.repo.create('notes', note());
    const p1 = a.engine.sync();
    await a.repo.create('notes', note({ text: 'written mid-sync' }));
    const p2 = a.engine.sync();
    release();
    await Promise.all([p1, p2]);
    expect(await a.repo.db.outbox.count()).toBe(0);
    expect(server.records.size).toBe(2);
  });

  it('answers Test connection with the teacher\u2019s name, or the error in words', async () => {
    const server = fakeServer();
    const a = await connected(server);
    expect((await a.engine.hello()).teacher.name).toBe('Ms Rivera');
    await writeConfig(a.repo.db, { endpoint: 'https://sync.example.org/', token: 'wrong' });
    await expect(a.engine.hello()).rejects.toThrow('The server refused the token: check it in Settings.');
    const html = new SyncEngine(a.repo, { fetch: async () => new Response('<html>hi</html>', { status: 200 }) });
    await expect(html.hello()).rejects.toThrow(/does not answer like a Circulate server/);
  });

  it('forgets the cursor when the endpoint changes, and refuses an address that is not a web address', async () => {
    const repo = device();
    await writeConfig(repo.db, { endpoint: 'https://a.example.org', token: 't' });
    await repo.db.local.put({ key: KEYS.cursor, value: '42' });
    await writeConfig(repo.db, { endpoint: 'https://a.example.org', token: 't' });
    expect((await repo.db.local.get(KEYS.cursor))?.value).toBe('42');
    await writeConfig(repo.db, { endpoint: 'https://b.example.org', token: 't' });
    expect(await repo.db.local.get(KEYS.cursor)).toBeUndefined();
    await expect(writeConfig(repo.db, { endpoint: 'sync.school', token: 't' })).rejects.toThrow(/starting with https:\/\//);
    expect((await repo.db.local.get(KEYS.endpoint))?.value).toBe('https://b.example.org');
  });
});
