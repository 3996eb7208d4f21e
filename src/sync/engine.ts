// The sync engine for one device database: pushes the outbox in batches, then pulls pages after the stored cursor,
// applying each page with its cursor in one transaction. The only code (with ./http) that talks to the network.

import type { Repo, RemoteChange } from '../db/repo';
import type { OutboxEntry } from '../db/localRecords';
import { isPrivateNote } from '../shared/records';
import { mergeStamped } from '../domain/merge';
import { apiBase, KEYS, readConfig, readLastSyncAt } from './config';
import { asSyncError, errorFromResponse, MESSAGES, SyncError, type SyncErrorKind } from './errors';
import {
  CLIENT_SCHEMA,
  MAX_BODY_BYTES,
  MAX_PULL_LIMIT,
  MAX_PUSH_CHANGES,
  SCHEMA_HEADER,
  type Change,
  type HelloResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../shared/protocol';

export type SyncPhase = 'off' | 'idle' | 'syncing' | 'synced' | 'offline' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  lastSyncAt: number | null;
  error: { kind: SyncErrorKind; message: string; status?: number } | null;
  /** When the next automatic attempt may run after a failure (backoff or Retry-After). */
  retryAt: number | null;
  failures: number;
}

export interface SyncOutcome {
  ok: boolean;
  /** Why nothing was attempted: no endpoint, the device is offline, or a backoff is running. */
  skipped?: 'off' | 'offline' | 'backoff';
  pushed: number;
  pulled: number;
  error?: SyncError;
}

export interface SyncEngineOptions {
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  /** Whether the device thinks it has a network (navigator.onLine); offline means no request is made. */
  isOnline?: () => boolean;
  /** Runs one sync at a time across tabs (Web Locks in the app). */
  lock?: <T>(fn: () => Promise<T>) => Promise<T>;
  pushBatch?: number;
  pullLimit?: number;
  maxBodyBytes?: number;
  timeoutMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

type Listener = (s: SyncStatus) => void;

/** Changes in the first push of a sync (see push). */
const FIRST_PUSH = 250;

const encoder = new TextEncoder();

/** UTF-8 size of a JSON text, encoding only when it holds more than ASCII (most changes do not). */
function byteLength(json: string): number {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007f]/.test(json) ? encoder.encode(json).length : json.length;
}

/** Outbox entries grouped into the changes of one push, and how far through the outbox they reach. */
interface Batch {
  changes: Change[];
  /** Each change as JSON, already made to measure the batch: the body is assembled from these. */
  json: string[];
  /** Every outbox seq the batch covers, sent or skipped. */
  seqs: number[];
  /** For each change, the lowest outbox seq folded into it. */
  firstSeqs: number[];
  bytes: number;
  /** The highest outbox seq read for this batch, sent or skipped. */
  lastSeq: number;
}

export class SyncEngine {
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly isOnline: () => boolean;
  private readonly lock: <T>(fn: () => Promise<T>) => Promise<T>;
  private readonly pushBatch: number;
  private readonly pullLimit: number;
  private readonly maxBodyBytes: number;
  private readonly timeoutMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private status: SyncStatus = { phase: 'idle', lastSyncAt: null, error: null, retryAt: null, failures: 0 };
  private readonly listeners = new Set<Listener>();
  private running: Promise<SyncOutcome> | undefined;
  private rerun = false;
  private loaded = false;

  constructor(
    readonly repo: Repo,
    opts: SyncEngineOptions = {},
  ) {
    this.fetchFn = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.isOnline = opts.isOnline ?? (() => true);
    this.lock = opts.lock ?? ((fn) => fn());
    this.pushBatch = Math.min(opts.pushBatch ?? MAX_PUSH_CHANGES, MAX_PUSH_CHANGES);
    this.pullLimit = Math.min(opts.pullLimit ?? MAX_PULL_LIMIT, MAX_PULL_LIMIT);
    this.maxBodyBytes = opts.maxBodyBytes ?? Math.floor(MAX_BODY_BYTES * 0.9);
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.backoffBaseMs = opts.backoffBaseMs ?? 2_000;
    this.backoffMaxMs = opts.backoffMaxMs ?? 5 * 60_000;
  }

  // ---- status, for the header and Settings (useSyncExternalStore) ----

  getStatus = (): SyncStatus => this.status;

  subscribe = (fn: Listener): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private setStatus(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const fn of this.listeners) fn(this.status);
  }

  /** Loads the last sync time so the status is right before the first attempt. */
  async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    const [config, last] = await Promise.all([readConfig(this.repo.db), readLastSyncAt(this.repo.db)]);
    this.setStatus({ lastSyncAt: last, phase: config ? this.status.phase : 'off' });
  }

  /** Changes waiting in the outbox. */
  pending(): Promise<number> {
    return this.repo.db.outbox.count();
  }

  /** Exponential backoff with "equal jitter": half the delay fixed, half random, so tablets don't retry in step. */
  backoffDelay(failures: number): number {
    const full = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** Math.max(0, failures - 1));
    return Math.round(full / 2 + (this.random() * full) / 2);
  }

  // ---- running ----

  /**
   * One sync at a time: a call while one runs asks for another round after it (a change made mid-push) and shares
   * its promise. Without `force`, a call inside the backoff window does nothing.
   */
  sync(opts: { force?: boolean; pushOnly?: boolean } = {}): Promise<SyncOutcome> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    if (!opts.force && this.status.retryAt !== null && this.now() < this.status.retryAt) {
      return Promise.resolve({ ok: false, skipped: 'backoff', pushed: 0, pulled: 0 });
    }
    this.running = this.rounds(opts.pushOnly === true).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async rounds(pushOnly: boolean): Promise<SyncOutcome> {
    let outcome: SyncOutcome;
    let pushed = 0;
    let pulled = 0;
    do {
      this.rerun = false;
      outcome = await this.attempt(pushOnly);
      pushed += outcome.pushed;
      pulled += outcome.pulled;
    } while (this.rerun && outcome.ok && !outcome.skipped);
    return { ...outcome, pushed, pulled };
  }

  /** One push then pull (push only when asked: a flush before the app is hidden, or a benchmark). */
  private async attempt(pushOnly: boolean): Promise<SyncOutcome> {
    await this.repo.session.ready();
    await this.load();
    const config = await readConfig(this.repo.db);
    if (!config) {
      this.setStatus({ phase: 'off', error: null, retryAt: null, failures: 0 });
      return { ok: true, skipped: 'off', pushed: 0, pulled: 0 };
    }
    const parsed = apiBase(config.endpoint);
    if ('error' in parsed) {
      this.setStatus({ phase: 'error', error: { kind: 'not-circulate', message: parsed.error } });
      return { ok: false, pushed: 0, pulled: 0, error: new SyncError('not-circulate', parsed.error) };
    }
    if (!this.isOnline()) {
      this.setStatus({ phase: 'offline', error: null });
      return { ok: false, skipped: 'offline', pushed: 0, pulled: 0 };
    }
    this.setStatus({ phase: 'syncing' });
    const counts = { pushed: 0, pulled: 0 };
    try {
      await this.lock(async () => {
        counts.pushed = await this.push(parsed.base, config.token);
        if (!pushOnly) counts.pulled = await this.pull(parsed.base, config.token, config.cursor);
      });
      const lastSyncAt = pushOnly ? this.status.lastSyncAt : this.now();
      this.setStatus({ phase: 'synced', lastSyncAt, error: null, retryAt: null, failures: 0 });
      return { ok: true, ...counts };
    } catch (e) {
      const err = asSyncError(e);
      const failures = this.status.failures + 1;
      const wait = Math.max(this.backoffDelay(failures), err.retryAfterMs ?? 0);
      this.setStatus({
        phase: err.kind === 'offline' ? 'offline' : 'error',
        error: { kind: err.kind, message: err.message, status: err.status },
        retryAt: this.now() + wait,
        failures,
      });
      return { ok: false, ...counts, error: err };
    }
  }

  // ---- HTTP ----

  private async request<T>(base: string, token: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', [SCHEMA_HEADER]: String(CLIENT_SCHEMA) };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    try {
      let res: Response;
      try {
        res = await this.fetchFn(`${base}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers,
          body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
          signal: abort.signal,
          cache: 'no-store',
        });
      } catch {
        throw new SyncError('offline', MESSAGES.offline);
      }
      if (!res.ok) throw await errorFromResponse(res, this.now());
      try {
        return (await res.json()) as T;
      } catch {
        throw new SyncError(abort.signal.aborted ? 'offline' : 'not-circulate', abort.signal.aborted ? MESSAGES.offline : MESSAGES.notCirculate);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** GET /hello: who the token belongs to, for "Test connection". Throws SyncError. */
  async hello(): Promise<HelloResponse> {
    const config = await readConfig(this.repo.db);
    if (!config) throw new SyncError('not-circulate', 'Enter the server address first.');
    const parsed = apiBase(config.endpoint);
    if ('error' in parsed) throw new SyncError('not-circulate', parsed.error);
    const res = await this.request<HelloResponse>(parsed.base, config.token, '/hello');
    if (res?.server !== 'circulate' || typeof res.teacher?.name !== 'string') throw new SyncError('not-circulate', MESSAGES.notCirculate);
    return res;
  }

  // ---- push ----

  /**
   * Reads the next batch from the front of the outbox. Entries of one record are coalesced into one change whose n
   * is the highest seq among them, and changes go in ascending n: the server skips n at or below what it has from
   * this client, and every coalesced entry is at or below its change's n, so nothing is skipped that was not sent.
   * Private notes are dropped here too (the write path already keeps them out; this is the last gate).
   */
  private async nextBatch(limit: number, after?: number): Promise<Batch | null> {
    const db = this.repo.db;
    // One read transaction: the entries and the notes they touch, as they stand together.
    const [entries, notes] = await db.transaction('r', db.outbox, db.notes, async () => {
      // The table's own order is its primary key, seq: the oldest changes first (after `after`, when reading ahead).
      const from = after === undefined ? db.outbox.toCollection() : db.outbox.where('seq').above(after);
      const list = (await from.limit(limit).toArray()) as (OutboxEntry & { seq: number })[];
      const noteIds = [...new Set(list.filter((e) => e.table === 'notes').map((e) => e.id))];
      return [list, noteIds.length ? await db.notes.bulkGet(noteIds) : []] as const;
    });
    if (!entries.length) return null;
    const privateIds = new Set(notes.filter((n) => isPrivateNote('notes', n)).map((n) => n!.id));

    const byRecord = new Map<string, { change: Change; json: string; size: number; firstSeq: number }>();
    let bytes = 64;
    let lastSeq = entries[0]!.seq - 1;
    for (const e of entries) {
      const isPrivate = privateIds.has(e.id) || isPrivateNote(e.table, e.fields);
      if (!isPrivate && Object.keys(e.meta).length) {
        const key = `${e.table}\u0000${e.id}`;
        const prev = byRecord.get(key);
        const merged = prev ? mergeStamped(prev.change, { id: e.id, fields: e.fields, meta: e.meta }).merged : e;
        const change: Change = { n: e.seq, table: e.table, id: e.id, fields: merged.fields, meta: merged.meta };
        const json = JSON.stringify(change);
        const size = byteLength(json) + 1;
        // Always take one entry, so an oversized change reaches the server and gets its 413 rather than a silent stall.
        if (byRecord.size > 0 && bytes + size - (prev?.size ?? 0) > this.maxBodyBytes) break;
        bytes += size - (prev?.size ?? 0);
        byRecord.set(key, { change, json, size, firstSeq: prev?.firstSeq ?? e.seq });
      }
      lastSeq = e.seq;
    }
    const list = [...byRecord.values()].sort((a, b) => a.change.n - b.change.n);
    const seqs = entries.filter((e) => e.seq <= lastSeq).map((e) => e.seq);
    return { changes: list.map((x) => x.change), json: list.map((x) => x.json), firstSeqs: list.map((x) => x.firstSeq), seqs, bytes, lastSeq };
  }

  private async push(base: string, token: string): Promise<number> {
    const clientId = this.repo.session.deviceId;
    if (!clientId) throw new Error('Session not loaded');
    const db = this.repo.db;
    let limit = this.pushBatch;
    let pushed = 0;
    let ahead: Promise<Batch | null> | undefined;
    /** The delete of an acknowledged batch, left running while the next one is sent (see below). */
    let deleting: Promise<unknown> | undefined;
    for (;;) {
      // The first batch is small, so the server starts work while the next full batch is read from the outbox.
      const batch = await (ahead ?? this.nextBatch(pushed === 0 ? Math.min(limit, FIRST_PUSH) : limit));
      ahead = undefined;
      if (!batch) {
        await deleting;
        return pushed;
      }
      if (batch.changes.length === 0) {
        // Only private entries: nothing to send, and nothing to keep.
        await db.outbox.bulkDelete(batch.seqs);
        continue;
      }
      const head: Omit<PushRequest, 'changes'> = { clientId, schema: CLIENT_SCHEMA };
      const body = `${JSON.stringify(head).slice(0, -1)},"changes":[${batch.json.join(',')}]}`;
      const sent = this.request<PushResponse>(base, token, '/push', body);
      // Read the entries after this batch while the server works; used only if the whole batch is acknowledged
      // (then the outbox front is exactly there), never sent before that answer.
      const next = this.nextBatch(limit, batch.lastSeq);
      next.catch(() => undefined);
      let res: PushResponse;
      try {
        res = await sent;
      } catch (e) {
        if (e instanceof SyncError && e.kind === 'too-large' && batch.changes.length > 1) {
          limit = Math.max(1, Math.floor(batch.changes.length / 2));
          continue;
        }
        throw e;
      }
      await deleting;
      deleting = undefined;
      if (typeof res?.ackedThrough !== 'number') throw new SyncError('not-circulate', MESSAGES.notCirculate);
      const maxSent = batch.changes[batch.changes.length - 1]!.n;
      let upTo = res.ackedThrough >= maxSent ? batch.lastSeq : res.ackedThrough;
      // On a partial ack, keep every entry folded into a change the server does not have yet.
      batch.changes.forEach((c, i) => {
        if (c.n > res.ackedThrough) upTo = Math.min(upTo, batch.firstSeqs[i]! - 1);
      });
      if (upTo < batch.firstSeqs[0]!) {
        // The server kept none of the batch yet said it was fine: stop rather than loop forever.
        throw new SyncError('server', MESSAGES.server);
      }
      // Reads start at the front of the outbox, so every entry at or below upTo was in this batch: one range delete.
      const deleted = db.transaction('rw', db.outbox, () => db.outbox.where('seq').belowOrEqual(upTo).delete());
      pushed += batch.changes.filter((c) => c.n <= upTo).length;
      if (upTo === batch.lastSeq) {
        // Everything sent is on the server: the next batch (read ahead, after this one) goes out while the delete
        // runs. Should the delete fail or the tab close first, those entries are sent again and the server skips them.
        ahead = next;
        deleting = deleted;
        deleted.catch(() => undefined);
      } else {
        // A partial ack: the next read starts at the outbox front, so it must see the delete done.
        await deleted;
      }
    }
  }

  // ---- pull ----

  private async pull(base: string, token: string, from: string | undefined): Promise<number> {
    const fetchPage = (after: string | undefined) => {
      const query = new URLSearchParams({ limit: String(this.pullLimit) });
      if (after !== undefined) query.set('after', after);
      return this.request<PullResponse>(base, token, `/pull?${query.toString()}`);
    };
    let pulled = 0;
    let next = fetchPage(from);
    for (;;) {
      const page = await next;
      if (!Array.isArray(page?.records) || typeof page.cursor !== 'string' || typeof page.more !== 'boolean') {
        throw new SyncError('not-circulate', MESSAGES.notCirculate);
      }
      // Ask for the next page while this one is written, so the server's work and the transfer overlap the local
      // writes. Should this page fail to apply, the early answer is dropped and the stored cursor stays put.
      if (page.more) {
        next = fetchPage(page.cursor);
        next.catch(() => undefined);
      }
      const changes: RemoteChange[] = page.records.map((r) => ({ table: r.table, id: r.id, fields: r.fields, meta: r.meta }));
      // The page and its cursor land together: an interrupted pull resumes from the last whole page. The last page
      // also records the sync time, as everything before it has succeeded.
      const local = [{ key: KEYS.cursor, value: page.cursor }, ...(page.more ? [] : [{ key: KEYS.lastSyncAt, value: this.now() }])];
      await this.repo.applyRemote(changes, local);
      pulled += changes.length;
      if (!page.more) return pulled;
    }
  }
}
