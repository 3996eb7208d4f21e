// The words the header and Settings show for the sync state: synced, N changes waiting, offline, or what to do.
// Pure, so every case is unit-tested; the header uses the short form, Settings the full one.

import type { SyncStatus } from '../../sync/engine';
import type { SyncErrorKind } from '../../sync/errors';

export interface SyncView {
  /** Header text. */
  short: string;
  /** Settings text: the whole explanation. */
  long: string;
  tone: 'ok' | 'waiting' | 'offline' | 'error';
}

const SHORT: Record<Exclude<SyncErrorKind, 'offline'>, string> = {
  auth: 'Sync stopped: check the token in Settings',
  forbidden: 'Sync stopped: a class is not shared with you (see Settings)',
  'too-large': 'Sync stopped: a change is too big (see Settings)',
  outdated: 'App out of date: reload to update',
  busy: 'Server busy: will retry',
  rejected: 'Sync stopped: see Settings',
  clock: 'Sync stopped: check this tablet\u2019s date and time',
  server: 'Server problem: will retry',
  'not-circulate': 'Sync stopped: check the server address in Settings',
  tampered: 'Server data failed its check (see Settings)',
};

export function changesWaiting(n: number): string {
  return `${n} ${n === 1 ? 'change' : 'changes'} waiting`;
}

/** null when sync is not configured: the header then shows nothing. */
/** Settings' line for the blob queue: what waits to go up and to come down. */
export function attachmentsWaiting(a: { up: number; down: number }): string {
  if (a.up === 0 && a.down === 0) return 'None waiting';
  const parts: string[] = [];
  if (a.up) parts.push(`${a.up} to send`);
  if (a.down) parts.push(`${a.down} on the way to this tablet`);
  return parts.join(', ');
}

export function syncView(status: SyncStatus, pending: number, configured: boolean, online: boolean, lastSyncAt: number | null): SyncView | null {
  if (!configured) return null;
  const waiting = changesWaiting(pending);
  if (!online) {
    const short = pending ? `Offline: ${waiting}` : 'Offline';
    return { short, long: `${short}. Changes stay on this tablet and sync when the connection is back.`, tone: 'offline' };
  }
  const err = status.error;
  if (err && (status.phase === 'error' || status.phase === 'offline')) {
    if (err.kind === 'offline') {
      const short = pending ? `Can\u2019t reach the server: ${waiting}` : 'Can\u2019t reach the server';
      return { short, long: err.message, tone: 'offline' };
    }
    return { short: SHORT[err.kind], long: err.message, tone: 'error' };
  }
  if (pending > 0) return { short: waiting, long: `${waiting} to be sent.`, tone: 'waiting' };
  if (lastSyncAt === null) return { short: 'Not synced yet', long: 'Not synced yet.', tone: 'waiting' };
  return { short: 'Synced', long: 'Everything on this tablet is on the server.', tone: 'ok' };
}
