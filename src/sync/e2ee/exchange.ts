// The key traffic around each sync, when this tablet holds a keyring: before the push, take the keys other tablets
// and co-teachers added (the relayed vault, shares) and give each class still without a key one, re-sending sealed
// those the server holds plain; after the push, ask the server to drop those classes' plain history and share each
// class key with the class's other teachers. Records held back for want of a key are opened once it arrives.

import type { Repo, RemoteChange } from '../../db/repo';
import { BlobQueueStore } from '../../db/blobQueue';
import type { ClassTeachersResponse, ReceivedShare, Vault } from '../../shared/e2ee';
import type { PulledRecord } from '../../shared/protocol';
import { SyncError } from '../errors';
import type { Transport } from '../transport';
import { HELD_PREFIX } from '../pull';
import { E2EE_KEYS, type DeviceKeys } from './deviceKeys';
import { WrongPhraseError, type Keyring } from './keyring';
import { Sealer, SELF_SCOPE } from './sealer';


export const OTHER_PHRASE =
  'This teacher\u2019s keys on the server were set up with another recovery phrase. Open Settings > Sync and enter that phrase on this tablet.';

/** The server's copy of the keyring, or undefined before any tablet of this teacher set one up. */
export async function fetchVault(t: Transport): Promise<Vault | undefined> {
  try {
    return (await t.request<{ vault: Vault }>('/keyring')).vault;
  } catch (e) {
    if (e instanceof SyncError && e.status === 404) return undefined;
    throw e;
  }
}

/** Stores the vault on the server (merged there with what other tablets added) and takes the merged keys back. */
export async function publishVault(t: Transport, ring: Keyring): Promise<void> {
  const { vault } = await t.request<{ vault: Vault }>('/keyring', { vault: ring.vault }, 'PUT');
  await ring.merge(vault);
}

export class KeyExchange {
  constructor(
    private readonly repo: Repo,
    private readonly keys: DeviceKeys,
  ) {}

  /** Before the push. Returns the held records that opened now and were applied (for the blob queue). */
  async before(t: Transport): Promise<RemoteChange[]> {
    await this.keys.load();
    const ring = this.keys.keyring;
    if (!ring) return [];
    const before = ring.vault.classKeys.length;
    const server = await fetchVault(t);
    if (server) {
      try {
        await ring.merge(server);
      } catch (e) {
        if (e instanceof WrongPhraseError) throw new SyncError('rejected', OTHER_PHRASE, 409);
        throw e;
      }
    }
    const { shares } = await t.request<{ shares: ReceivedShare[] }>('/key-shares');
    for (const s of shares) await ring.accept(s.share).catch(() => undefined);
    await this.keyNewScopes(t, ring);
    if (!server || ring.vault.classKeys.length !== before) await publishVault(t, ring);
    await this.keys.save();
    return this.openHeld();
  }

  /** After the push: drop the plain history once the re-send has gone, then share class keys with co-teachers. */
  async after(t: Transport): Promise<void> {
    const ring = this.keys.keyring;
    if (!ring) return;
    const purge = ((await this.repo.db.local.get(E2EE_KEYS.purge))?.value as string[] | undefined) ?? [];
    if (purge.length > 0 && (await this.repo.outbox.count()) === 0) {
      await t.request('/purge-plain', { classIds: purge.filter((s) => s !== SELF_SCOPE), self: purge.includes(SELF_SCOPE) });
      await this.repo.db.local.delete(E2EE_KEYS.purge);
    }
    await this.offerShares(t, ring);
  }

  /**
   * Every class on this tablet, and the teacher's own records, get a key. Only what the server may hold plain is
   * queued to go again sealed (and its plain copy dropped after): a class the server has never seen (made since
   * encryption went on, or never synced) goes up sealed by its first push, once.
   */
  private async keyNewScopes(t: Transport, ring: Keyring): Promise<void> {
    const classes = (await this.repo.db.classes.toArray()).map((c) => c.id);
    const fresh = [SELF_SCOPE, ...classes].filter((scope) => !ring.sealingKey(scope));
    if (fresh.length === 0) return;
    const resend: string[] = [];
    for (const scope of fresh) if (scope === SELF_SCOPE || (await this.serverHas(t, scope))) resend.push(scope);
    for (const scope of fresh) await ring.addClassKey(scope);
    // The keys are kept before anything is sealed with them, so a crash cannot leave records only a lost key opens.
    await this.keys.save();
    // Photos and memos already uploaded plain go again, sealed; the queue then has the server forget the plain copies.
    // (A class the server never saw has none done, so nothing goes twice.)
    await new BlobQueueStore(this.repo.db).requeueUploads(fresh.filter((s) => s !== SELF_SCOPE));
    if (resend.length === 0) return;
    for (const scope of resend) await this.repo.restamp(scope === SELF_SCOPE ? 'self' : { classId: scope });
    const was = ((await this.repo.db.local.get(E2EE_KEYS.purge))?.value as string[] | undefined) ?? [];
    await this.repo.db.local.put({ key: E2EE_KEYS.purge, value: [...new Set([...was, ...resend])] });
  }

  /** Whether the server knows the class as one of this teacher's: then it may hold a plain copy to replace. */
  private async serverHas(t: Transport, classId: string): Promise<boolean> {
    try {
      await t.request<ClassTeachersResponse>(`/classes/${encodeURIComponent(classId)}/teachers`);
      return true;
    } catch (e) {
      if (e instanceof SyncError && e.status === 404) return false;
      throw e;
    }
  }

  private async offerShares(t: Transport, ring: Keyring): Promise<void> {
    const done = new Set(((await this.repo.db.local.get(E2EE_KEYS.shared))?.value as string[] | undefined) ?? []);
    const before = done.size;
    let me: string | undefined;
    for (const classId of ring.scopes()) {
      if (classId === SELF_SCOPE) continue;
      let teachers: ClassTeachersResponse['teachers'];
      try {
        teachers = (await t.request<ClassTeachersResponse>(`/classes/${encodeURIComponent(classId)}/teachers`)).teachers;
      } catch (e) {
        if (e instanceof SyncError && e.status === 404) continue; // not on the server yet, or no longer this teacher's
        throw e;
      }
      if (teachers.length < 2) continue;
      me ??= (await t.request<{ teacher: { id: string } }>('/hello')).teacher.id;
      const keyIds = [...ring.openingKeys(classId).keys()];
      for (const other of teachers) {
        if (other.id === me || !other.publicJwk) continue;
        const jwk = other.publicJwk;
        if (keyIds.every((k) => done.has(`${classId} ${other.id} ${k}`))) continue;
        for (const share of await ring.share(classId, jwk)) {
          await t.request('/key-shares', { to: other.id, share }, 'PUT');
          done.add(`${classId} ${other.id} ${share.keyId}`);
        }
      }
    }
    if (done.size !== before) await this.repo.db.local.put({ key: E2EE_KEYS.shared, value: [...done] });
  }

  /** Held records that open with the keys now here are applied (by the usual merge, so nothing newer is undone). */
  private async openHeld(): Promise<RemoteChange[]> {
    const rows = await this.repo.db.local.where('key').startsWith(HELD_PREFIX).toArray();
    if (rows.length === 0) return [];
    const opened = await new Sealer(this.keys).open(rows.map((r) => r.value as PulledRecord));
    const stillHeld = new Set(opened.held.map((h) => `${HELD_PREFIX}${h.record.table}:${h.record.id}`));
    await this.repo.applyRemote(opened.changes);
    await this.repo.db.local.bulkDelete(rows.map((r) => r.key).filter((k) => !stillHeld.has(k)));
    return opened.changes;
  }
}
