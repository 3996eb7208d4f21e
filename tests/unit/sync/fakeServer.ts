// A tiny in-memory endpoint speaking the sync protocol, as a fetch function: enough to test the engine's side alone.
import { mergeStamped, type Stamped } from '../../../src/domain/merge';
import type { PullResponse, PushRequest } from '../../../src/shared/protocol';

export interface FakeServer {
  fetch: typeof fetch;
  /** Every request seen, with its parsed body. */
  requests: { method: string; path: string; body: unknown; auth: string | null }[];
  records: Map<string, { seq: number; table: string; rec: Stamped }>;
  /** Answer the next requests with this status instead (popped one by one). */
  failNext: { status: number; headers?: Record<string, string>; body?: unknown }[];
  maxChanges: number;
}

export function fakeServer(token = 'good-token'): FakeServer {
  let seq = 0;
  const acked = new Map<string, number>();
  const s: FakeServer = {
    requests: [],
    records: new Map(),
    failNext: [],
    maxChanges: 500,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      const auth = new Headers(init?.headers).get('Authorization');
      s.requests.push({ method: init?.method ?? 'GET', path: url.pathname, body, auth });
      const json = (status: number, data: unknown, headers: Record<string, string> = {}) =>
        new Response(JSON.stringify(data), { status, headers: { 'Content-Type': 'application/json', ...headers } });
      const fail = s.failNext.shift();
      if (fail) return json(fail.status, fail.body ?? { error: { code: 'x', message: 'failed' } }, fail.headers);
      if (auth !== `Bearer ${token}`) return json(401, { error: { code: 'unauthorized', message: 'bad token' } });
      if (url.pathname.endsWith('/hello')) return json(200, { server: 'circulate', protocol: 1, minSchema: 2, teacher: { id: 't1', name: 'Ms Rivera' } });
      if (url.pathname.endsWith('/push')) {
        const req = body as PushRequest;
        if (req.changes.length > s.maxChanges) return json(413, { error: { code: 'too-large', message: 'too many' } });
        let max = acked.get(req.clientId) ?? 0;
        let applied = 0;
        for (const c of req.changes) {
          if (c.n <= max) continue;
          const key = `${c.table}:${c.id}`;
          const cur = s.records.get(key);
          const incoming = { id: c.id, fields: c.fields, meta: c.meta };
          s.records.set(key, { seq: ++seq, table: c.table, rec: cur ? mergeStamped(cur.rec, incoming).merged : incoming });
          max = c.n;
          applied++;
        }
        acked.set(req.clientId, max);
        return json(200, { ackedThrough: max, applied });
      }
      if (url.pathname.endsWith('/pull')) {
        const after = Number(url.searchParams.get('after') ?? 0);
        const limit = Number(url.searchParams.get('limit') ?? 1000);
        const all = [...s.records.values()].filter((r) => r.seq > after).sort((a, b) => a.seq - b.seq);
        const page = all.slice(0, limit);
        const res: PullResponse = {
          records: page.map((r) => ({ seq: r.seq, table: r.table as never, id: r.rec.id, fields: r.rec.fields, meta: r.rec.meta })),
          cursor: String(page.at(-1)?.seq ?? after),
          more: all.length > limit,
        };
        return json(200, res);
      }
      return json(404, { error: { code: 'not-found', message: 'no' } });
    },
  };
  return s;
}
