// Storage failures surfaced to the teacher: a full disk must say so, never fail silently.

export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super('This device is out of storage space. Nothing was lost, but this change was not saved: free some space (delete photos or other apps\' data), then try again.');
    this.name = 'StorageFullError';
    this.cause = cause;
  }
}

export function isQuotaError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const name = (cur as { name?: string }).name;
    if (name === 'QuotaExceededError' || name === 'QuotaExceeded') return true;
    cur = (cur as { inner?: unknown; cause?: unknown }).inner ?? (cur as { cause?: unknown }).cause;
  }
  return false;
}

type Listener = (error: Error) => void;
const listeners = new Set<Listener>();

/** The UI subscribes here to show storage errors; the data layer has no React. */
export function onStorageError(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function reportStorageError(error: Error): void {
  for (const fn of listeners) fn(error);
}

/** Rethrows a storage error, turning a full disk into StorageFullError and telling the UI first. */
export function surfaceQuota(e: unknown): never {
  if (isQuotaError(e)) {
    const err = new StorageFullError(e);
    reportStorageError(err);
    throw err;
  }
  throw e;
}
