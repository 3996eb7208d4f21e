// Encryption for the sync simulation: each simulated device's sealer and key exchange, and turning it on the way
// tablets do (the first of a teacher's devices picks a phrase, the others enter it, the co-teacher has their own).
import type { Repo } from '../../src/db/repo';
import type { SyncEngine } from '../../src/sync/engine';
import { DeviceKeys } from '../../src/sync/e2ee/deviceKeys';
import { KeyExchange } from '../../src/sync/e2ee/exchange';
import { newRecoveryPhrase } from '../../src/sync/e2ee/phrase';
import { Sealer } from '../../src/sync/e2ee/sealer';
import { EncryptionSetup } from '../../src/sync/encryption';

/** The least the server accepts for a relayed vault, to keep runs quick. */
const ITERATIONS = 100_000;

export function encryptionFor(repo: Repo): { keys: DeviceKeys; sealer: Sealer; keyExchange: KeyExchange } {
  const keys = new DeviceKeys(repo.db);
  return { keys, sealer: new Sealer(keys), keyExchange: new KeyExchange(repo, keys) };
}

interface Encrypted {
  engine: SyncEngine;
  keys?: DeviceKeys;
  teacher: string;
}

async function synced(engine: SyncEngine): Promise<void> {
  const out = await engine.sync({ force: true });
  if (!out.ok) throw new Error(`sync failed turning encryption on: ${out.error?.message ?? 'unknown'}`);
}

/** Turns encryption on for every device before any class exists, so every class is keyed and sealed from its first push. */
export async function turnOnAll(devices: Encrypted[]): Promise<void> {
  const phrases = new Map<string, string>();
  for (const d of devices) {
    if (!d.keys) continue;
    const setup = new EncryptionSetup(d.engine, d.keys, ITERATIONS);
    const phrase = phrases.get(d.teacher);
    if (phrase === undefined) {
      const fresh = newRecoveryPhrase();
      phrases.set(d.teacher, fresh);
      await setup.turnOn(fresh);
    } else {
      await synced(d.engine);
      await setup.unlock(phrase);
    }
    await synced(d.engine);
  }
}
