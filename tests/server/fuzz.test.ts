// Fuzz of the push path on both stores: whatever field names and value shapes a client sends, the answer is a 200 or
// a 400 naming the place (never a 500), a 400 stores nothing, and every field a 200 acknowledged comes back in a pull
// exactly as sent.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_SCHEMA, type ErrorBody, type PushResponse } from '../../src/shared/protocol';
import type { TestServer } from '../../server/testing';
import { STORES, client, json, st, type Client } from './api-helpers';

const reserved = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'id', '_m', 'isPrototypeOf');
const plainName = fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,20}$/).filter((n) => n !== 'classId' && n !== 'private');
const oddName = fc.string({ unit: 'binary', maxLength: 70 });
const name = fc.oneof({ weight: 4, arbitrary: plainName }, { weight: 1, arbitrary: reserved }, { weight: 1, arbitrary: oddName });

/** JSON text nested `depth` deep, built as text so no serialiser overflows on the way out. */
const nested = fc.tuple(fc.integer({ min: 1, max: 6000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => {
  const close = open === '[' ? ']' : '}';
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
});
const oddString = fc.string({ unit: 'binary', maxLength: 40 }).map((s) => JSON.stringify(s));
const valueText = fc.oneof(fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)), nested, oddString);
const by = fc.oneof({ weight: 4, arbitrary: fc.constant('Ms Rivera') }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 210 }) });
const fieldsArb = fc.uniqueArray(fc.tuple(name, valueText, by), { minLength: 1, maxLength: 5, selector: (e) => e[0] });

describe.each(STORES)('push fuzz on $name', (store) => {
  let server: TestServer;
  let api: Client;
  let n = 1;
  let ms = Date.now() - 60_000;
  let cursor = '0';

  beforeAll(async () => {
    server = await store.start({ rateLimit: false });
    api = client(server, (await server.addTeacher('Ms Rivera')).token);
    const t = JSON.stringify({ t: st(ms), by: 'Ms Rivera' });
    const res = await api.pushRaw(`{"clientId":"fuzz","schema":${CLIENT_SCHEMA},"changes":[{"n":${n++},"table":"classes","id":"k1","fields":{"name":"R"},"meta":{"name":${t}}}]}`);
    expect(res.status, await res.clone().text()).toBe(200);
    cursor = (await api.pullAll()).cursor;
  });
  afterAll(() => server?.close());

  it('answers 200 or a 400 naming the place; what it acknowledged comes back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('students', 'settings'), fieldsArb, async (table, entries) => {
        const id = `r${n}`;
        const t = st(++ms);
        const fields = entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`);
        const meta = entries.map(([k, , b]) => `${JSON.stringify(k)}:${JSON.stringify({ t, by: b })}`);
        if (table === 'students') {
          fields.push('"classId":"k1"');
          meta.push(`"classId":${JSON.stringify({ t, by: 'Ms Rivera' })}`);
        }
        const body = `{"clientId":"fuzz","schema":${CLIENT_SCHEMA},"changes":[{"n":${n++},"table":"${table}","id":"${id}","fields":{${fields.join(',')}},"meta":{${meta.join(',')}}}]}`;
        const res = await api.pushRaw(body);
        expect([200, 400]).toContain(res.status);
        const page = await api.pullAll(cursor);
        cursor = page.cursor;
        if (res.status === 400) {
          const err = await json<ErrorBody>(res);
          expect(err.error.message).toMatch(/^(changes\[0\]|body)/);
          expect(page.records).toEqual([]);
          return;
        }
        expect(await json<PushResponse>(res)).toMatchObject({ applied: 1 });
        expect(page.records).toHaveLength(1);
        const got = page.records[0]!;
        // What was sent, read the way the server reads it.
        const sent = JSON.parse(`{${fields.join(',')}}`) as Record<string, unknown>;
        const sentMeta = JSON.parse(`{${meta.join(',')}}`) as Record<string, unknown>;
        expect(Object.keys(got.fields).sort()).toEqual(Object.keys(sent).sort());
        for (const k of Object.keys(sent)) {
          expect(JSON.stringify(Object.getOwnPropertyDescriptor(got.fields, k)?.value)).toBe(JSON.stringify(sent[k]));
          expect(Object.getOwnPropertyDescriptor(got.meta, k)?.value).toEqual(sentMeta[k]);
        }
      }),
      { numRuns: 120 },
    );
  }, 120_000);
});
