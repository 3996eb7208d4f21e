// The tablet's own keys: the opened keyring kept in the device-only `local` table as the wrapped vault plus the
// key-encryption key as a non-extractable CryptoKey (IndexedDB stores it as is), so the phrase is asked for once.

import type { CirculateDb } from '../../db/schema';
import type { Vault } from '../../shared/e2ee';
import type { ClassKey } from './fieldCipher';
import { Keyring } from './keyring';
import type { KeySource } from './sealer';

export const E2EE_KEYS = {
  /** `{vault, kek}`: the keyring as the server relays it, and the key that opens it on this tablet. */
  keyring: 'e2ee.keyring',
  /** Classes whose plain copy the server still holds: re-sent sealed, the server is asked to drop it after. */
  purge: 'e2ee.purge',
  /** `<classId> <teacherId> <keyId>` already shared with a co-teacher, so a share is sent once. */
  shared: 'e2ee.shared',
} as const;

interface Stored {
  vault: Vault;
  kek: CryptoKey;
}

/** The keys a tablet holds, for the engine's Sealer; empty (everything plain) until a keyring is set up or opened. */
export class DeviceKeys implements KeySource {
  private ring: Keyring | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly db: CirculateDb) {}

  /**
   * Reads the kept keyring (cheap when it is the one already open; another tab may have added keys). A stored one
   * that does not open any more is left alone and treated as none.
   */
  async load(): Promise<void> {
    const row = (await this.db.local.get(E2EE_KEYS.keyring))?.value as Stored | undefined;
    const now = this.ring?.vault;
    if (!row) {
      if (this.ring) this.set(null);
      return;
    }
    if (now && now.check === row.vault.check && now.classKeys.length === row.vault.classKeys.length) return;
    this.set(await Keyring.withKek(row.vault, row.kek).catch(() => null));
  }

  get keyring(): Keyring | null {
    return this.ring;
  }

  /** Keeps the keyring on this tablet (after set-up, unlocking, or a key added). */
  async keep(ring: Keyring): Promise<void> {
    await this.db.local.put({ key: E2EE_KEYS.keyring, value: { vault: ring.vault, kek: ring.keyEncryptionKey } satisfies Stored });
    this.set(ring);
  }

  /** Saves the keyring's vault again after keys were added to it. */
  save(): Promise<void> {
    return this.ring ? this.keep(this.ring) : Promise.resolve();
  }

  /** Forgets the keys on this tablet (a sync set-up for another teacher); the server's wrapped copy stays. */
  async forget(): Promise<void> {
    await this.db.local.bulkDelete([E2EE_KEYS.keyring, E2EE_KEYS.purge, E2EE_KEYS.shared]);
    this.set(null);
  }

  sealingKey(scope: string): ClassKey | undefined {
    return this.ring?.sealingKey(scope);
  }

  openingKeys(scope: string): ReadonlyMap<string, ClassKey> {
    return this.ring?.openingKeys(scope) ?? new Map();
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(ring: Keyring | null): void {
    this.ring = ring;
    for (const fn of this.listeners) fn();
  }
}
