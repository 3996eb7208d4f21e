// Pushing: the outbox, front first, in batches that fit the server's limits, each acknowledged before its entries go.

import type { Repo } from '../db/repo';
import type { Outbox, PeekedEntry } from '../db/outbox';
import { mergeStamped } from '../domain/merge';
import { MESSAGES, SyncError } from './errors';
import type { Transport } from './transport';
import { plainOutgoing, type Outgoing, type Sealer } from './e2ee/sealer';
import { isPrivateNote } from '../shared/records';
import { CLIENT_SCHEMA, type Change, type PushRequest, type PushResponse } from '../shared/protocol';

export interface PushOptions {
  /** Most changes in one push. */
  pushBatch: number;
  /** Largest body to send, in bytes. */
  maxBodyBytes: number;
  /** Seals each change under its class's key (end-to-end encryption); without it changes go as they are. */
  sealer?: Sealer;
}

/** Changes in the first push of a sync (see push). */
const FIRST_PUSH = 250;

/** Outbox entries grouped into the changes of one push, and how far through the outbox they reach. */
interface Batch {
  changes: Change[];
  /** Each change as JSON, as sent (sealed when its class has a key): the body is assembled from these. */
  json: string[];
  /** Every outbox seq the batch covers, sent or skipped. */
  seqs: number[];
  /** For each change, the lowest outbox seq folded into it. */
  firstSeqs: number[];
  bytes: number;
  /** The highest outbox seq read for this batch, sent or skipped. */
  lastSeq: number;
  /** The read of the entries after lastSeq, started as soon as it was known (see push). */
  following: Promise<PeekedEntry[]>;
}

/**
 * Reads the next batch from the front of the outbox. Entries of one record are coalesced into one change whose n
 * is the highest seq among them, and changes go in ascending n: the server skips n at or below what it has from
 * this client, and every coalesced entry is at or below its change's n, so nothing is skipped that was not sent.
 * Entries the outbox marks private are dropped (the write path already keeps them out; this is the last gate).
 */
async function nextBatch(outbox: Outbox, maxBodyBytes: number, limit: number, read: Promise<PeekedEntry[]>, sealer?: Sealer): Promise<Batch | null> {
  const entries = await read;
  if (!entries.length) return null;
  const classIds = sealer ? await outbox.classIds(entries) : undefined;

  const byRecord = new Map<string, { change: Change; out: Outgoing; size: number; firstSeq: number }>();
  let bytes = 64;
  let lastSeq = entries[0]!.seq - 1;
  for (const e of entries) {
    if (!e.private && Object.keys(e.meta).length) {
      const key = `${e.table}\u0000${e.id}`;
      const prev = byRecord.get(key);
      const merged = prev ? mergeStamped(prev.change, { id: e.id, fields: e.fields, meta: e.meta }).merged : e;
      const change: Change = { n: e.seq, table: e.table, id: e.id, fields: merged.fields, meta: merged.meta };
      // Sealed changes are measured exactly before sealing; they are sealed once the batch is settled.
      const out = sealer ? sealer.outgoing(change, classIds!.get(key)) : plainOutgoing(change);
      const size = out.bytes + 1;
      // Always take one entry, so an oversized change reaches the server and gets its 413 rather than a silent stall.
      if (byRecord.size > 0 && bytes + size - (prev?.size ?? 0) > maxBodyBytes) break;
      bytes += size - (prev?.size ?? 0);
      byRecord.set(key, { change, out, size, firstSeq: prev?.firstSeq ?? e.seq });
    }
    lastSeq = e.seq;
  }
  // The next batch's entries are read while this one is sealed: reading and sealing each took as long as the server
  // took over a batch, and one after the other they kept it waiting.
  const following = outbox.peek(limit, lastSeq);
  following.catch(() => undefined);
  const list = [...byRecord.values()].sort((a, b) => a.change.n - b.change.n);
  const seqs = entries.filter((e) => e.seq <= lastSeq).map((e) => e.seq);
  const json = await Promise.all(list.map((x) => x.out.json()));
  return { changes: list.map((x) => x.change), json, firstSeqs: list.map((x) => x.firstSeq), seqs, bytes, lastSeq, following };
}

export async function push(repo: Repo, transport: Transport, opts: PushOptions): Promise<number> {
  const clientId = repo.session.deviceId;
  if (!clientId) throw new Error('Session not loaded');
  const outbox = repo.outbox;
  let limit = opts.pushBatch;
  let pushed = 0;
  let ahead: Promise<Batch | null> | undefined;
  /** The delete of an acknowledged batch, left running while the next one is sent (see below). */
  let deleting: Promise<unknown> | undefined;
  for (;;) {
    // The first batch is small, so the server starts work while the next full batch is read from the outbox.
    const first = pushed === 0 ? Math.min(limit, FIRST_PUSH) : limit;
    const batch = await (ahead ?? nextBatch(outbox, opts.maxBodyBytes, limit, outbox.peek(first), opts.sealer));
    ahead = undefined;
    if (!batch) {
      await deleting;
      return pushed;
    }
    if (batch.changes.length === 0) {
      // Only private entries: nothing to send, and nothing to keep.
      await outbox.drop(batch.seqs);
      continue;
    }
    const head: Omit<PushRequest, 'changes'> = { clientId, schema: CLIENT_SCHEMA };
    const body = `${JSON.stringify(head).slice(0, -1)},"changes":[${batch.json.join(',')}]}`;
    const sent = transport.request<PushResponse>('/push', body);
    // Read the entries after this batch while the server works; used only if the whole batch is acknowledged
    // (then the outbox front is exactly there), never sent before that answer.
    const next = nextBatch(outbox, opts.maxBodyBytes, limit, batch.following, opts.sealer);
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
    // With it go the withdrawals the server now has, queued to have their sealed blobs forgotten (./blobForget).
    const withdrawn = batch.changes.filter((c) => c.n <= res.ackedThrough && isPrivateNote(c.table, c.fields)).map((c) => c.id);
    const deleted = outbox.ackThrough(upTo, withdrawn);
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
