// Where this device syncs to: the endpoint address and token, kept in the device-only `local` table.
// Changing either forgets the pull cursor, since a cursor means nothing to another server or another teacher.

import type { CirculateDb } from '../db/schema';
import { API_BASE } from '../shared/protocol';

export const KEYS = {
  endpoint: 'sync.endpoint',
  token: 'sync.token',
  cursor: 'sync.cursor',
  lastSyncAt: 'sync.lastSyncAt',
} as const;

export interface SyncConfig {
  endpoint: string;
  token: string;
}

/**
 * The API base for what a teacher typed: "https://sync.school.org", with or without a trailing slash or the
 * /api/v1 suffix. Returns an error message instead when it is not a web address.
 */
export function apiBase(endpoint: string): { base: string } | { error: string } {
  const typed = endpoint.trim();
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { error: 'Enter the server\u2019s full address, starting with https:// (for example https://sync.myschool.org).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: 'The server address must start with https://.' };
  if (url.search || url.hash) return { error: 'Enter just the server\u2019s address, without ? or # parts.' };
  const path = url.pathname.replace(/\/+$/, '');
  const base = path.endsWith(API_BASE) ? path : `${path}${API_BASE}`;
  return { base: `${url.origin}${base}` };
}

async function get<T>(db: CirculateDb, key: string): Promise<T | undefined> {
  return (await db.local.get(key))?.value as T | undefined;
}

/** The endpoint, token and pull cursor, read together; null when no endpoint is set. */
export async function readConfig(db: CirculateDb): Promise<(SyncConfig & { cursor: string | undefined }) | null> {
  const [endpoint, token, cursor] = await db.local.bulkGet([KEYS.endpoint, KEYS.token, KEYS.cursor]);
  if (typeof endpoint?.value !== 'string' || !endpoint.value) return null;
  return { endpoint: endpoint.value, token: typeof token?.value === 'string' ? token.value : '', cursor: cursor?.value as string | undefined };
}

export async function readLastSyncAt(db: CirculateDb): Promise<number | null> {
  return (await get<number>(db, KEYS.lastSyncAt)) ?? null;
}

/** Saves the endpoint and token; an empty endpoint turns sync off. Throws with a message on a bad address. */
export async function writeConfig(db: CirculateDb, config: SyncConfig): Promise<void> {
  const endpoint = config.endpoint.trim();
  const token = config.token.trim();
  if (endpoint) {
    const parsed = apiBase(endpoint);
    if ('error' in parsed) throw new Error(parsed.error);
  }
  await db.transaction('rw', db.local, async () => {
    // Read inline: an awaited helper of our own would lose Dexie's transaction zone.
    const [was, wasToken] = await db.local.bulkGet([KEYS.endpoint, KEYS.token]);
    if ((was?.value ?? '') !== endpoint || (wasToken?.value ?? '') !== token) {
      await db.local.bulkDelete([KEYS.cursor, KEYS.lastSyncAt]);
    }
    if (endpoint) await db.local.bulkPut([{ key: KEYS.endpoint, value: endpoint }, { key: KEYS.token, value: token }]);
    else await db.local.bulkDelete([KEYS.endpoint, KEYS.token]);
  });
}
