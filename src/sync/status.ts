// Sync status as the header and Settings see it, and the backoff that spaces retries after a failure.

import type { SyncError, SyncErrorKind } from './errors';

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

export type StatusListener = (s: SyncStatus) => void;

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so tablets don't retry in step. */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number): number {
  const full = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(full / 2 + (random() * full) / 2);
}
