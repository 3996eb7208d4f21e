// Bad requests get their own status and a message that says what to fix, and change nothing on the server:
// malformed JSON, wrong types, missing fields, oversized bodies, bad or missing tokens, stamps from the future,
// an app too old for the server, and too many requests.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_SCHEMA, MAX_BODY_BYTES, MAX_PUSH_CHANGES, MIN_CLIENT_SCHEMA, type ErrorBody } from '../../src/shared/protocol';
import type { TestServer } from '../../server/testing';
import { STORES, change, client, json, st, type Client } from './api-helpers';

const TABLES = ['teachers', 'records', 'clients', 'class_members', 'field_history'] as const;

describe.each(STORES)('bad requests on $name', (store) => {
  let server: TestServer;
  let api: Client;
  const t0 = Date.now();
  const good = () => [
    change(3, 'classes', 'class-a', { name: 'Room 4' }, st(t0 + 10)),
    change(4, 'students', 'stu-2', { classId: 'class-a', firstName: 'Ana Secretname' }, st(t0 + 11)),
  ];

  const snapshot = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await server.db.dump(t)])));

  /** Sends a bad request and checks its status, code and that the stored state is exactly as before. */
  async function refused(send: () => Promise<Response>, status: number, code: string): Promise<ErrorBody> {
    const before = await snapshot();
    const res = await send();
    expect(res.status).toBe(status);
    const body = await json<ErrorBody>(res);
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(await snapshot()).toEqual(before);
    return body;
  }

  beforeEach(async () => {
    server = await store.start({ rateLimit: { max: 1000, windowMs: 60_000 } });
    const t = await server.addTeacher('Ms Rivera');
    api = client(server, t.token);
    const res = await api.push('tablet-1', [
      change(1, 'classes', 'class-a', { name: 'Room 3' }, st(t0)),
      change(2, 'students', 'stu-1', { classId: 'class-a', firstName: 'Ben' }, st(t0 + 1)),
    ]);
    expect(res.status).toBe(200);
  });
  afterEach(() => server?.close());

  it('malformed JSON: 400', async () => {
    await refused(() => api.pushRaw('{"clientId": "tablet-1", "changes": ['), 400, 'malformed-json');
  });

  it('wrong types: 400 naming the change and field, without echoing the value', async () => {
    const bad = [...good()];
    bad[1] = { ...bad[1]!, n: 'four' as unknown as number, meta: { firstName: { t: 42 as unknown as string, by: 'R' } } };
    const body = await refused(() => api.pushRaw(JSON.stringify({ clientId: 'tablet-1', schema: 2, changes: bad })), 400, 'invalid-request');
    expect(body.error.message).toContain('changes[1].n');
    expect(body.error.message).toContain('changes[1].meta.firstName.t');
    expect(body.error.message).not.toContain('Ana');
    await refused(() => api.pushRaw(JSON.stringify([1, 2])), 400, 'invalid-request');
    await refused(() => api.pushRaw(JSON.stringify({ clientId: 'tablet-1', schema: 2, changes: [{ ...good()[0]!, table: 'passwords' }] })), 400, 'invalid-request');
    await refused(() => api.pushRaw(JSON.stringify({ clientId: 'Tablet One!', schema: 2, changes: good() })), 400, 'invalid-request');
    const badClass = change(3, 'notes', 'n1', { classId: 7, text: 'x' }, st(t0 + 12));
    const msg = await refused(() => api.push('tablet-1', [badClass]), 400, 'invalid-request');
    expect(msg.error.message).toContain('changes[0].fields.classId');
  });

  it('missing fields: 400 saying which', async () => {
    const body = await refused(() => api.pushRaw(JSON.stringify({ schema: 2, changes: good() })), 400, 'invalid-request');
    expect(body.error.message).toContain('clientId');
    const noMeta = { n: 3, table: 'notes', id: 'n1', fields: { classId: 'class-a', text: 'hi' } };
    const b2 = await refused(() => api.pushRaw(JSON.stringify({ clientId: 'tablet-1', schema: 2, changes: [noMeta] })), 400, 'invalid-request');
    expect(b2.error.message).toContain('changes[0].meta');
    const halfMeta = { ...change(3, 'notes', 'n1', { classId: 'class-a' }, st(t0 + 3)), fields: { classId: 'class-a', text: 'unstamped' } };
    await refused(() => api.push('tablet-1', [halfMeta]), 400, 'invalid-request');
    await refused(() => api.push('tablet-1', [{ ...change(3, 'notes', 'n1', { classId: 'class-a' }, st(t0 + 3)), fields: {}, meta: {} }]), 400, 'invalid-request');
  });

  it('changes out of order or too many: 400', async () => {
    const [x, y] = good();
    const body = await refused(() => api.push('tablet-1', [y!, x!]), 400, 'invalid-request');
    expect(body.error.message).toContain('changes[1].n');
    const many = Array.from({ length: MAX_PUSH_CHANGES + 1 }, (_, i) => change(3 + i, 'classes', `c${i}`, { name: 'x' }, st(t0 + 20)));
    await refused(() => api.push('tablet-1', many), 400, 'invalid-request');
  });

  it('oversized body: 413, with or without a Content-Length', async () => {
    const big = JSON.stringify({ clientId: 'tablet-1', schema: 2, changes: [change(3, 'notes', 'n1', { classId: 'class-a', text: 'x'.repeat(MAX_BODY_BYTES) }, st(t0 + 3))] });
    await refused(() => api.pushRaw(big), 413, 'too-large');
    const chunks = [big.slice(0, MAX_BODY_BYTES / 2), big.slice(MAX_BODY_BYTES / 2)];
    const stream = new ReadableStream<Uint8Array>({
      start(ctrl) {
        for (const c of chunks) ctrl.enqueue(new TextEncoder().encode(c));
        ctrl.close();
      },
    });
    await refused(
      () =>
        fetch(`${server.url}/api/v1/push`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${api.token}`, 'X-Circulate-Schema': '2' },
          body: stream,
          duplex: 'half',
        } as RequestInit),
      413,
      'too-large',
    );
  });

  it('wrong or missing token: 401', async () => {
    const wrong = client(server, 'not-the-token');
    await refused(() => wrong.push('tablet-1', good()), 401, 'unauthorized');
    await refused(() => wrong.pullRaw('after=0'), 401, 'unauthorized');
    await refused(
      () => fetch(`${server.url}/api/v1/push`, { method: 'POST', headers: { 'X-Circulate-Schema': '2' }, body: JSON.stringify({ clientId: 'tablet-1', schema: 2, changes: good() }) }),
      401,
      'unauthorized',
    );
    await refused(() => fetch(`${server.url}/api/v1/hello`, { headers: { 'X-Circulate-Schema': '2', Authorization: `Basic ${api.token}` } }), 401, 'unauthorized');
  });

  it('stamps too far in the future: 400 that says to fix the clock', async () => {
    const ahead = change(3, 'notes', 'n1', { classId: 'class-a', text: 'from 2099' }, st(Date.now() + 6 * 60_000));
    const body = await refused(() => api.push('tablet-1', [good()[0]!, { ...ahead, n: 4 }]), 400, 'clock-ahead');
    expect(body.error.message).toMatch(/date and time/);
    // A few minutes of drift is fine.
    const res = await api.push('tablet-1', [change(3, 'notes', 'n1', { classId: 'class-a', text: 'ok' }, st(Date.now() + 60_000))]);
    expect(res.status).toBe(200);
  });

  it('an app older than the server supports: 426, by header or body', async () => {
    const old = client(server, api.token, MIN_CLIENT_SCHEMA - 1);
    await refused(() => old.push('tablet-1', good()), 426, 'upgrade-required');
    await refused(() => old.pullRaw('after=0'), 426, 'upgrade-required');
    await refused(() => old.hello(), 426, 'upgrade-required');
    await refused(() => old.pushRaw(JSON.stringify({ clientId: 'tablet-1', schema: MIN_CLIENT_SCHEMA - 1, changes: good() })), 426, 'upgrade-required');
    await refused(() => fetch(`${server.url}/api/v1/hello`, { headers: { Authorization: `Bearer ${api.token}` } }), 400, 'schema-required');
  });

  it('the schema header is checked first, and must be a whole number that the body agrees with', async () => {
    // Neither token nor header: the header's 400 comes first (it needs no database).
    const none = await refused(() => fetch(`${server.url}/api/v1/hello`), 400, 'schema-required');
    expect(none.error.message).toContain('X-Circulate-Schema');
    for (const bad of ['abc', '', '3.5', '-1', '1e3']) {
      const hello = () => fetch(`${server.url}/api/v1/hello`, { headers: { Authorization: `Bearer ${api.token}`, 'X-Circulate-Schema': bad } });
      const body = await refused(hello, 400, 'schema-required');
      expect(body.error.message).toMatch(/whole number|Send the/);
    }
    const mismatch = await refused(() => api.pushRaw(JSON.stringify({ clientId: 'tablet-1', schema: CLIENT_SCHEMA - 1, changes: good() })), 400, 'invalid-request');
    expect(mismatch.error.message).toBe('schema: must be the same version as the X-Circulate-Schema header');
  });

  it('an empty batch is acknowledged as far as the server has this client, and changes nothing', async () => {
    const before = await snapshot();
    const res = await api.push('tablet-1', []);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ ackedThrough: 2, applied: 0 });
    const fresh = await api.push('tablet-9', []);
    expect(await json(fresh)).toEqual({ ackedThrough: 0, applied: 0 });
    expect((await snapshot()).records).toEqual(before.records);
  });

  it('a missing classId names the place and not the record', async () => {
    const body = await refused(() => api.push('tablet-1', [change(3, 'notes', 'note-secret-id', { text: 'x' }, st(t0 + 5))]), 400, 'invalid-request');
    expect(body.error.message).toBe('changes[0].fields.classId: is missing, and the server has no such notes record to take it from');
    expect(body.error.message).not.toContain('note-secret-id');
  });

  it('a teacher-scoped record may name only a class the teacher teaches', async () => {
    const other = await server.addTeacher('Mr Lee');
    const lee = client(server, other.token);
    expect((await lee.push('lee-1', [change(1, 'classes', 'class-lee', { name: 'Room 9' }, st(t0))])).status).toBe(200);
    await refused(() => api.push('tablet-1', [change(3, 'settings', 'labels', { classId: 'class-lee', value: 1 }, st(t0 + 5))]), 403, 'forbidden');
    expect((await api.push('tablet-1', [change(3, 'settings', 'labels', { classId: 'class-a', value: 1 }, st(t0 + 5))])).status).toBe(200);
  });

  it('a bad pull cursor or limit: 400', async () => {
    await refused(() => api.pullRaw('after=abc'), 400, 'invalid-cursor');
    await refused(() => api.pullRaw('after=-1'), 400, 'invalid-cursor');
    await refused(() => api.pullRaw('after=0&limit=0'), 400, 'invalid-request');
    await refused(() => api.pullRaw('after=0&limit=ten'), 400, 'invalid-request');
    await refused(() => api.pullRaw('after=0&limit=-5'), 400, 'invalid-request');
    await refused(() => api.pullRaw('after=0&limit=2.5'), 400, 'invalid-request');
    // Above the maximum is not an error: the page is capped.
    expect((await api.pullRaw('after=0&limit=999999')).status).toBe(200);
  });

  it('an unknown endpoint: 404 JSON', async () => {
    await refused(() => fetch(`${server.url}/api/v1/nope`, { headers: { Authorization: `Bearer ${api.token}`, 'X-Circulate-Schema': '2' } }), 404, 'not-found');
  });

  it('too many requests: 429 with Retry-After, then allowed again once the bucket refills', async () => {
    let now = Date.now();
    await server.close();
    server = await store.start({ rateLimit: { max: 3, windowMs: 60_000 }, now: () => now });
    const t = await server.addTeacher('Ms Rivera');
    const limited = client(server, t.token);
    for (let i = 0; i < 3; i++) expect((await limited.hello()).status).toBe(200);
    const before = await snapshot();
    const res = await limited.push('tablet-1', good());
    expect(res.status).toBe(429);
    // Three a minute refill one every 20 s: the first 429 says so, not the rest of a minute.
    expect(res.headers.get('Retry-After')).toBe('20');
    expect((await json<ErrorBody>(res)).error.code).toBe('rate-limited');
    expect(await snapshot()).toEqual(before);
    // Another teacher's token has its own allowance.
    const other = await server.addTeacher('Mr Lee');
    expect((await client(server, other.token).hello()).status).toBe(200);
    now += 19_000;
    expect((await limited.hello()).status).toBe(429);
    now += 1_000;
    expect((await limited.hello()).status).toBe(200);
    expect((await limited.hello()).status).toBe(429);
  });
});
