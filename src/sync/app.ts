// The app's own sync engine on the default database, and its start-up (src/main.tsx calls startSync after ready()).

import { repo } from '../db/write';
import { writeConfig } from './config';
import { BlobSync } from './blobs';
import { startBlobScheduler } from './blobScheduler';
import { SyncEngine } from './engine';
import { DeviceKeys } from './e2ee/deviceKeys';
import { KeyExchange } from './e2ee/exchange';
import { Sealer } from './e2ee/sealer';
import { BlobSeals } from './e2ee/blobSeals';
import { EncryptionSetup } from './encryption';
import { startScheduler } from './scheduler';

/** One sync at a time across this device's tabs too: they share one database and one outbox. */
function webLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (!locks?.request) return fn();
  return locks.request('circulate-sync', () => fn()) as Promise<T>;
}

/** The blob queue in one tab at a time; a tab that finds it taken skips its pass (the holder does the work). */
function blobLock<T>(fn: () => Promise<T>): Promise<T | undefined> {
  const locks = globalThis.navigator?.locks;
  if (!locks?.request) return fn();
  return locks.request('circulate-blobs', { ifAvailable: true }, (lock) => (lock ? fn() : undefined)) as Promise<T | undefined>;
}

const isOnline = () => globalThis.navigator?.onLine !== false;

/** The tablet's encryption keys: none (everything plain) until the teacher turns encryption on in Settings. */
export const appKeys = new DeviceKeys(repo.db);

/** Photos and memos of encrypted classes: sealed for the push's refs and the queue's uploads, opened on download. */
const appSeals = new BlobSeals(repo.db, appKeys);

export const appBlobs = new BlobSync(repo, { isOnline, lock: blobLock, seals: appSeals, report: (n) => appSync.reportTamperedBlobs(n) });

export const appSync = new SyncEngine(repo, {
  isOnline,
  lock: webLock,
  sealer: new Sealer(appKeys, appSeals),
  keyExchange: new KeyExchange(repo, appKeys),
  onPulled: (changes) => appBlobs.enqueuePulled(changes),
});

export const appEncryption = new EncryptionSetup(appSync, appKeys);

let stop: (() => void) | undefined;

export function startSync(): void {
  if (stop) return;
  const stopRecords = startScheduler(appSync);
  const stopBlobs = startBlobScheduler(appSync, appBlobs);
  stop = () => {
    stopRecords();
    stopBlobs();
  };
}

/** Saves the endpoint and token from Settings (throws with a message on a bad address), then syncs if both are set. */
export async function saveSyncConfig(endpoint: string, token: string): Promise<void> {
  await writeConfig(repo.db, { endpoint, token });
  if (endpoint.trim() && token.trim()) void appSync.sync({ force: true });
}

export function syncNow() {
  return appSync.sync({ force: true });
}

export function testConnection() {
  return appSync.hello();
}
