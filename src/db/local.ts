// Device-only settings and state (timer, print calibration, sync config and cursor): never synced, never stamped.
// Features read and write them here rather than touching the `local` table themselves.
import { useLiveQueryFor } from './live';
import { db } from './db';
import { surfaceQuota } from './errors';

export async function getLocal<T>(key: string): Promise<T | undefined> {
  return (await db.local.get(key))?.value as T | undefined;
}

export async function setLocal<T>(key: string, value: T): Promise<void> {
  await db.local.put({ key, value }).catch(surfaceQuota);
}

export async function deleteLocal(key: string): Promise<void> {
  await db.local.delete(key);
}

/** Live value of a local key: undefined while loading, `fallback` when unset. */
export function useLocal<T>(key: string, fallback: T): T | undefined {
  return useLiveQueryFor(key, async () => ((await db.local.get(key))?.value as T | undefined) ?? fallback, []);
}
