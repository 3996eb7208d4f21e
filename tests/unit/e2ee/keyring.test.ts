// A teacher's keyring: a second tablet opens it with the phrase and nothing else; a wrong phrase is refused in words
// and changes nothing; a co-teacher gets a class key through the server without the server being able to read it.
import { describe, expect, it } from 'vitest';
import { Keyring, WrongPhraseError } from '../../../src/sync/e2ee/keyring';
import { openValue, sealValue } from '../../../src/sync/e2ee/fieldCipher';
import { newRecoveryPhrase } from '../../../src/sync/e2ee/phrase';
import { PBKDF2_ITERATIONS } from '../../../src/sync/e2ee/keys';

// The real iteration count costs about a second per derivation; the tests that are not about it use fewer.
const FAST = 2_000;
const place = { table: 'students', id: 'stu-1', field: 'firstName', stamp: '1-0-dev' };

/** The vault as the server stores and relays it: JSON text, nothing else. */
const relay = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('keyring', () => {
  it('a second tablet opens the vault with the phrase alone and reads what the first sealed', async () => {
    const phrase = newRecoveryPhrase();
    const first = await Keyring.create(phrase, FAST);
    const key = await first.addClassKey('class-a');
    const sealed = await sealValue(key, place, 'Maya');

    const second = await Keyring.open(relay(first.vault), phrase);
    expect(await openValue(second.openingKeys('class-a'), place, sealed)).toBe('Maya');
    expect(second.sealingKey('class-a')?.id).toBe(key.id);
    expect(second.sealingKey('class-b')).toBeUndefined();
  });

  it('the vault holds no plain key and no phrase', async () => {
    const phrase = newRecoveryPhrase();
    const ring = await Keyring.create(phrase, FAST);
    await ring.addClassKey('class-a');
    const text = JSON.stringify(ring.vault);
    // Every string value in the vault (its field names may be words of the list, as "check" is).
    const values: string[] = [];
    JSON.parse(text, (_k, v: unknown) => (typeof v === 'string' && values.push(v), v));
    for (const word of phrase.split(' ')) expect(values).not.toContain(word);
    expect(text).not.toContain(phrase);
    expect(text).not.toMatch(/"d":/); // a JWK's private part
    expect(ring.vault.kdf).toMatchObject({ name: 'PBKDF2-SHA-256', iterations: FAST });
  });

  it('a wrong phrase is refused with a message that says what to do, and the vault is unchanged', async () => {
    const ring = await Keyring.create(newRecoveryPhrase(), FAST);
    await ring.addClassKey('class-a');
    const before = JSON.stringify(ring.vault);
    const err = await Keyring.open(relay(ring.vault), newRecoveryPhrase()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WrongPhraseError);
    expect((err as Error).message).toMatch(/does not open.*Check each word; nothing was changed/);
    expect(JSON.stringify(ring.vault)).toBe(before);
  });

  it('a co-teacher accepts a shared class key, keeps it in their own vault, and a share for someone else fails', async () => {
    const owner = await Keyring.create(newRecoveryPhrase(), FAST);
    const key = await owner.addClassKey('class-a');
    const coPhrase = newRecoveryPhrase();
    const co = await Keyring.create(coPhrase, FAST);
    const stranger = await Keyring.create(newRecoveryPhrase(), FAST);

    const shares = relay(await owner.share('class-a', co.pair.publicJwk));
    expect(JSON.stringify(shares)).not.toContain(JSON.stringify(relay(owner.vault.classKeys[0]!.wrapped)));
    for (const s of shares) await co.accept(s);
    const sealed = await sealValue(key, place, 'Maya');
    expect(await openValue(co.openingKeys('class-a'), place, sealed)).toBe('Maya');
    // The co-teacher's other tablet has it too, from the phrase.
    const coTablet = await Keyring.open(relay(co.vault), coPhrase);
    expect(await openValue(coTablet.openingKeys('class-a'), place, sealed)).toBe('Maya');

    await expect(stranger.accept(shares[0]!)).rejects.toThrow(/meant for another teacher or changed on the way/);
    expect(stranger.openingKeys('class-a').size).toBe(0);
  });

  it('a class keeps every key it had: new writes use the newest, old values still open', async () => {
    const ring = await Keyring.create(newRecoveryPhrase(), FAST);
    const k1 = await ring.addClassKey('class-a');
    const old = await sealValue(k1, place, 'Maya');
    const k2 = await ring.addClassKey('class-a');
    expect(ring.sealingKey('class-a')?.id).toBe(k2.id);
    expect(await openValue(ring.openingKeys('class-a'), place, old)).toBe('Maya');
  });

  it('derives with the full iteration count by default', async () => {
    const ring = await Keyring.create(newRecoveryPhrase());
    expect(ring.vault.kdf.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });
});
