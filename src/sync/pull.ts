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
export const heldKey = (table: string, id: string): string => `e2ee-held:${table}:${id}`;

/**
 * Pulls every page after `from`; returns how many records were applied and the sealed ones that did not open (held
 * back on this device, never applied: the engine reports them).
 */
export async function pull(repo: Repo, transport: Transport, opts: PullOptions, from: string | undefined): Promise<{ pulled: number; held: SealError[] }> {
  const fetchPage = (after: string | undefined) => {
    const query = new URLSearchParams({ limit: String(opts.pullLimit) });
    if (after !== undefined) query.set('after', after);
    return transport.request<PullResponse>(`/pull?${query.toString()}`);
  };
  let pulled = 0;
  const problems: SealError[] = [];
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
    let changes: RemoteChange[] = page.records.map((r) => ({ table: r.table, id: r.id, fields: r.fields, meta: r.meta }));
    // A record that does not open is kept aside with the page (a later key may open it); the rest apply.
    let held: { key: string; value: unknown }[] = [];
    if (opts.sealer) {
      const opened = await opts.sealer.open(page.records);
      changes = opened.changes;
      held = opened.held.map((h) => ({ key: heldKey(h.record.table, h.record.id), value: h.record }));
      problems.push(...opened.held.map((h) => h.error));
    }
    // The page and its cursor land together: an interrupted pull resumes from the last whole page. The last page
    // also records the sync time, as everything before it has succeeded.
    const local = [{ key: KEYS.cursor, value: page.cursor }, ...held, ...(page.more ? [] : [{ key: KEYS.lastSyncAt, value: opts.now() }])];
    await repo.applyRemote(changes, local);
    // A failure here leaves the page applied; the blob queue's start-up sweep finds what it named.
    await opts.onPulled?.(changes).catch(() => undefined);
    pulled += changes.length;
    if (!page.more) return { pulled, held: problems };
  }
}
