// What the server keeps and says: tokens only as hashes, logs without student data, CORS only for configured
// origins, and private notes never stored even if a device sent one.

import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/testing';
import { STORES, change, client, st } from './api-helpers';

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

  it('drops a private note a device sent by mistake, and acknowledges it so the device moves on', async () => {
    server = await store.start();
    const t = await server.addTeacher('Ms Rivera');
    const api = client(server, t.token);
    const res = await api.push('tablet-1', [
      change(1, 'classes', 'class-a', { name: 'Room 4' }, st(t0)),
      change(2, 'notes', 'note-p', { classId: 'class-a', text: 'only for me', private: true }, st(t0 + 1)),
    ]);
    expect(await res.json()).toEqual({ ackedThrough: 2, applied: 1 });
    expect((await api.pullAll()).records.map((r) => r.id)).toEqual(['class-a']);
    expect(JSON.stringify(await server.db.dump('records'))).not.toContain('only for me');
  });
});
