// Shared pieces of the server tests: both stores for describe.each, a small HTTP client, and change builders.

import { formatStamp } from '../../src/domain/hlc';
import { API_BASE, CLIENT_SCHEMA, SCHEMA_HEADER, type Change, type PullResponse, type PulledRecord } from '../../src/shared/protocol';
import type { TableName } from '../../src/shared/records';
import { startTestServer, type TestServer, type TestServerOptions } from '../../server/testing';

export interface StoreCase {
  name: 'sqlite' | 'postgres';
  start(opts?: TestServerOptions): Promise<TestServer>;
}

export const STORES: StoreCase[] = [
  { name: 'sqlite', start: (opts) => startTestServer(opts) },
  {
    name: 'postgres',
    start: (opts) => {
      const url = process.env.TEST_DATABASE_URL;
      // Never skip: a server suite that silently ran only on SQLite would hide a PostgreSQL bug.
      if (!url) throw new Error('TEST_DATABASE_URL is not set. Start one: export TEST_DATABASE_URL=$(bash scripts/pg-test.sh start)');
      return startTestServer({ ...opts, databaseUrl: url });
    },
  },
];

/** A stamp at this ms from device `node`. */
export function st(ms: number, node = 'dev1', c = 0): string {
  return formatStamp(ms, c, node);
}

/** A change whose every field carries the same stamp and author. */
export function change(n: number, table: TableName, id: string, fields: Record<string, unknown>, stamp: string, by = 'Ms Rivera'): Change {
  return { n, table, id, fields, meta: Object.fromEntries(Object.keys(fields).map((f) => [f, { t: stamp, by }])) };
}

export interface Client {
  token: string;
  hello(): Promise<Response>;
  pushRaw(body: string, headers?: Record<string, string>): Promise<Response>;
  push(clientId: string, changes: Change[]): Promise<Response>;
  pullRaw(query: string): Promise<Response>;
  /** Pulls every page from `after`, returning the records and the final cursor. */
  pullAll(after?: string, limit?: number): Promise<{ records: PulledRecord[]; cursor: string; pages: number }>;
}

export function client(server: { url: string }, token: string, schema = CLIENT_SCHEMA): Client {
  const headers = (extra: Record<string, string> = {}) => ({
    Authorization: `Bearer ${token}`,
    [SCHEMA_HEADER]: String(schema),
    'Content-Type': 'application/json',
    ...extra,
  });
  const c: Client = {
    token,
    hello: () => fetch(`${server.url}${API_BASE}/hello`, { headers: headers() }),
    pushRaw: (body, extra) => fetch(`${server.url}${API_BASE}/push`, { method: 'POST', headers: headers(extra), body }),
    push: (clientId, changes) => c.pushRaw(JSON.stringify({ clientId, schema, changes })),
    pullRaw: (query) => fetch(`${server.url}${API_BASE}/pull?${query}`, { headers: headers() }),
    pullAll: async (after = '0', limit = 1000) => {
      const records: PulledRecord[] = [];
      let cursor = after;
      let pages = 0;
      for (;;) {
        const res = await c.pullRaw(`after=${cursor}&limit=${limit}`);
        if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${await res.text()}`);
        const body = (await res.json()) as PullResponse;
        pages++;
        records.push(...body.records);
        cursor = body.cursor;
        if (!body.more) return { records, cursor, pages };
      }
    },
  };
  return c;
}

export async function json<T = unknown>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
