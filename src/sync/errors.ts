// Why a sync attempt failed, in words a teacher can act on, and how long to wait before trying again.
// The engine turns every HTTP status and network failure into one of these; the header and Settings show `message`.

import type { ErrorBody } from '../shared/protocol';

export type SyncErrorKind =
  | 'offline'
  | 'auth'
  | 'forbidden'
  | 'too-large'
  | 'outdated'
  | 'busy'
  | 'rejected'
  | 'clock'
  | 'server'
  | 'not-circulate'
  | 'tampered';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status?: number,
    /** From Retry-After: the server asked for at least this long before the next try. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export const MESSAGES = {
  offline: 'Can\u2019t reach the server. Changes stay on this tablet and sync when the connection is back.',
  auth: 'The server refused the token: check it in Settings.',
  forbidden: 'The server refused a change to a class this account can\u2019t edit: ask its owner to share the class with you, or check the token in Settings.',
  tooLarge: 'A change is too big for the server: ask whoever runs the server to raise its size limit.',
  outdated: 'This app is out of date: reload to update.',
  busy: 'The server is busy: Circulate will try again shortly.',
  clock: 'The server refused changes stamped in the future: check this tablet\u2019s date and time.',
  server: 'The server had a problem: Circulate will try again shortly.',
  notCirculate: 'That address does not answer like a Circulate server: check the server address in Settings.',
  tampered: (records: number, blobs = 0) => tamperedMessage(records, blobs),
} as const;

/** Records and sealed photos or memos that failed the encryption check, in one sentence: what is safe on the tablet
 * (a damaged record overwrote nothing; damaged bytes were not kept) and whom to tell. */
function tamperedMessage(records: number, blobs: number): string {
  const recordWords = records === 1 ? 'A record' : `${records} records`;
  const blobWords = blobs === 1 ? 'a photo or voice memo' : `${blobs} photos or voice memos`;
  const what = records && blobs ? `${recordWords} and ${blobWords}` : records ? recordWords : blobWords.replace(/^a/, 'A');
  const one = records + blobs === 1;
  const safe = !blobs
    ? 'Nothing on this tablet was overwritten'
    : !records
      ? `${one ? 'It was' : 'They were'} not kept on this tablet`
      : `Nothing on this tablet was overwritten, and the damaged ${blobs === 1 ? 'photo or memo was' : 'photos or memos were'} not kept`;
  return `${what} from the server failed the encryption check: changed after ${one ? 'it was' : 'they were'} sealed. ${safe}; tell whoever runs the server.`;
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

async function readErrorBody(res: Response): Promise<ErrorBody['error'] | undefined> {
  try {
    const body = (await res.json()) as Partial<ErrorBody>;
    if (body && typeof body.error === 'object' && body.error && typeof body.error.message === 'string') return body.error;
  } catch {
    // Not JSON (a proxy's error page, say): the status alone has to explain it.
  }
  return undefined;
}

export async function errorFromResponse(res: Response, now: number): Promise<SyncError> {
  const body = await readErrorBody(res);
  const s = res.status;
  if (s === 401) return new SyncError('auth', MESSAGES.auth, s);
  if (s === 403) return new SyncError('forbidden', MESSAGES.forbidden, s);
  if (s === 413) return new SyncError('too-large', MESSAGES.tooLarge, s);
  if (s === 426) return new SyncError('outdated', MESSAGES.outdated, s);
  if (s === 429) return new SyncError('busy', MESSAGES.busy, s, parseRetryAfter(res.headers.get('Retry-After'), now));
  if (s >= 500) return new SyncError('server', MESSAGES.server, s, parseRetryAfter(res.headers.get('Retry-After'), now));
  if (s === 400 && body) {
    if (/future|clock|drift/i.test(`${body.code} ${body.message}`)) return new SyncError('clock', MESSAGES.clock, s);
    return new SyncError('rejected', `The server could not accept the data (${body.message}): try again later, or tell whoever runs the server.`, s);
  }
  if (s === 404 || !body) return new SyncError('not-circulate', MESSAGES.notCirculate, s);
  return new SyncError('rejected', `The server answered ${s} (${body.message}): tell whoever runs the server.`, s);
}

export function asSyncError(e: unknown): SyncError {
  if (e instanceof SyncError) return e;
  // fetch rejects with a TypeError (or an AbortError on our timeout) when the network or the server is unreachable.
  return new SyncError('offline', MESSAGES.offline);
}
