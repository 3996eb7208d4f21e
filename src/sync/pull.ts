// Pulling: pages after the stored cursor, each applied with its cursor in one transaction.

import type { Repo, RemoteChange } from '../db/repo';
import { KEYS } from './config';
import { MESSAGES, SyncError } from './errors';
import type { Transport } from './transport';
import type { PullResponse } from '../shared/protocol';

export interface PullOptions {
  pullLimit: number;
  now: () => number;
}

export async function pull(repo: Repo, transport: Transport, opts: PullOptions, from: string | undefined): Promise<number> {
  const fetchPage = (after: string | undefined) => {
    const query = new URLSearchParams({ limit: String(opts.pullLimit) });
    if (after !== undefined) query.set('after', after);
    return transport.request<PullResponse>(`/pull?${query.toString()}`);
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
    const local = [{ key: KEYS.cursor, value: page.cursor }, ...(page.more ? [] : [{ key: KEYS.lastSyncAt, value: opts.now() }])];
    await repo.applyRemote(changes, local);
    pulled += changes.length;
    if (!page.more) return pulled;
  }
}
