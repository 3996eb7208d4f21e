// What push and pull call when encryption is on: seal each change under its class's key before it is sent (sized
// exactly beforehand, so batches still fit the body limit), and open each pulled record before it is applied.
// A record that does not open is held back, never applied, and reported.

import { E2EE_VERSION, isSameSeal, isSealed, type SameSeal, type SealedValue } from '../../shared/e2ee';
import type { PulledRecord } from '../../shared/protocol';
import type { TableName } from '../../shared/records';
import { openFields, SealError, sealFields, type ClassKey, type StampedFields } from './fieldCipher';
import { sealGroups, type SealGroup } from './groups';
import { namesBlobs, withStandInSeals, type BlobSeals } from './blobSeals';
import { utf8Length } from './bytes';

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

/**
 * The UTF-8 length of the change's JSON once sealed and compacted (compactSeals), reckoned from its seal groups
 * without sealing: its plain JSON, with each group's values replaced by the group's seal on its first field and a
 * reference to that field on the others.
 */
export function sealedBytes(key: ClassKey, rec: StampedFields, groups: readonly SealGroup[]): number {
  const sealHead = utf8Length(JSON.stringify({ e2: E2EE_VERSION, k: key.id, c: '' } satisfies SealedValue));
  const refBytes = (to: string) => utf8Length(JSON.stringify({ e2: E2EE_VERSION, same: to } satisfies SameSeal));
  if (!groups.every((g) => g.allInPlainJson)) return skeletonBytes(rec, groups, sealHead, refBytes);
  let bytes = utf8Length(JSON.stringify(rec));
  for (const g of groups) {
    // nonce (12) + ciphertext (as long as the group's plaintext) + tag (16), base64url without padding: no escapes.
    bytes += sealHead + b64Length(12 + g.bytes + 16) - g.valueBytes;
    if (g.fields.length > 1) bytes += (g.fields.length - 1) * refBytes(g.fields[0]!);
  }
  return bytes;
}

/** The same reckoning for a change with a field the plain JSON leaves out (undefined): each sealed field stands as
 * 0 (one byte) in a copy, which is measured; Object.fromEntries keeps a field named __proto__ a field. */
function skeletonBytes(rec: StampedFields, groups: readonly SealGroup[], sealHead: number, refBytes: (to: string) => number): number {
  const sealedAs = new Map<string, number>();
  for (const g of groups) {
    sealedAs.set(g.fields[0]!, sealHead + b64Length(12 + g.bytes + 16));
    for (const f of g.fields.slice(1)) sealedAs.set(f, refBytes(g.fields[0]!));
  }
  const skeleton = Object.fromEntries(Object.entries(rec.fields).map(([f, v]) => [f, sealedAs.has(f) ? 0 : v]));
  let bytes = utf8Length(JSON.stringify({ ...rec, fields: skeleton }));
  for (const n of sealedAs.values()) bytes += n - 1;
  return bytes;
}

/** A change ready for a push: its exact size on the wire, known before it is sealed, and its JSON as sent. */
export interface Outgoing {
  bytes: number;
  json(): Promise<string>;
}

/** A change that goes as it is. */
export function plainOutgoing(rec: unknown): Outgoing {
  const json = JSON.stringify(rec);
  return { bytes: utf8Length(json), json: () => Promise.resolve(json) };
}

function anySealed(fields: Record<string, unknown>): boolean {
  for (const f in fields) if (isSealed(fields[f]) || isSameSeal(fields[f])) return true;
  return false;
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

  /**
   * The change as a push will send it: sealed under its class's key (measured first, sealed when `json` is asked
   * for, once its batch is settled), or plain when its class has none.
   */
  outgoing(rec: StampedFields, classId: string | null | undefined): Outgoing {
    const key = this.keyFor(rec.table, rec.id, classId);
    if (!key) return plainOutgoing(rec);
    const sealed = async (r: StampedFields, groups?: SealGroup[]) => JSON.stringify(await sealFields(key, r, groups, true));
    if (this.blobs && typeof classId === 'string' && namesBlobs(rec)) {
      // A ref's blob seal is found (or made) only when sealing; a stand-in of its exact length measures it.
      const blobs = this.blobs;
      const shaped = withStandInSeals(key, rec);
      return { bytes: sealedBytes(key, shaped, sealGroups(shaped.table, shaped.id, shaped.fields, shaped.meta)), json: async () => sealed(await blobs.withSeals(rec, classId)) };
    }
    // Measured and sealed from the same groups: worked out once.
    const groups = sealGroups(rec.table, rec.id, rec.fields, rec.meta);
    return { bytes: sealedBytes(key, rec, groups), json: () => sealed(rec, groups) };
  }

  /** Opens a pulled page: records with nothing sealed pass as they are; pulled records carry their classId plain. */
  async open(records: readonly PulledRecord[]): Promise<PullOpened> {
    // A page's records open together (WebCrypto is asynchronous); the answers keep the page's order.
    const results = await Promise.all(
      records.map(async (r): Promise<{ ok: StampedFields } | { held: { record: PulledRecord; error: SealError } }> => {
        const rec: StampedFields = { table: r.table, id: r.id, fields: r.fields, meta: r.meta };
        if (!anySealed(r.fields)) return { ok: rec };
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
