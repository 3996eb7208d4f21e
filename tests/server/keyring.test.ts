// The keyring relay on both stores: a teacher's second tablet gets the wrapped vault and opens it with the phrase;
// a vault of another phrase is refused; two tablets adding keys at once both keep theirs; a class key shared to a
// co-teacher reaches only them; nothing the server stores opens without a phrase or a private key.
import { afterEach, describe, expect, it } from 'vitest';
import { API_BASE, CLIENT_SCHEMA, SCHEMA_HEADER } from '../../src/shared/protocol';
import type { ClassTeachersResponse, ReceivedShare, Vault } from '../../src/shared/e2ee';
import { Keyring } from '../../src/sync/e2ee/keyring';
import { openValue, sealValue } from '../../src/sync/e2ee/fieldCipher';
import { newRecoveryPhrase } from '../../src/sync/e2ee/phrase';
import type { TestServer } from '../../server/testing';
import { STORES, change, client, st } from './api-helpers';

// The server's floor; the device's default is higher, but the tests are not about the KDF's cost.
const ITERATIONS = 100_000;

function keyApi(server: { url: string }, token: string) {
  const headers = { Authorization: `Bearer ${token}`, [SCHEMA_HEADER]: String(CLIENT_SCHEMA), 'Content-Type': 'application/json' };
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${API_BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return {
    getVault: () => call('GET', '/keyring'),
    putVault: (vault: Vault) => call('PUT', '/keyring', { vault }),
    teachers: (classId: string) => call('GET', `/classes/${classId}/teachers`),
    share: (body: unknown) => call('PUT', '/key-shares', body),
    shares: async () => ((await (await call('GET', '/key-shares')).json()) as { shares: ReceivedShare[] }).shares,
  };
}

describe.each(STORES)('keyring relay on $name', (store) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('carries a vault to the second tablet, refuses another phrase, and keeps both tablets\u2019 new keys', async () => {
    server = await store.start();
    const t = await server.addTeacher('Ms Rivera');
    const api = keyApi(server, t.token);
    expect((await api.getVault()).status).toBe(404);

    const phrase = newRecoveryPhrase();
    const tabletA = await Keyring.create(phrase, ITERATIONS);
    const keyA = await tabletA.addClassKey('class-a');
    expect((await api.putVault(tabletA.vault)).status).toBe(200);

    const got = (await (await api.getVault()).json()) as { vault: Vault };
    const tabletB = await Keyring.open(got.vault, phrase);
    const sealed = await sealValue(keyA, { table: 'students', id: 's1', field: 'firstName', stamp: '1' }, 'Maya');
    expect(await openValue(tabletB.openingKeys('class-a'), { table: 'students', id: 's1', field: 'firstName', stamp: '1' }, sealed)).toBe('Maya');

    // Each tablet adds a class at once, from the same vault: the server keeps both keys.
    await tabletA.addClassKey('class-b');
    await tabletB.addClassKey('class-c');
    const [ra, rb] = await Promise.all([api.putVault(tabletA.vault), api.putVault(tabletB.vault)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    const merged = ((await (await api.getVault()).json()) as { vault: Vault }).vault;
    expect(merged.classKeys.map((k) => k.classId).sort()).toEqual(['class-a', 'class-b', 'class-c']);
    const reopened = await Keyring.open(merged, phrase);
    for (const c of ['class-a', 'class-b', 'class-c']) expect(reopened.sealingKey(c)).toBeDefined();

    const other = await Keyring.create(newRecoveryPhrase(), ITERATIONS);
    const refused = await api.putVault(other.vault);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/another recovery phrase/);
    expect(((await (await api.getVault()).json()) as { vault: Vault }).vault).toEqual(merged);
  });

  it('refuses a vault with a weak KDF, a private key part, or an unknown field, naming the place', async () => {
    server = await store.start();
    const t = await server.addTeacher('Ms Rivera');
    const api = keyApi(server, t.token);
    const ring = await Keyring.create(newRecoveryPhrase(), ITERATIONS);
    const cases: [Vault, RegExp][] = [
      [{ ...ring.vault, kdf: { ...ring.vault.kdf, iterations: 1000 } }, /vault\.kdf\.iterations: must be at least 100000/],
      [{ ...ring.vault, publicJwk: { ...ring.vault.publicJwk, d: 'secret' } }, /vault\.publicJwk\.d: is not a known field/],
      [{ ...ring.vault, extra: 1 } as Vault, /vault\.extra: is not a known field/],
    ];
    for (const [vault, message] of cases) {
      const res = await api.putVault(vault);
      expect(res.status).toBe(400);
      const text = ((await res.json()) as { error: { message: string } }).error.message;
      expect(text).toMatch(message);
      expect(text).not.toContain('secret');
    }
    expect((await api.getVault()).status).toBe(404);
  });

  it('shares a class key with a co-teacher of the class only, and only they can open it', async () => {
    server = await store.start();
    const owner = await server.addTeacher('Ms Rivera');
    const co = await server.addTeacher('Mr Okafor');
    const stranger = await server.addTeacher('Ms Chen');
    const ownerApi = keyApi(server, owner.token);
    const coApi = keyApi(server, co.token);
    const strangerApi = keyApi(server, stranger.token);
    await client(server, owner.token).push('dev-o', [change(1, 'classes', 'class-a', { name: 'Room 4' }, st(Date.now()))]);

    const ownerRing = await Keyring.create(newRecoveryPhrase(), ITERATIONS);
    const key = await ownerRing.addClassKey('class-a');
    await ownerApi.putVault(ownerRing.vault);
    const coRing = await Keyring.create(newRecoveryPhrase(), ITERATIONS);
    await coApi.putVault(coRing.vault);

    // Not yet a teacher of the class: no share, and the class's teachers are not listed to them.
    const [early] = await ownerRing.share('class-a', coRing.pair.publicJwk);
    expect((await ownerApi.share({ to: co.id, share: early })).status).toBe(403);
    expect((await coApi.teachers('class-a')).status).toBe(404);

    await server.shareClass('class-a', co.id);
    const listed = (await (await ownerApi.teachers('class-a')).json()) as ClassTeachersResponse;
    const coEntry = listed.teachers.find((x) => x.id === co.id)!;
    expect(coEntry.publicJwk).toEqual(coRing.vault.publicJwk);
    for (const s of await ownerRing.share('class-a', coEntry.publicJwk!)) expect((await ownerApi.share({ to: co.id, share: s })).status).toBe(204);
    // Someone outside the class can neither send shares for it nor receive any.
    expect((await strangerApi.share({ to: co.id, share: early })).status).toBe(403);
    expect(await strangerApi.shares()).toEqual([]);

    const received = await coApi.shares();
    expect(received.map((r) => r.from)).toEqual([{ id: owner.id, name: 'Ms Rivera' }]);
    for (const r of received) await coRing.accept(r.share);
    const place = { table: 'notes', id: 'n1', field: 'text', stamp: '2' };
    expect(await openValue(coRing.openingKeys('class-a'), place, await sealValue(key, place, 'Maya used dialogue'))).toBe('Maya used dialogue');
    const strangerRing = await Keyring.create(newRecoveryPhrase(), ITERATIONS);
    await expect(strangerRing.accept(received[0]!.share)).rejects.toThrow(/meant for another teacher/);
  });
});
