// The one place the app calls the network: a JSON request to the configured server, with the schema header, the
// token, a timeout, and every failure turned into a SyncError the status can show.

import { errorFromResponse, MESSAGES, SyncError } from './errors';
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

  /** GET without a body, POST with one (a string is sent as it is: the push body is assembled already). */
  async request<T>(path: string, body?: unknown): Promise<T> {
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
          method: body === undefined ? 'GET' : 'POST',
          headers,
          body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
          signal: abort.signal,
          cache: 'no-store',
        });
      } catch {
        throw new SyncError('offline', MESSAGES.offline);
      }
      if (!res.ok) throw await errorFromResponse(res, this.opts.now());
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
