// How long voice memos stay on the device: the teacher's choice of days, and which memos that choice removes.

/** The choices Settings offers, in days; null keeps memos until the teacher deletes them. */
export const MEMO_RETENTION_CHOICES: readonly (number | null)[] = [null, 30, 90, 180, 365];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment before which a memo is too old, or null when memos are kept. */
export function retentionCutoff(days: number | null, now: number): number | null {
  if (days === null || !Number.isFinite(days) || days <= 0) return null;
  return now - days * DAY_MS;
}

/** The memos recorded before the cutoff (a memo exactly `days` old stays until the next moment). */
export function memosPastRetention<T extends { at: number }>(memos: readonly T[], days: number | null, now: number): T[] {
  const cutoff = retentionCutoff(days, now);
  if (cutoff === null) return [];
  return memos.filter((m) => m.at < cutoff);
}

export function retentionLabel(days: number | null): string {
  return days === null ? 'Never' : `${days} days`;
}
