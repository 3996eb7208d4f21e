// A teacher's keyring: every class key and their own key pair, wrapped under the key their recovery phrase derives.
// The wrapped form (the vault) is what the server relays between the teacher's tablets; it never holds a plain key.

import { fromBase64url, randomBytes, toBase64url, utf8, fromUtf8 } from './bytes';
import type { ClassKey } from './fieldCipher';
import {
  acceptSharedKey,
  deriveKek,
  importClassKey,
  importTeacherKeyPair,
  newClassKey,
  newTeacherKeyPair,
  openBytes,
  openClassKeyBytes,
  PBKDF2_ITERATIONS,
  sealBytes,
  shareClassKey,
  unwrapClassKey,
  wrapClassKey,
  type TeacherKeyPair,
} from './keys';
import type { SharedKey, Vault } from '../../shared/e2ee';

export type { Vault };


const CHECK_CONTEXT = 'circulate-keyring-check';
const PRIVATE_CONTEXT = 'circulate-teacher-private-key';
const CHECK_TEXT = 'circulate keyring v1';

export class WrongPhraseError extends Error {
  constructor() {
    super('That recovery phrase does not open this teacher\u2019s keys. Check each word; nothing was changed.');
    this.name = 'WrongPhraseError';
  }
}

/** The keyring, opened: class keys by class, newest last (the newest seals; every one opens). */
export class Keyring {
  private constructor(
    private readonly kek: CryptoKey,
    private vaultNow: Vault,
    readonly pair: TeacherKeyPair,
    private readonly keys: Map<string, ClassKey[]>,
  ) {}

  static async create(phrase: string, iterations = PBKDF2_ITERATIONS): Promise<Keyring> {
    const salt = randomBytes(16);
    const kek = await deriveKek(phrase, salt, iterations);
    const { pair, privatePkcs8 } = await newTeacherKeyPair();
    const vault: Vault = {
      version: 1,
      kdf: { name: 'PBKDF2-SHA-256', iterations, salt: toBase64url(salt) },
      check: await sealBytes(kek, CHECK_CONTEXT, utf8(CHECK_TEXT)),
      publicJwk: pair.publicJwk,
      privateKey: await sealBytes(kek, PRIVATE_CONTEXT, privatePkcs8),
      classKeys: [],
    };
    return new Keyring(kek, vault, pair, new Map());
  }

  /** Opens a vault with the phrase; a wrong phrase throws WrongPhraseError and leaves everything as it was. */
  static async open(vault: Vault, phrase: string): Promise<Keyring> {
    return Keyring.withKek(vault, await deriveKek(phrase, fromBase64url(vault.kdf.salt), vault.kdf.iterations));
  }

  /** Opens a vault with the key-encryption key a tablet kept (non-extractable, so the phrase is not needed again). */
  static async withKek(vault: Vault, kek: CryptoKey): Promise<Keyring> {
    try {
      if (fromUtf8(await openBytes(kek, CHECK_CONTEXT, vault.check)) !== CHECK_TEXT) throw new WrongPhraseError();
    } catch {
      throw new WrongPhraseError();
    }
    const pair = await importTeacherKeyPair(vault.publicJwk, await openBytes(kek, PRIVATE_CONTEXT, vault.privateKey));
    const keys = new Map<string, ClassKey[]>();
    for (const k of vault.classKeys) {
      const list = keys.get(k.classId) ?? [];
      list.push(await unwrapClassKey(kek, k.classId, k.keyId, k.wrapped));
      keys.set(k.classId, list);
    }
    return new Keyring(kek, vault, pair, keys);
  }

  /** The key-encryption key, for the tablet to keep (it cannot be exported). */
  get keyEncryptionKey(): CryptoKey {
    return this.kek;
  }

  /** Whether this vault (another tablet's, from the server) was made with the same phrase and key pair. */
  sameIdentity(other: Vault): boolean {
    const v = this.vaultNow;
    return other.check === v.check && other.kdf.salt === v.kdf.salt && other.privateKey === v.privateKey;
  }

  /** Takes the class keys another tablet of this teacher added (the server's merged vault); returns how many. */
  async merge(other: Vault): Promise<number> {
    if (!this.sameIdentity(other)) throw new WrongPhraseError();
    let added = 0;
    for (const k of other.classKeys) {
      if (this.openingKeys(k.classId).has(k.keyId)) continue;
      const key = await unwrapClassKey(this.kek, k.classId, k.keyId, k.wrapped);
      this.vaultNow = { ...this.vaultNow, classKeys: [...this.vaultNow.classKeys, k] };
      this.keys.set(k.classId, [...(this.keys.get(k.classId) ?? []), key]);
      added++;
    }
    return added;
  }

  /** Every class (and the teacher's own scope) this keyring holds a key for. */
  scopes(): string[] {
    return [...this.keys.keys()];
  }

  /** The wrapped form to store and relay: changes with every key added. */
  get vault(): Vault {
    return this.vaultNow;
  }

  /** The key new writes of the class are sealed with, or undefined when the class is not encrypted for this teacher. */
  sealingKey(classId: string): ClassKey | undefined {
    return this.keys.get(classId)?.at(-1);
  }

  /** Every key of the class by id, for opening. */
  openingKeys(classId: string): ReadonlyMap<string, ClassKey> {
    return new Map((this.keys.get(classId) ?? []).map((k) => [k.id, k]));
  }

  /** A new key for a class (turning encryption on, or after a co-teacher leaves); returns it. */
  async addClassKey(classId: string): Promise<ClassKey> {
    const { classKey, raw } = await newClassKey();
    await this.keep(classId, classKey, raw);
    return classKey;
  }

  /** A class key for a co-teacher, wrapped to their public key. */
  async share(classId: string, recipientJwk: JsonWebKey): Promise<SharedKey[]> {
    const out: SharedKey[] = [];
    for (const k of this.vaultNow.classKeys.filter((x) => x.classId === classId)) {
      out.push(await shareClassKey(recipientJwk, classId, k.keyId, await openClassKeyBytes(this.kek, classId, k.keyId, k.wrapped)));
    }
    return out;
  }

  /** Takes a class key another teacher shared; throws when it was not for this teacher or was changed on the way. */
  async accept(share: SharedKey): Promise<void> {
    if (this.openingKeys(share.classId).has(share.keyId)) return;
    const raw = await acceptSharedKey(this.pair, share).catch(() => {
      throw new Error('A class key shared with you could not be opened: it was meant for another teacher or changed on the way. Ask the co-teacher to share the class again.');
    });
    await this.keep(share.classId, await importClassKey(share.keyId, raw), raw);
  }

  private async keep(classId: string, key: ClassKey, raw: Uint8Array<ArrayBuffer>): Promise<void> {
    const wrapped = await wrapClassKey(this.kek, classId, key.id, raw);
    this.vaultNow = { ...this.vaultNow, classKeys: [...this.vaultNow.classKeys, { classId, keyId: key.id, wrapped }] };
    this.keys.set(classId, [...(this.keys.get(classId) ?? []), key]);
  }
}
