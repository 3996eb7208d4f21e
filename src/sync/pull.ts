// Pulling: pages after the stored cursor, each applied with its cursor in one transaction.

import type { Repo, RemoteChange } from '../db/repo';
import { KEYS } from './config';
import { MESSAGES, SyncError } from './errors';
import type { Transport } from './transport';
import type { PullResponse } from '../shared/protocol';
import type { Sealer } from './e2ee/sealer';
import type { SealError } from './e2ee/fieldCipher';

export interface PullOptions {
  pullLimit: number;
  now: () => number;
  /** Opens sealed records (end-to-end encryption). */
  sealer?: Sealer;
  onPulled?: (changes: readonly RemoteChange[]) => Promise<void>;
}

/** The local key under which a record that did not open is kept, to open once its key arrives. */
export const HELD_PREFIX = 'e2ee-held:';
export const heldKey = (table: string, id: string): string => `${HELD_PREFIX}${table}:${id}`;

/**
 * How many records held back on this device are damaged (not merely waiting for a key): the warning stays while
 * any is, and goes once a good copy of each has come (pull drops the held one then).
 */
export async function damagedHeld(repo: Repo, sealer: Sealer): Promise<number> {
  const rows = await repo.db.local.where('key').startsWith(HELD_PREFIX).toArray();
  if (rows.length === 0) return 0;
  const opened = await sealer.open(rows.map((r) => r.value as PullResponse['records'][number]));
  return opened.held.filter((h) => h.error.reason === 'damaged').length;
}

/**
 * Pulls every page after `from`; returns how many records were applied and the sealed ones that did not open (held
 * back on this device, never applied: the engine reports them).
 */
export async function pull(repo: Repo, transport: Transport, opts: PullOptions, from: string | undefined): Promise<{ pulled: number; held: SealError[] }> {
  const fetchPage = (after: string | undefined) => {
    const query = new URLSearchParams({ limit: String(opts.pullLimit) });
    if (after !== undefined) query.set('after', after);
    return transport.request<PullResponse>(`/pull?${query.toString()}`).then((page) => readPage(page, opts.sealer));
  };
  let pulled = 0;
  const problems: SealError[] = [];
  // Records held back earlier (damaged, or waiting for a key): a good copy coming now replaces the held one.
  const heldBefore = opts.sealer ? new Set(await repo.db.local.where('key').startsWith(HELD_PREFIX).primaryKeys()) : new Set<string>();
  let next = fetchPage(from);
  for (;;) {
    const { page, changes, held, problems: failed } = await next;
    // Ask for (and open) the next page while this one is written, so the server's work, the transfer and the
    // opening overlap the local writes. Should this page fail to apply, the early answer is dropped and the stored
    // cursor stays put.
    if (page.more) {
      next = fetchPage(page.cursor);
      next.catch(() => undefined);
    }
    problems.push(...failed);
    // The page and its cursor land together: an interrupted pull resumes from the last whole page. The last page
    // also records the sync time, as everything before it has succeeded.
    const local = [{ key: KEYS.cursor, value: page.cursor }, ...held, ...(page.more ? [] : [{ key: KEYS.lastSyncAt, value: opts.now() }])];
    await repo.applyRemote(changes, local);
    const replaced = heldBefore.size === 0 ? [] : changes.map((c) => heldKey(c.table, c.id)).filter((k) => heldBefore.has(k));
    if (replaced.length > 0) await repo.db.local.bulkDelete(replaced);
    // A failure here leaves the page applied; the blob queue's start-up sweep finds what it named.
    await opts.onPulled?.(changes).catch(() => undefined);
    pulled += changes.length;
    if (!page.more) return { pulled, held: problems };
  }
}

interface ReadPage {
  page: PullResponse;
  changes: RemoteChange[];
  /** Records that did not open, kept aside with the page (a later key may open them); the rest apply. */
  held: { key: string; value: unknown }[];
  problems: SealError[];
}

/** A page checked for its shape and, with encryption on, opened. */
async function readPage(page: PullResponse, sealer: Sealer | undefined): Promise<ReadPage> {
  if (!Array.isArray(page?.records) || typeof page.cursor !== 'string' || typeof page.more !== 'boolean') {
    throw new SyncError('not-circulate', MESSAGES.notCirculate);
  }
  if (!sealer) return { page, changes: page.records.map((r) => ({ table: r.table, id: r.id, fields: r.fields, meta: r.meta })), held: [], problems: [] };
  const opened = await sealer.open(page.records);
  return {
    page,
    changes: opened.changes,
    held: opened.held.map((h) => ({ key: heldKey(h.record.table, h.record.id), value: h.record })),
    problems: opened.held.map((h) => h.error),
  };
}
