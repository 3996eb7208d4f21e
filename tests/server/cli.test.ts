// The command-line tools against both stores: add-teacher prints a working token once (stored hashed), share-class
// gives a co-teacher a class; both find the store through DATA_DIR / DATABASE_URL like the server does.

import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/testing';
import { STORES, change, client, st } from './api-helpers';
import { freshStoreEnv, runCli, type StoreEnv } from './process-helpers';

describe.each(STORES)('command line on $name', (store) => {
  let server: TestServer | undefined;
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(async () => {
    await server?.close();
    await cleanup();
  });

  async function setup(): Promise<{ env: StoreEnv; server: TestServer }> {
    const { env, cleanup: remove } = freshStoreEnv(store.name, 'cli');
    cleanup = remove;
    return { env, server: await startTestServer({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL, pgSchema: env.PG_SCHEMA }) };
  }

  it('add-teacher prints a token that works, and share-class shares a class', async () => {
    const s = await setup();
    server = s.server;
    const out = runCli('add-teacher', ['--name', 'Ms Rivera'], s.env);
    expect(out.status).toBe(0);
    const token = out.stdout.trim().split('\n').pop()!;
    const teacherId = /Teacher id: (\S+)/.exec(out.stdout)![1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const api = client(server, token);
    const hello = await (await api.hello()).json();
    expect(hello.teacher).toEqual({ id: teacherId, name: 'Ms Rivera' });
    expect(JSON.stringify(await server.db.dump('teachers'))).not.toContain(token);

    const lee = runCli('add-teacher', ['--name=Mr Lee'], s.env);
    const leeToken = lee.stdout.trim().split('\n').pop()!;
    const leeId = /Teacher id: (\S+)/.exec(lee.stdout)![1]!;
    await api.push('tab-1', [change(1, 'classes', 'class-a', { name: 'Room 4' }, st(Date.now()))]);
    expect((await client(server, leeToken).pullAll()).records).toEqual([]);
    const listed = runCli('share-class', ['--list'], s.env);
    expect(listed.stdout).toContain('class-a  Room 4  Ms Rivera (owner)');
    // By name, as the teacher knows the class; ids work too.
    const shared = runCli('share-class', ['--class', 'Room 4', '--teacher', 'Mr Lee'], s.env);
    expect(shared.status).toBe(0);
    expect(shared.stdout).toContain('Room 4 is now shared with Mr Lee');
    expect((await client(server, leeToken).pullAll()).records.map((r) => r.id)).toEqual(['class-a']);
    expect(runCli('share-class', ['--class', 'class-a', '--teacher', leeId], s.env).stdout).toContain('already teaches');
  });

  it('refuses bad arguments with a message and a failing exit code', async () => {
    const s = await setup();
    server = s.server;
    const none = runCli('add-teacher', [], s.env);
    expect(none.status).not.toBe(0);
    expect(none.stderr).toContain('--name');
    const unknown = runCli('share-class', ['--class', 'nope', '--teacher', 'nobody'], s.env);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('No class "nope"');
    expect(await server.db.dump('teachers')).toEqual([]);
  });
});
