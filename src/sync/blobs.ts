// The blob queue's network half: photos and memos move beside the engine's pushes and pulls, never in front of them;
// uploads ask POST /blobs/missing then PUT each (idempotent), downloads GET what pulled records name, hash-checked.

import { isPrivateNote } from '../shared/records';
import { BlobQueueStore, rememberServer } from '../db/blobQueue';
import { sha256Hex } from '../db/memos';
import type { Repo, RemoteChange } from '../db/repo';
import type { BlobQueueRow } from '../db/localRecords';
import { apiBase, readConfig } from './config';
import { asSyncError, type SyncError } from './errors';
import { backoffDelay } from './status';
import { Transport } from './transport';
import { MAX_MISSING_HASHES, type BlobMissingResponse } from '../shared/blobs';

export interface BlobSyncOptions {
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  isOnline?: () => boolean;
  /** One pass at a time across tabs (a Web Lock in the app); resolves undefined when another tab holds it. */
  lock?: <T>(fn: () => Promise<T>) => Promise<T | undefined>;
  /** The least time any request gets. */
  timeoutMs?: number;
  /** The slowest link worth waiting for: a PUT or GET of n bytes gets n / this seconds (on top of timeoutMs). */
  minBytesPerSecond?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface BlobPass {
  uploaded: number;
  downloaded: number;
  /** Entries that failed this pass and will be tried again later. */
  retrying: number;
  skipped?: 'off' | 'offline' | 'busy';
  error?: SyncError;
}

/** A failure that stops the pass: the network or the server is down, or the token is refused; later entries would fail too. */
const stopsPass = (e: SyncError) => e.kind === 'offline' || e.kind === 'server' || e.kind === 'busy' || e.kind === 'auth' || e.kind === 'outdated';

export class BlobSync {
  readonly store: BlobQueueStore;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly isOnline: () => boolean;
  private readonly lock: <T>(fn: () => Promise<T>) => Promise<T | undefined>;
  private readonly timeoutMs: number;
  private readonly minBytesPerSecond: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private running: Promise<BlobPass> | undefined;
  private rerun = false;
  private swept = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly repo: Repo,
    opts: BlobSyncOptions = {},
  ) {
    this.store = new BlobQueueStore(repo.db);
    this.fetchFn = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.isOnline = opts.isOnline ?? (() => true);
    this.lock = opts.lock ?? ((fn) => fn());
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.minBytesPerSecond = opts.minBytesPerSecond ?? 16 * 1024;
    this.backoffBaseMs = opts.backoffBaseMs ?? 2_000;
    this.backoffMaxMs = opts.backoffMaxMs ?? 5 * 60_000;
  }

  /** Called after each pass (the app schedules the next retry from it). */
  onPass(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** The engine's onPulled: queues downloads for the blobs that pulled notes and conferences name, and forgets the
   * bytes of notes their author withdrew (made private) on another device. */
  async enqueuePulled(changes: readonly RemoteChange[]): Promise<void> {
    const withdrawn = changes.filter((c) => c.table === 'notes' && isPrivateNote('notes', c.fields)).map((c) => c.id);
    await this.store.forgetGone('notes', withdrawn);
    for (const table of ['notes', 'conferences'] as const) {
      const ids = changes.filter((c) => c.table === table && ('photo' in c.fields || 'memos' in c.fields || 'classId' in c.fields)).map((c) => c.id);
      await this.store.enqueue(table, ids, this.now());
    }
  }

  /** One pass at a time; a call while one runs asks for another after it and shares its promise. */
  run(): Promise<BlobPass> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      let out: BlobPass;
      do {
        this.rerun = false;
        out = await this.pass();
      } while (this.rerun && !out.skipped && !out.error);
      return out;
    })().finally(() => {
      this.running = undefined;
      for (const fn of this.listeners) fn();
    });
    return this.running;
  }

  private async pass(): Promise<BlobPass> {
    const out: BlobPass = { uploaded: 0, downloaded: 0, retrying: 0 };
    const config = await readConfig(this.repo.db);
    if (!config) return { ...out, skipped: 'off' };
    const parsed = apiBase(config.endpoint);
    if ('error' in parsed) return { ...out, skipped: 'off' };
    if (!this.isOnline()) return { ...out, skipped: 'offline' };
    const ran = await this.lock(async () => {
      await rememberServer(this.store, `${parsed.base} ${config.token}`, this.now());
      if (!this.swept) {
        this.swept = true;
        await this.store.sweep(this.now());
      }
      const transport = new Transport({ base: parsed.base, token: config.token }, { fetch: this.fetchFn, now: this.now, timeoutMs: this.timeoutMs });
      const due = await this.store.due(this.now());
      await this.uploads(transport, due.filter((e) => e.dir === 'up'), out);
      if (!out.error) await this.downloads(transport, due.filter((e) => e.dir === 'down'), out);
      return true;
    });
    return ran ? out : { ...out, skipped: 'busy' };
  }

  private timeoutFor(bytes: number): number {
    return this.timeoutMs + Math.ceil((bytes / this.minBytesPerSecond) * 1000);
  }

  private async later(e: BlobQueueRow, err: SyncError, out: BlobPass): Promise<void> {
    const wait = Math.max(backoffDelay(e.attempts + 1, this.backoffBaseMs, this.backoffMaxMs, this.random), err.retryAfterMs ?? 0);
    await this.store.retryLater(e, this.now() + wait, err.message);
    out.retrying++;
  }

  private async uploads(transport: Transport, entries: BlobQueueRow[], out: BlobPass): Promise<void> {
    const byClass = new Map<string, BlobQueueRow[]>();
    for (const e of entries) {
      const verdict = await this.store.verdict(e);
      // A private note's photo or memo never leaves the device: the entry waits, unsent, until the note is public.
      if (verdict === 'hold') continue;
      if (verdict === 'gone' || !(await this.store.has(e.sha256))) {
        await this.store.drop(e.key);
        continue;
      }
      byClass.set(e.classId, [...(byClass.get(e.classId) ?? []), e]);
    }
    for (const [classId, list] of byClass) {
      for (let i = 0; i < list.length; i += MAX_MISSING_HASHES) {
        const batch = list.slice(i, i + MAX_MISSING_HASHES);
        let missing: Set<string>;
        try {
          const res = await transport.request<BlobMissingResponse>('/blobs/missing', { classId, hashes: batch.map((e) => e.sha256) });
          missing = new Set(Array.isArray(res?.missing) ? res.missing : batch.map((e) => e.sha256));
        } catch (err) {
          const e = asSyncError(err);
          for (const x of batch) await this.later(x, e, out);
          if (stopsPass(e)) return void (out.error = e);
          continue;
        }
        for (const e of batch) {
          if (!missing.has(e.sha256)) {
            await this.store.done(e.key);
            continue;
          }
          if (!(await this.upload(transport, e, out))) return;
        }
      }
    }
  }

  /** PUTs one blob; false when the failure stops the pass. */
  private async upload(transport: Transport, e: BlobQueueRow, out: BlobPass): Promise<boolean> {
    const row = await this.store.blob(e.sha256);
    if (!row) {
      await this.store.drop(e.key);
      return true;
    }
    const put = () => transport.blob(`/blobs/${e.sha256}`, { method: 'PUT', classId: e.classId, body: row.blob, type: row.type || e.type, timeoutMs: this.timeoutFor(row.size) });
    try {
      try {
        await put();
      } catch (err) {
        const x = asSyncError(err);
        // A hash mismatch: re-read the bytes and hash them once; if they still are what the name says, try once more.
        if (x.status !== 400 || (await sha256Hex(row.blob)) !== e.sha256) throw x;
        await put();
      }
      await this.store.done(e.key);
      out.uploaded++;
      return true;
    } catch (err) {
      const x = asSyncError(err);
      if (x.status === 413 || x.status === 415 || x.status === 400) {
        await this.store.failed(e.key, x.message);
        return true;
      }
      await this.later(e, x, out);
      if (stopsPass(x)) {
        out.error = x;
        return false;
      }
      return true;
    }
  }

  private async downloads(transport: Transport, entries: BlobQueueRow[], out: BlobPass): Promise<void> {
    for (const e of entries) {
      const verdict = await this.store.verdict(e);
      if (verdict === 'gone') {
        await this.store.drop(e.key);
        continue;
      }
      if (await this.store.has(e.sha256)) {
        await this.store.done(e.key);
        continue;
      }
      try {
        const res = await transport.blob(`/blobs/${e.sha256}`, { method: 'GET', classId: e.classId, timeoutMs: this.timeoutFor(8 * 1024 * 1024) });
        const blob = await res.blob();
        const typed = blob.type ? blob : new Blob([blob], { type: e.type });
        // Never keep bytes that are not what the record names (a proxy's page, a truncated body).
        if ((await sha256Hex(typed)) !== e.sha256) {
          await this.later(e, asSyncError(new Error('hash')), out);
          continue;
        }
        await this.store.storeDownloaded(e, typed, this.now());
        out.downloaded++;
      } catch (err) {
        // 404: the uploading tablet has not sent it yet; the placeholder stays and we ask again later.
        const x = asSyncError(err);
        await this.later(e, x, out);
        if (stopsPass(x)) return void (out.error = x);
      }
    }
  }
}
