// The blob queue's network half: photos and memos move beside the engine's pushes and pulls, never in front of them;
// uploads ask POST /blobs/missing then PUT each (idempotent; sealed first when the class has a key, and done ones
// again now and then, as the server drops damaged copies), downloads (./blobDownloads) GET what records name, checked.

import { isPrivateNote } from '../shared/records';
import { BlobQueueStore, rememberServer } from '../db/blobQueue';
import { sha256Hex } from '../db/memos';
import type { Repo, RemoteChange } from '../db/repo';
import type { BlobQueueRow } from '../db/localRecords';
import { apiBase, readConfig } from './config';
import { asSyncError, type SyncError } from './errors';
import { downloads, type DownloadPass } from './blobDownloads';
import { forgetWithdrawn } from './blobForget';
import type { BlobSeals } from './e2ee/blobSeals';
import { backoffDelay } from './status';
import { Transport } from './transport';
import { MAX_BLOB_BYTES, MAX_MISSING_HASHES, SEALED_BLOB_TYPE, type BlobMissingResponse, type BlobSeal, type NamedBlob } from '../shared/blobs';

/** An upload as it goes: the address the server keeps it under (its plain hash, or the sealed bytes' hash). */
interface Upload {
  e: BlobQueueRow;
  addr: string;
  sealed: { named: NamedBlob; seal: BlobSeal } | undefined;
}

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
  /** The slow backoff of a sealed download that failed the encryption check (15 min doubling to a day). */
  tamperedBaseMs?: number;
  tamperedMaxMs?: number;
  /** How often uploads marked done are checked still there (a day; and at the first pass). */
  recheckUploadsMs?: number;
  /** Seals uploads and opens downloads of encrypted classes; without it every blob moves plain. */
  seals?: BlobSeals;
  /** Told after each pass how many sealed downloads are held back as tampered (the engine's status, as for records). */
  report?: (tamperedBlobs: number) => void;
}

export interface BlobPass {
  uploaded: number;
  downloaded: number;
  /** Sealed blobs that came down and did not open: not kept, asked for again much later, reported. */
  tampered?: number;
  /** Addresses the server was asked to forget: the sealed blobs of notes withdrawn (made private) here. */
  forgotten?: number;
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
  private readonly backoffMs: readonly [base: number, max: number];
  private readonly tamperedMs: readonly [base: number, max: number];
  private readonly recheckUploadsMs: number;
  private recheckedAt = -Infinity;
  private readonly seals: BlobSeals | undefined;
  private readonly report: ((tamperedBlobs: number) => void) | undefined;
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
    this.backoffMs = [opts.backoffBaseMs ?? 2_000, opts.backoffMaxMs ?? 5 * 60_000];
    this.tamperedMs = [opts.tamperedBaseMs ?? 15 * 60_000, opts.tamperedMaxMs ?? 24 * 3600_000];
    this.recheckUploadsMs = opts.recheckUploadsMs ?? 24 * 3600_000;
    this.seals = opts.seals;
    this.report = opts.report;
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
      // Withdrawn notes' sealed blobs leave the server first (./blobForget).
      const forgot = await forgetWithdrawn(this.repo.db, this.seals, transport, this.now);
      if (forgot.forgotten) out.forgotten = forgot.forgotten;
      if (forgot.error && stopsPass(forgot.error)) {
        out.error = forgot.error;
        return true;
      }
      const due = await this.store.due(this.now());
      // Now and then the done uploads are asked after too: the server drops a copy whose bytes went bad, and this
      // is how it gets a good one (checked only on GET, where the bytes are read anyway).
      const recheck = this.now() - this.recheckedAt >= this.recheckUploadsMs;
      const again = recheck ? await this.store.doneUploads() : [];
      await this.uploads(transport, [...due.filter((e) => e.dir === 'up'), ...again], out);
      if (recheck && !out.error) this.recheckedAt = this.now();
      if (!out.error) await downloads(this.downloadPass(transport, out), due.filter((e) => e.dir === 'down'));
      return true;
    });
    this.report?.(await this.store.tamperedCount());
    return ran ? out : { ...out, skipped: 'busy' };
  }

  private downloadPass(transport: Transport, out: BlobPass): DownloadPass {
    return {
      store: this.store,
      seals: this.seals,
      transport,
      timeoutMs: this.timeoutFor(MAX_BLOB_BYTES),
      now: this.now,
      later: (e, err) => this.later(e, err, out),
      stops: (err) => (stopsPass(err) ? ((out.error = err), true) : false),
      downloaded: () => void out.downloaded++,
      tampered: async (e, at, message) => {
        const times = e.tampered?.addr === at.addr ? e.tampered.times + 1 : 1;
        const wait = backoffDelay(times, ...this.tamperedMs, this.random);
        await this.store.tamper(e, { ...at, times }, this.now() + wait, message);
        out.tampered = (out.tampered ?? 0) + 1;
      },
    };
  }

  private timeoutFor(bytes: number): number {
    return this.timeoutMs + Math.ceil((bytes / this.minBytesPerSecond) * 1000);
  }

  private async later(e: BlobQueueRow, err: SyncError, out: BlobPass): Promise<void> {
    const wait = Math.max(backoffDelay(e.attempts + 1, ...this.backoffMs, this.random), err.retryAfterMs ?? 0);
    await this.store.retryLater(e, this.now() + wait, err.message);
    out.retrying++;
  }

  private async uploads(transport: Transport, entries: BlobQueueRow[], out: BlobPass): Promise<void> {
    const byClass = new Map<string, Upload[]>();
    for (const e of entries) {
      const verdict = await this.store.verdict(e);
      // A private note's photo or memo never leaves the device: the entry waits, unsent, until the note is public.
      if (verdict === 'hold') continue;
      if (verdict === 'gone' || !(await this.store.has(e.sha256))) {
        await this.store.drop(e.key);
        continue;
      }
      const named = this.seals ? await this.store.namedIn(e) : undefined;
      const seal = named && this.seals ? await this.seals.sealFor(e.classId, named) : undefined;
      byClass.set(e.classId, [...(byClass.get(e.classId) ?? []), { e, addr: seal?.addr ?? e.sha256, sealed: named && seal ? { named, seal } : undefined }]);
    }
    for (const [classId, list] of byClass) {
      // Half a request's worth each: a sealed upload also asks after its plain copy, to forget it once replaced.
      for (let i = 0; i < list.length; i += MAX_MISSING_HASHES / 2) {
        const batch = list.slice(i, i + MAX_MISSING_HASHES / 2);
        const hashes = [...new Set(batch.flatMap((u) => (u.sealed ? [u.addr, u.e.sha256] : [u.addr])))];
        let missing: Set<string>;
        try {
          const res = await transport.request<BlobMissingResponse>('/blobs/missing', { classId, hashes });
          missing = new Set(Array.isArray(res?.missing) ? res.missing : hashes);
        } catch (err) {
          const e = asSyncError(err);
          for (const x of batch) await this.later(x.e, e, out);
          if (stopsPass(e)) return void (out.error = e);
          continue;
        }
        const replaced: Upload[] = [];
        for (const u of batch) {
          const there = !missing.has(u.addr) || (await this.upload(transport, u, out));
          if (there === 'stop') return;
          if (!there) continue;
          if (u.sealed && !missing.has(u.e.sha256) && (await this.seals!.published(classId, u.sealed.named, u.sealed.seal))) replaced.push(u);
          else await this.store.done(u.e.key);
        }
        if (!(await this.forgetPlain(transport, classId, replaced, out))) return;
      }
    }
  }

  /** The class is encrypted now and its sealed copies are on the server: it forgets the plain ones (each entry is
   * done once that is acknowledged, so a failure asks again next pass). False when the failure stops the pass. */
  private async forgetPlain(transport: Transport, classId: string, replaced: Upload[], out: BlobPass): Promise<boolean> {
    if (!replaced.length) return true;
    try {
      await transport.request('/blobs/forget', { classId, hashes: [...new Set(replaced.map((u) => u.e.sha256))] });
      for (const u of replaced) await this.store.done(u.e.key);
      return true;
    } catch (err) {
      const e = asSyncError(err);
      for (const u of replaced) await this.later(u.e, e, out);
      if (stopsPass(e)) out.error = e;
      return !stopsPass(e);
    }
  }

  /** PUTs one blob (sealed when its class has a key); true once the server has it, 'stop' when the failure stops
   * the pass, false when it failed and waits (or was refused for good). */
  private async upload(transport: Transport, u: Upload, out: BlobPass): Promise<boolean | 'stop'> {
    const { e } = u;
    const row = await this.store.blob(e.sha256);
    const body = u.sealed && this.seals ? await this.seals.sealedBytes(e.classId, u.sealed.named, u.sealed.seal) : row?.blob;
    if (!row || !body) {
      await this.store.drop(e.key);
      return false;
    }
    const put = () => transport.blob(`/blobs/${u.addr}`, { method: 'PUT', classId: e.classId, body, type: u.sealed ? SEALED_BLOB_TYPE : row.type || e.type, timeoutMs: this.timeoutFor(body.size) });
    try {
      try {
        await put();
      } catch (err) {
        const x = asSyncError(err);
        // A hash mismatch: re-read the bytes and hash them once; if they still are what the name says, try once more.
        if (x.status !== 400 || (await sha256Hex(body)) !== u.addr) throw x;
        await put();
      }
      out.uploaded++;
      return true;
    } catch (err) {
      const x = asSyncError(err);
      if (x.status === 413 || x.status === 415 || x.status === 400) {
        await this.store.failed(e.key, x.message);
        return false;
      }
      await this.later(e, x, out);
      if (stopsPass(x)) {
        out.error = x;
        return 'stop';
      }
      return false;
    }
  }
}
