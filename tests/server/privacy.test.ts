// What the server keeps and says: tokens only as hashes, logs without student data, CORS only for configured
// origins, and private notes never stored even if a device sent one.

import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/testing';
import { STORES, change, client, json, st } from './api-helpers';

describe.each(STORES)('privacy on $name', (store) => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());
  const t0 = Date.now();

  it('stores tokens only as SHA-256 hashes', async () => {
    server = await store.start();
    const t = await server.addTeacher('Ms Rivera');
    expect(t.token.length).toBeGreaterThanOrEqual(43);
    const rows = await server.db.dump('teachers');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(t.token);
    expect(rows[0]!.token_hash).toBe(createHash('sha256').update(t.token).digest('hex'));
    expect((await client(server, t.token).hello()).status).toBe(200);
  });

  it('logs method, path, status and counts, never names, notes, queries or tokens', async () => {
    const lines: string[] = [];
    server = await store.start({ log: (l) => lines.push(l) });
    const t = await server.addTeacher('Ms Rivera');
    const api = client(server, t.token);
    const secret = 'Marisol wrote about her abuela';
    await api.push('tablet-1', [
      change(1, 'classes', 'class-a', { name: 'Room 4' }, st(t0)),
      change(2, 'students', 'stu-1', { classId: 'class-a', firstName: 'Marisol', lastName: 'Quintanilla' }, st(t0 + 1)),
      change(3, 'notes', 'note-1', { classId: 'class-a', studentId: 'stu-1', text: secret }, st(t0 + 2)),
    ]);
    // A bad request that carries a name, a conflict, and a pull.
    await api.pushRaw(JSON.stringify({ clientId: 'tablet-1', schema: 2, changes: [{ n: 'x', fields: { text: 'Quintanilla' } }] }));
    await api.push('tablet-2', [change(1, 'notes', 'note-1', { text: 'Marisol again' }, st(t0 + 1, 'dev2'))]);
    await api.pullAll();
    await api.pullRaw('after=0&limit=5&name=Marisol');
    const log = lines.join('\n');
    expect(lines.some((l) => /^POST \/api\/v1\/push 200 [\d.]+ms changes=3 applied=3/.test(l))).toBe(true);
    expect(lines.some((l) => /^GET \/api\/v1\/pull 200 [\d.]+ms records=3/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('POST /api/v1/push 400'))).toBe(true);
    for (const s of ['Marisol', 'Quintanilla', 'abuela', 'Room 4', 'Ms Rivera', t.token, 'name=']) expect(log).not.toContain(s);
  });

  it('answers CORS only for configured origins', async () => {
    server = await store.start({ corsOrigins: ['https://district.example'] });
    const t = await server.addTeacher('Ms Rivera');
    const preflight = (origin: string) =>
      fetch(`${server!.url}/api/v1/push`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,x-circulate-schema' },
      });
    const ok = await preflight('https://district.example');
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://district.example');
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-circulate-schema');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${server.url}/api/v1/hello`, { headers: { Origin: 'https://evil.example', Authorization: `Bearer ${t.token}`, 'X-Circulate-Schema': '2' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends no CORS headers at all when no origin is configured', async () => {
    server = await store.start();
    const res = await fetch(`${server.url}/api/v1/push`, { method: 'OPTIONS', headers: { Origin: 'https://district.example', 'Access-Control-Request-Method': 'POST' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("keeps none of a private note's words, even when a device sent them by mistake", async () => {
    server = await store.start();
    const t = await server.addTeacher('Ms Rivera');
    const api = client(server, t.token);
    const res = await api.push('tablet-1', [
      change(1, 'classes', 'class-a', { name: 'Room 4' }, st(t0)),
      change(2, 'notes', 'note-p', { classId: 'class-a', text: 'only for me', private: true }, st(t0 + 1)),
    ]);
    expect(await res.json()).toEqual({ ackedThrough: 2, applied: 2 });
    const pulled = (await api.pullAll()).records.find((r) => r.id === 'note-p')!;
    expect(pulled.fields).toEqual({ classId: 'class-a', private: true });
    expect(Object.keys(pulled.meta).sort()).toEqual(['classId', 'private']);
    expect(JSON.stringify(await server.db.dump('records'))).not.toContain('only for me');
  });

  it('withdraws a synced note made private: the server forgets its words and their history, co-teachers see it withdrawn', async () => {
    server = await store.start();
    const rivera = await server.addTeacher('Ms Rivera');
    const lee = await server.addTeacher('Mr Lee');
    const a = client(server, rivera.token);
    const b = client(server, lee.token);
    expect((await a.push('tablet-1', [change(1, 'classes', 'class-a', { name: 'Room 4' }, st(t0))])).status).toBe(200);
    await server.db.shareClass('class-a', lee.id);
    const note = { classId: 'class-a', studentId: 'stu-1', text: 'Ana worries about her dad', private: false, deleted: false };
    expect((await a.push('tablet-1', [change(2, 'notes', 'note-w', note, st(t0 + 1))])).status).toBe(200);
    // The co-teacher's concurrent edit loses to a later one from the author: a field history entry with words in it.
    expect((await b.push('lee-1', [change(1, 'notes', 'note-w', { text: 'Ana asked about her dad' }, st(t0 + 2, 'dev2'))])).status).toBe(200);
    expect((await a.push('tablet-1', [change(3, 'notes', 'note-w', { text: 'Ana worries about her dad a lot' }, st(t0 + 3))])).status).toBe(200);
    expect((await server.db.history({ scope: '', table: 'notes', id: 'note-w' })).length).toBeGreaterThan(0);
    const { cursor } = await b.pullAll();

    const res = await a.push('tablet-1', [
      { n: 4, table: 'notes', id: 'note-w', fields: { private: true, classId: 'class-a', deleted: false }, meta: { private: { t: st(t0 + 4), by: 'Ms Rivera' }, classId: { t: st(t0 + 1), by: 'Ms Rivera' }, deleted: { t: st(t0 + 1), by: 'Ms Rivera' } } },
    ]);
    expect(await res.json()).toEqual({ ackedThrough: 4, applied: 1 });
    const after = await b.pullAll(cursor);
    expect(after.records.map((r) => [r.id, r.fields])).toEqual([['note-w', { classId: 'class-a', private: true, deleted: false }]]);
    expect(await server.db.history({ scope: '', table: 'notes', id: 'note-w' })).toEqual([]);
    const stored = JSON.stringify([await server.db.dump('records'), await server.db.dump('field_history')]);
    expect(stored).not.toContain('dad');
    // A late edit of the words (an older stamp, or a co-teacher's) is acknowledged but not kept while it is private.
    expect(await json(await b.push('lee-1', [change(2, 'notes', 'note-w', { text: 'about her dad again' }, st(t0 + 5, 'dev2'))]))).toEqual({ ackedThrough: 2, applied: 1 });
    expect(JSON.stringify(await server.db.dump('records'))).not.toContain('dad');
    // Made public again, the author's device sends it whole and it is back.
    expect((await a.push('tablet-1', [change(5, 'notes', 'note-w', { ...note, text: 'Ana is fine now', private: false }, st(t0 + 6))])).status).toBe(200);
    const back = (await b.pullAll()).records.find((r) => r.id === 'note-w')!;
    expect(back.fields).toMatchObject({ text: 'Ana is fine now', private: false });
  });
});
