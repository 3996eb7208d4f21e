// What push and pull call when encryption is on: seal each change under its class's key before it is sent (sized
// exactly beforehand, so batches still fit the body limit), and open each pulled record before it is applied.
// A record that does not open is held back, never applied, and reported.

import { compactSeals, E2EE_VERSION, expandSeals, isSameSeal, isSealed, type SealedValue } from '../../shared/e2ee';
import type { PulledRecord } from '../../shared/protocol';
import type { TableName } from '../../shared/records';
import { openFields, SealError, sealFields, type ClassKey, type StampedFields } from './fieldCipher';
import { sealGroups } from './groups';
import { withStandInSeals, type BlobSeals } from './blobSeals';

/** The key scope of teacher-scoped tables (starters, settings, the goal library): the teacher's own key, not a class's. */
export const SELF_SCOPE = '_self';
const TEACHER_SCOPED = new Set<TableName>(['starters', 'settings', 'goalLibrary']);

/** Where a record's key comes from: its class (a class record is its own), or the teacher's own scope. */
export function keyScope(table: TableName, id: string, classId: string | null | undefined): string | null {
  if (TEACHER_SCOPED.has(table)) return SELF_SCOPE;
  if (table === 'classes') return id;
  return typeof classId === 'string' ? classId : null;
}

/** The keys a device holds: the newest of a scope seals, every one opens. */
export interface KeySource {
  sealingKey(scope: string): ClassKey | undefined;
  openingKeys(scope: string): ReadonlyMap<string, ClassKey>;
}

const b64Length = (bytes: number) => Math.ceil((bytes * 4) / 3);

/** The change as it will be sent, with each sealed value replaced by a stand-in of exactly its JSON length. */
export function sealedShape<T extends StampedFields>(key: ClassKey, rec: T): T {
  const fields: Record<string, unknown> = { ...rec.fields };
  sealGroups(rec.table, rec.id, rec.fields, rec.meta).forEach((g, i) => {
    // nonce (12) + ciphertext (as long as the group's JSON) + tag (16), base64url without padding: no escapes in JSON.
    // Each group's stand-in differs (its number leads), so compacting treats them as the real seals will be.
    const c = String(i).padEnd(b64Length(12 + g.bytes + 16), 'A');
    const stand = { circulateE2ee: E2EE_VERSION, k: key.id, c } satisfies SealedValue;
    for (const f of g.fields) fields[f] = stand;
  });
  return { ...rec, fields: compactSeals(fields) };
}

export interface PullOpened {
  changes: StampedFields[];
  /** Records that did not open: with a key this device lacks (kept for later) or damaged (reported). */
  held: { record: PulledRecord; error: SealError }[];
}

export class Sealer {
  /** `blobs` fills in the seal of each photo and memo a note or conference names; without it refs go as they are. */
  constructor(
    private readonly keys: KeySource,
    private readonly blobs?: BlobSeals,
  ) {}

  /** The key for a change of this record, or undefined when its class is not encrypted: it goes plain. */
  keyFor(table: TableName, id: string, classId: string | null | undefined): ClassKey | undefined {
    const scope = keyScope(table, id, classId);
    return scope === null ? undefined : this.keys.sealingKey(scope);
  }

  shape<T extends StampedFields>(rec: T, classId: string | null | undefined): T {
    const key = this.keyFor(rec.table, rec.id, classId);
    if (!key) return rec;
    return sealedShape(key, this.blobs ? withStandInSeals(key, rec) : rec);
  }

  async seal<T extends StampedFields>(rec: T, classId: string | null | undefined): Promise<T> {
    const key = this.keyFor(rec.table, rec.id, classId);
    if (!key) return rec;
    const sealed = await sealFields(key, this.blobs && typeof classId === 'string' ? await this.blobs.withSeals(rec, classId) : rec);
    return { ...sealed, fields: compactSeals(sealed.fields) };
  }

  /** Opens a pulled page: records with nothing sealed pass as they are; pulled records carry their classId plain. */
  async open(records: readonly PulledRecord[]): Promise<PullOpened> {
    // A page's records open together (WebCrypto is asynchronous); the answers keep the page's order.
    const results = await Promise.all(
      records.map(async (r): Promise<{ ok: StampedFields } | { held: { record: PulledRecord; error: SealError } }> => {
        const rec: StampedFields = { table: r.table, id: r.id, fields: expandSeals(r.fields), meta: r.meta };
        if (!Object.values(r.fields).some((v) => isSealed(v) || isSameSeal(v))) return { ok: rec };
        const scope = keyScope(r.table, r.id, r.fields.classId as string | undefined);
        try {
          return { ok: await openFields(scope === null ? new Map() : this.keys.openingKeys(scope), rec) };
        } catch (e) {
          if (!(e instanceof SealError)) throw e;
          return { held: { record: r, error: e } };
        }
      }),
    );
    const out: PullOpened = { changes: [], held: [] };
    for (const x of results) {
      if ('ok' in x) out.changes.push(x.ok);
      else out.held.push(x.held);
    }
    return out;
  }
}
