// Turning end-to-end encryption on from Settings, over a given engine and the tablet's keys: a new recovery phrase
// for the teacher's first tablet, or the phrase typed on another tablet to open the keyring the server relays.
// A wrong phrase or a mistyped word changes nothing and says what to fix.

import type { SyncEngine } from './engine';
import type { DeviceKeys } from './e2ee/deviceKeys';
import { fetchVault, publishVault } from './e2ee/exchange';
import { Keyring, WrongPhraseError } from './e2ee/keyring';
import { PBKDF2_ITERATIONS } from './e2ee/keys';
import { newRecoveryPhrase, readPhrase } from './e2ee/phrase';

/** What Settings offers: nothing to do (on), the phrase of keys already on the server, or a new set-up. */
export type EncryptionState = 'on' | 'enter-phrase' | 'new';

export class EncryptionSetup {
  constructor(
    private readonly engine: SyncEngine,
    private readonly keys: DeviceKeys,
    private readonly iterations = PBKDF2_ITERATIONS,
  ) {}

  /** Asks the server whether this teacher has keys already (throws SyncError when it cannot be reached). */
  async state(): Promise<EncryptionState> {
    await this.keys.load();
    if (this.keys.keyring) return 'on';
    return (await this.engine.api(fetchVault)) ? 'enter-phrase' : 'new';
  }

  newPhrase(): string {
    return newRecoveryPhrase();
  }

  /** The first tablet: a keyring under the new phrase, relayed for the teacher's other tablets, then a sync. */
  async turnOn(phrase: string): Promise<void> {
    const read = readPhrase(phrase);
    if ('error' in read) throw new Error(read.error);
    const ring = await Keyring.create(read.phrase, this.iterations);
    await this.engine.api(async (t) => {
      if (await fetchVault(t)) throw new Error('This teacher already has a recovery phrase on the server: enter that phrase instead.');
      await publishVault(t, ring);
    });
    await this.keys.keep(ring);
    void this.engine.sync({ force: true });
  }

  /** Another tablet: the phrase opens the relayed keyring; a wrong one throws with what to fix, keeping nothing. */
  async unlock(typed: string): Promise<void> {
    const read = readPhrase(typed);
    if ('error' in read) throw new Error(read.error);
    const vault = await this.engine.api(fetchVault);
    if (!vault) throw new Error('No recovery phrase is set up on the server for this teacher yet.');
    let ring: Keyring;
    try {
      ring = await Keyring.open(vault, read.phrase);
    } catch (e) {
      if (e instanceof WrongPhraseError) throw new Error(e.message, { cause: e });
      throw e;
    }
    await this.keys.keep(ring);
    void this.engine.sync({ force: true });
  }
}
