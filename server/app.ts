// The sync API (protocol v1) as a Hono app under /api/v1, and nothing else: main.ts adds the built app beside it.
// Order of checks: CORS, schema header (400, then 426), token (401), rate limit (429), body size (413), body shape (400).
// Bodies are read by body.ts rather than hono's bodyLimit, which answers 413 mid-upload (see there why that hurts).

import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import {
  API_BASE,
  MAX_BODY_BYTES,
  MAX_PULL_LIMIT,
  MIN_CLIENT_SCHEMA,
  PROTOCOL_VERSION,
  SCHEMA_HEADER,
  type HelloResponse,
  type PushResponse,
} from '../src/shared/protocol';
import { ApiError, errorBody } from './errors';
import { readBodyText } from './body';
import { mountBlobRoutes } from './blobs';
import { CLASS_HEADER } from '../src/shared/blobs';
import type { BlobStore } from './store/blobs';
import type { KeyStore } from './store/keys';
import { mountPurgeRoute } from './purge';
import { mountKeyRoutes } from './keys';
import { applyPush } from './push';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitConfig } from './rate-limit';
import { StoreRefusal, type Store, type Teacher } from './store/types';
import { hashToken } from './tokens';
import { parsePushRequest } from './validate';

export interface AppOptions {
  store: Store;
  /** Attachments (photos, memos); without it the blob endpoints answer 404. */
  blobs?: BlobStore;
  /** Encryption keyrings and key shares; without it the keyring endpoints answer 404. */
  keys?: KeyStore;
  /** Origins allowed to call the API from a browser page elsewhere; the app itself is same-origin and needs none. */
  corsOrigins?: string[];
  /** Requests per token per window; false turns the limit off. */
  rateLimit?: RateLimitConfig | false;
  now?: () => number;
  /** Where request lines go (method, path, status, duration, counts: never bodies, names or tokens). */
  log?: (line: string) => void;
  maxBodyBytes?: number;
  maxBlobBytes?: number;
}

export type ApiEnv = { Variables: { teacher: Teacher; counts: string } };

export const DEFAULT_PULL_LIMIT = 500;

/** Removes the blobs of withdrawn notes, class by class. */
async function forgetBlobs(blobs: BlobStore | undefined, list: readonly { classId: string; sha256: string }[]): Promise<void> {
  if (!blobs || list.length === 0) return;
  const byClass = new Map<string, string[]>();
  for (const b of list) byClass.set(b.classId, [...(byClass.get(b.classId) ?? []), b.sha256]);
  for (const [classId, hashes] of byClass) {
    await blobs.forget(classId, hashes).catch((e: unknown) => console.error(`blob forget failed: ${e instanceof Error ? e.name : 'error'}`));
  }
}

function fail(c: Context, e: ApiError | StoreRefusal) {
  const headers = e instanceof ApiError ? e.headers : {};
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  return c.json(errorBody(e.code, e.message), e.status);
}

export function createApp(opts: AppOptions): Hono<ApiEnv> {
  const { store } = opts;
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => undefined);
  const limiter = opts.rateLimit === false ? undefined : new RateLimiter(opts.rateLimit ?? DEFAULT_RATE_LIMIT, now);
  const origins = new Set(opts.corsOrigins ?? []);
  const app = new Hono<ApiEnv>();

  app.use('/api/*', async (c, next) => {
    const start = performance.now();
    await next();
    const counts = c.get('counts');
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - start).toFixed(1)}ms${counts ? ` ${counts}` : ''}`);
  });

  app.onError((e, c) => {
    if (e instanceof ApiError || e instanceof StoreRefusal) return fail(c, e);
    // The error's text may quote stored data (a database error names the row), so only its kind is logged.
    log(`error ${c.req.method} ${c.req.path} ${e.name} ${(e as { code?: string }).code ?? ''}`.trimEnd());
    return c.json(errorBody('server-error', 'The server could not complete this request; try again later'), 500);
  });

  if (origins.size > 0) {
    app.use(
      `${API_BASE}/*`,
      cors({
        origin: (origin) => (origins.has(origin) ? origin : null),
        allowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type', SCHEMA_HEADER, CLASS_HEADER],
        exposeHeaders: ['Retry-After'],
        maxAge: 600,
      }),
    );
  }

  app.use(`${API_BASE}/*`, async (c, next) => {
    // First, before the token: it needs no database, and a request without it is not from a Circulate app.
    const schema = c.req.header(SCHEMA_HEADER);
    if (schema === undefined) throw new ApiError(400, 'schema-required', `Send the ${SCHEMA_HEADER} header with the app's data schema version`);
    if (!/^\d{1,6}$/.test(schema)) throw new ApiError(400, 'schema-required', `${SCHEMA_HEADER}: must be the app's data schema version, a whole number such as ${MIN_CLIENT_SCHEMA}`);
    if (Number(schema) < MIN_CLIENT_SCHEMA) {
      throw new ApiError(426, 'upgrade-required', `This app is too old for the server (schema ${schema}, needs ${MIN_CLIENT_SCHEMA}); update the app`);
    }
    const m = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/.exec(c.req.header('Authorization') ?? '');
    if (!m) throw new ApiError(401, 'unauthorized', 'Send the sync token as "Authorization: Bearer <token>"');
    const tokenHash = hashToken(m[1]!);
    if (limiter) {
      const wait = limiter.hit(tokenHash);
      if (wait > 0) throw new ApiError(429, 'rate-limited', `Too many requests; try again in ${wait} s`, { 'Retry-After': String(wait) });
    }
    const teacher = await store.teacherByTokenHash(tokenHash);
    if (!teacher) throw new ApiError(401, 'unauthorized', 'The sync token is not known to this server; check it in Settings');
    c.set('teacher', teacher);
    await next();
  });

  app.get(`${API_BASE}/hello`, (c) => {
    const teacher = c.get('teacher');
    const body: HelloResponse = { server: 'circulate', protocol: PROTOCOL_VERSION, minSchema: MIN_CLIENT_SCHEMA, teacher };
    return c.json(body);
  });

  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  app.post(`${API_BASE}/push`, async (c) => {
    const text = await readBodyText(c.req.raw, maxBody);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'malformed-json', 'The request body is not valid JSON');
    }
    const req = parsePushRequest(json);
    if (req.schema !== Number(c.req.header(SCHEMA_HEADER))) {
      throw new ApiError(400, 'invalid-request', `schema: must be the same version as the ${SCHEMA_HEADER} header`);
    }
    if (req.schema < MIN_CLIENT_SCHEMA) {
      throw new ApiError(426, 'upgrade-required', `This app is too old for the server (schema ${req.schema}, needs ${MIN_CLIENT_SCHEMA}); update the app`);
    }
    const out = await applyPush(store, c.get('teacher'), req, now());
    // After the commit, so no stored record names bytes already gone. A failure is logged (no ids, no names) and the
    // push stands: the note's words are withdrawn either way.
    await forgetBlobs(opts.blobs, out.forgottenBlobs);
    c.set('counts', `changes=${req.changes.length} applied=${out.applied} written=${out.written} conflicts=${out.conflicts}`);
    const body: PushResponse = { ackedThrough: out.ackedThrough, applied: out.applied };
    return c.json(body);
  });

  app.get(`${API_BASE}/pull`, async (c) => {
    const afterRaw = c.req.query('after') ?? '0';
    if (!/^\d{1,15}$/.test(afterRaw)) throw new ApiError(400, 'invalid-cursor', 'after: must be a cursor returned by an earlier pull (or 0)');
    const limitRaw = c.req.query('limit') ?? String(DEFAULT_PULL_LIMIT);
    if (!/^\d{1,9}$/.test(limitRaw) || Number(limitRaw) < 1) throw new ApiError(400, 'invalid-request', `limit: must be a whole number from 1 to ${MAX_PULL_LIMIT}`);
    const after = Number(afterRaw);
    const limit = Math.min(Number(limitRaw), MAX_PULL_LIMIT);
    const { records, more } = await store.pull(c.get('teacher').id, after, limit);
    const last = records[records.length - 1];
    c.set('counts', `records=${records.length}`);
    // Built as text: the stored fields and meta are already JSON, so parsing and re-serialising them is wasted work.
    const items = records.map((r) => `{"seq":${r.seq},"table":${JSON.stringify(r.table)},"id":${JSON.stringify(r.id)},"fields":${r.fields},"meta":${r.meta}}`);
    const cursor = String(last ? last.seq : after);
    return c.body(`{"records":[${items.join(',')}],"cursor":${JSON.stringify(cursor)},"more":${more}}`, 200, { 'Content-Type': 'application/json' });
  });

  if (opts.blobs) mountBlobRoutes(app, opts.blobs, now, opts.maxBlobBytes);
  if (opts.keys) mountKeyRoutes(app, opts.keys, now);
  mountPurgeRoute(app, store);

  app.all('/api/*', () => {
    throw new ApiError(404, 'not-found', 'No such API endpoint');
  });

  return app;
}
