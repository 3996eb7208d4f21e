// Persistent storage: asked for after the teacher's first real action (browsers grant it to engaged sites),
// and the usage figures Settings shows.

let asked = false;

export function afterFirstWrite(): void {
  if (asked) return;
  asked = true;
  void requestPersistence();
}

export async function requestPersistence(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return false;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

export interface StorageReport {
  persistent: boolean | null;
  usage: number | null;
  quota: number | null;
}

export async function storageReport(): Promise<StorageReport> {
  const storage = globalThis.navigator?.storage;
  if (!storage) return { persistent: null, usage: null, quota: null };
  const [persistent, estimate] = await Promise.all([
    storage.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persistent, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}
