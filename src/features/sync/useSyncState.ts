// Live sync state for the header and Settings: the engine's status, the outbox size, the photos and memos waiting,
// the configuration, the network.
import { useSyncExternalStore } from 'react';
import { useLiveQuery } from '../../db/live';
import { db } from '../../db/db';
import { BlobQueueStore } from '../../db/blobQueue';
import { useLocal } from '../../db/local';
import { KEYS } from '../../sync/config';
import { appSync } from '../../sync/app';
import { syncView, type SyncView } from './statusText';

function subscribeOnline(fn: () => void): () => void {
  window.addEventListener('online', fn);
  window.addEventListener('offline', fn);
  return () => {
    window.removeEventListener('online', fn);
    window.removeEventListener('offline', fn);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine !== false);
}

export interface SyncState {
  view: SyncView | null;
  pending: number;
  /** Photos and memos waiting to go up (private notes' never count) and to come down to this tablet. */
  attachments: { up: number; down: number };
  endpoint: string;
  token: string;
  lastSyncAt: number | null;
  loaded: boolean;
}

export function useSyncState(): SyncState {
  const status = useSyncExternalStore(appSync.subscribe, appSync.getStatus);
  const pending = useLiveQuery(() => db.outbox.count(), [], 0);
  const attachments = useLiveQuery(() => new BlobQueueStore(db).waiting(), [], { up: 0, down: 0 });
  const endpoint = useLocal<string>(KEYS.endpoint, '');
  const token = useLocal<string>(KEYS.token, '');
  const lastSyncAt = useLocal<number | null>(KEYS.lastSyncAt, null);
  const online = useOnline();
  const loaded = endpoint !== undefined && token !== undefined && lastSyncAt !== undefined;
  return {
    view: loaded ? syncView(status, pending, Boolean(endpoint), online, lastSyncAt ?? null) : null,
    pending,
    attachments,
    endpoint: endpoint ?? '',
    token: token ?? '',
    lastSyncAt: lastSyncAt ?? null,
    loaded,
  };
}
