// The sync engine for one device database: one sync at a time, push (./push) then pull (./pull) through one
// ./transport, with the status and backoff (./status) the header and Settings show.

import type { Repo, RemoteChange } from '../db/repo';
import { apiBase, readConfig, readLastSyncAt } from './config';
import { asSyncError, MESSAGES, SyncError } from './errors';
import { damagedHeld, pull } from './pull';
import { push } from './push';
import { backoffDelay, type StatusListener, type SyncOutcome, type SyncStatus } from './status';
import { Transport } from './transport';
import type { Sealer } from './e2ee/sealer';
import type { KeyExchange } from './e2ee/exchange';
import { MAX_BODY_BYTES, MAX_PULL_LIMIT, MAX_PUSH_CHANGES, type HelloResponse } from '../shared/protocol';

export type { SyncOutcome, SyncPhase, SyncStatus } from './status';

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
  /** Seals pushes and opens pulls when end-to-end encryption is on. */
  sealer?: Sealer;
  /** The key traffic around each sync (relayed keyring, co-teacher shares, re-sending a class sealed). */
  keyExchange?: KeyExchange;
  /** Told of each applied pull page, after it landed (the blob queue queues the attachments it names). */
  onPulled?: (changes: readonly RemoteChange[]) => Promise<void>;
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
  private readonly sealer: Sealer | undefined;
  private readonly keyExchange: KeyExchange | undefined;
  private readonly onPulled: SyncEngineOptions['onPulled'];
  private status: SyncStatus = { phase: 'idle', lastSyncAt: null, error: null, retryAt: null, failures: 0 };
  private readonly listeners = new Set<StatusListener>();
  private running: Promise<SyncOutcome> | undefined;
  private rerun = false;
  private loaded = false;
  /** What failed the encryption check and is still held back: damaged records (counted by each sync) and sealed
   * photos and memos (told by the blob queue after each pass). The status warns while either is above 0. */
  private readonly tampered = { records: 0, blobs: 0 };

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
    this.sealer = opts.sealer;
    this.keyExchange = opts.keyExchange;
    this.onPulled = opts.onPulled;
  }

  // ---- status, for the header and Settings (useSyncExternalStore) ----

  getStatus = (): SyncStatus => this.status;

  subscribe = (fn: StatusListener): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private setStatus(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const fn of this.listeners) fn(this.status);
  }

  /** The blob queue's count of sealed downloads held back as tampered: shown at once after a sync that succeeded,
   * and by every later sync until it is 0 (a sync running, or one that failed, shows it when one succeeds). */
  reportTamperedBlobs(n: number): void {
    if (n === this.tampered.blobs) return;
    this.tampered.blobs = n;
    const s = this.status;
    if (s.phase !== 'synced' && !(s.phase === 'error' && s.error?.kind === 'tampered')) return;
    const err = this.tamperedError();
    this.setStatus(err ? { phase: 'error', error: { kind: err.kind, message: err.message } } : { phase: 'synced', error: null });
  }

  private tamperedError(): SyncError | undefined {
    const { records, blobs } = this.tampered;
    return records + blobs > 0 ? new SyncError('tampered', MESSAGES.tampered(records, blobs)) : undefined;
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
    return this.repo.outbox.count();
  }

  /** Exponential backoff with "equal jitter": half the delay fixed, half random, so tablets don't retry in step. */
  backoffDelay(failures: number): number {
    return backoffDelay(failures, this.backoffBaseMs, this.backoffMaxMs, this.random);
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
        const transport = this.transport(parsed.base, config.token);
        const opened = (await this.keyExchange?.before(transport)) ?? [];
        if (opened.length > 0) await this.onPulled?.(opened).catch(() => undefined);
        counts.pushed = await push(this.repo, transport, { pushBatch: this.pushBatch, maxBodyBytes: this.maxBodyBytes, sealer: this.sealer });
        if (pushOnly) return;
        await this.keyExchange?.after(transport);
        const pulled = await pull(this.repo, transport, { pullLimit: this.pullLimit, now: this.now, sealer: this.sealer, onPulled: this.onPulled }, config.cursor);
        counts.pulled = pulled.pulled;
        // Every damaged record still held, not only this pull's: the warning stays until a good copy comes.
        this.tampered.records = this.sealer ? await damagedHeld(this.repo, this.sealer) : pulled.held.filter((e) => e.reason === 'damaged').length;
      });
      const lastSyncAt = pushOnly ? this.status.lastSyncAt : this.now();
      const err = this.tamperedError();
      if (err) {
        // Everything else applied; what failed the check was held back, and the teacher is told.
        this.setStatus({ phase: 'error', lastSyncAt, error: { kind: err.kind, message: err.message }, retryAt: null, failures: 0 });
        return { ok: false, ...counts, error: err };
      }
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

  private transport(base: string, token: string): Transport {
    return new Transport({ base, token }, { fetch: this.fetchFn, now: this.now, timeoutMs: this.timeoutMs });
  }

  /** Requests to the configured server outside a sync (Settings: "Test connection", encryption set-up). */
  async api<T>(fn: (t: Transport) => Promise<T>): Promise<T> {
    const config = await readConfig(this.repo.db);
    if (!config) throw new SyncError('not-circulate', 'Enter the server address first.');
    const parsed = apiBase(config.endpoint);
    if ('error' in parsed) throw new SyncError('not-circulate', parsed.error);
    return fn(this.transport(parsed.base, config.token));
  }

  /** GET /hello: who the token belongs to, for "Test connection". Throws SyncError. */
  async hello(): Promise<HelloResponse> {
    const res = await this.api((t) => t.request<HelloResponse>('/hello'));
    if (res?.server !== 'circulate' || typeof res.teacher?.name !== 'string') throw new SyncError('not-circulate', MESSAGES.notCirculate);
    return res;
  }
}
