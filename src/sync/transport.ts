// The one place the app calls the network: a JSON request (or a blob's bytes) to the configured server, with the
// schema header, the token, a timeout, and every failure turned into a SyncError the status can show.

import { errorFromResponse, MESSAGES, SyncError } from './errors';
import { CLASS_HEADER } from '../shared/blobs';
import { CLIENT_SCHEMA, SCHEMA_HEADER } from '../shared/protocol';

export interface TransportOptions {
  fetch: typeof fetch;
  now: () => number;
  timeoutMs: number;
}

/** Requests to one server (its API base and token), for the length of one sync or one "Test connection". */
export class Transport {
  constructor(
    private readonly target: { base: string; token: string },
    private readonly opts: TransportOptions,
  ) {}

  /**
   * A blob request (src/sync/blobs.ts): PUT with raw bytes or GET of raw bytes, with the class header. Resolves with
   * the response when it is ok; throws SyncError otherwise (its status tells a 404 or 413 apart). The timeout is
   * the caller's, since a photo over a slow link takes longer than a push.
   */
  async blob(path: string, init: { method: 'GET' | 'PUT'; classId: string; body?: Blob; type?: string; timeoutMs: number }): Promise<Response> {
    const { base, token } = this.target;
    const headers: Record<string, string> = { [SCHEMA_HEADER]: String(CLIENT_SCHEMA), [CLASS_HEADER]: init.classId };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (init.type) headers['Content-Type'] = init.type;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), init.timeoutMs);
    try {
      let res: Response;
      try {
        res = await this.opts.fetch(`${base}${path}`, { method: init.method, headers, body: init.body, signal: abort.signal, cache: 'no-store' });
        if (!res.ok) throw await errorFromResponse(res, this.opts.now());
        // Read the body inside the timeout, so a stalled download is given up like a stalled request.
        return init.method === 'GET' ? new Response(await res.blob(), { status: res.status, headers: res.headers }) : res;
      } catch (e) {
        if (e instanceof SyncError) throw e;
        throw new SyncError('offline', MESSAGES.offline);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * GET without a body, POST (or PUT, for the keyring relay) with one: a string is sent as it is, the push body is
   * assembled already. A 204 resolves with undefined.
   */
  async request<T>(path: string, body?: unknown, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
    const { base, token } = this.target;
    const headers: Record<string, string> = { Accept: 'application/json', [SCHEMA_HEADER]: String(CLIENT_SCHEMA) };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.opts.timeoutMs);
    try {
      let res: Response;
      try {
        res = await this.opts.fetch(`${base}${path}`, {
          method: body === undefined ? 'GET' : method,
          headers,
          body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
          signal: abort.signal,
          cache: 'no-store',
        });
      } catch {
        throw new SyncError('offline', MESSAGES.offline);
      }
      if (!res.ok) throw await errorFromResponse(res, this.opts.now());
      if (res.status === 204) return undefined as T;
      try {
        return (await res.json()) as T;
      } catch {
        throw new SyncError(abort.signal.aborted ? 'offline' : 'not-circulate', abort.signal.aborted ? MESSAGES.offline : MESSAGES.notCirculate);
      }
    } finally {
      clearTimeout(timer);
    }
  }
}
