// Applies one push in one transaction: skips changes this client already sent, checks class access for the whole
// batch, merges each change into the stored record with the same merge the devices run, keeps losers in the field
// history, and gives every record that changed a new sequence number for pulls. A note made private is withdrawn:
// the server keeps only its class, flag and tombstone, and forgets its field history.

import { DEFAULT_MAX_DRIFT_MS, parseStamp, stampMs } from '../src/domain/hlc';
import { mergeStamped, type LostWrite } from '../src/domain/merge';
import { refsOf } from '../src/shared/blobs';
import { compactSeals, expandSeals } from '../src/shared/e2ee';
import { isPrivateNote, WITHDRAWN_NOTE_FIELDS, type TableName } from '../src/shared/records';
import type { Change, PushRequest, PushResponse } from '../src/shared/protocol';
import { ApiError } from './errors';
import { StoreRefusal, type HistoryEntry, type Store, type StoredRecord, type Teacher } from './store/types';

/** Tables that belong to a teacher rather than a class: keyed by teacher, so two teachers' ids never collide. */
export const TEACHER_TABLES: ReadonlySet<TableName> = new Set<TableName>(['starters', 'settings', 'goalLibrary']);

const CLASS_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function scopeOf(table: TableName, teacherId: string): string {
  return TEACHER_TABLES.has(table) ? teacherId : '';
}

/** Checks that need no database: change order, stamps from the future, well-formed class ids. */
export function checkBatch(changes: readonly Change[], now: number, maxDriftMs = DEFAULT_MAX_DRIFT_MS): void {
  // The fields of one write share one stamp: parse each distinct stamp once.
  let lastT = '';
  let lastMs = 0;
  changes.forEach((c, i) => {
    const prev = changes[i - 1];
    if (prev && c.n <= prev.n) throw new ApiError(400, 'invalid-request', `changes[${i}].n: must be greater than the n of the change before it`);
    for (const f of Object.keys(c.fields)) {
      if (f === 'id' || f === '_m') throw new ApiError(400, 'invalid-request', `changes[${i}].fields.${f}: is not a field a change may carry`);
    }
    for (const [field, m] of Object.entries(c.meta)) {
      if (m.t !== lastT) {
        lastT = m.t;
        lastMs = stampMs(m.t);
      }
      const ahead = lastMs - now;
      if (ahead > maxDriftMs) {
        throw new ApiError(
          400,
          'clock-ahead',
          `changes[${i}].meta.${field}: stamp is ${Math.round(ahead / 60_000)} min ahead of the server's clock; set the device's date and time, then sync again`,
        );
      }
    }
    if (c.table !== 'classes' && Object.hasOwn(c.fields, 'classId')) {
      const cid = c.fields.classId;
      if (typeof cid !== 'string' || !CLASS_ID.test(cid)) throw new ApiError(400, 'invalid-request', `changes[${i}].fields.classId: must be a class id`);
    }
  });
}


/** A private note as the server may hold it: the withdrawn fields only. */
function withdrawn(rec: { fields: Record<string, unknown>; meta: StoredRecord['meta'] }): Pick<StoredRecord, 'fields' | 'meta'> {
  const fields: Record<string, unknown> = {};
  const meta: StoredRecord['meta'] = {};
  for (const f of WITHDRAWN_NOTE_FIELDS) {
    if (Object.hasOwn(rec.meta, f)) {
      fields[f] = rec.fields[f];
      meta[f] = rec.meta[f]!;
    }
  }
  return { fields, meta };
}

/** Writes one device made in turn are edits, not conflicts: only a loss to another device goes to the history. */
function isConflict(lost: LostWrite, winnerStamp: string | undefined): boolean {
  return winnerStamp === undefined || parseStamp(lost.meta.t).node !== parseStamp(winnerStamp).node;
}

interface Working {
  rec: StoredRecord;
  existed: boolean;
  dirty: boolean;
  /** Whether rec.fields are as stored or sent (seal references compacted, see compactSeals) rather than expanded. */
  compact: boolean;
}

export interface PushOutcome extends PushResponse {
  /** Records that got a new sequence number. */
  written: number;
  conflicts: number;
  /** The blobs of notes withdrawn in this push: the caller removes them from the blob store once this has committed. */
  forgottenBlobs: { classId: string; sha256: string }[];
}

export async function applyPush(store: Store, teacher: Teacher, req: PushRequest, now: number): Promise<PushOutcome> {
  checkBatch(req.changes, now);
  return store.transaction(async (tx) => {
    const high = await tx.lockClient(teacher.id, req.clientId);
    const last = req.changes[req.changes.length - 1];
    const ackedThrough = Math.max(high, last?.n ?? 0);
    const fresh = req.changes.map((c, i) => ({ c, i })).filter(({ c }) => c.n > high);
    if (fresh.length === 0) return { ackedThrough, applied: 0, written: 0, conflicts: 0, forgottenBlobs: [] };

    const keyOf = (c: Change) => ({ scope: scopeOf(c.table, teacher.id), table: c.table, id: c.id });
    const k = (r: { scope: string; table: string; id: string }) => `${r.scope}\u0000${r.table}\u0000${r.id}`;
    const uniqueKeys = new Map(fresh.map(({ c }) => [k(keyOf(c)), keyOf(c)]));
    const work = new Map<string, Working>();
    for (const rec of await tx.loadRecords([...uniqueKeys.values()])) work.set(k(rec), { rec, existed: true, dirty: false, compact: true });

    const classIds = new Set<string>();
    for (const w of work.values()) if (w.rec.classId) classIds.add(w.rec.classId);
    let history: HistoryEntry[] = [];
    const withdrawals = new Map<string, { scope: string; table: TableName; id: string }>();
    const forgottenBlobs: PushOutcome['forgottenBlobs'] = [];
    let applied = 0;

    for (const { c: sent, i } of fresh) {
      applied++;
      const key = keyOf(sent);
      let w = work.get(k(key));
      let c = sent;
      if (!w) {
        // A record new to the server takes the change's fields as sent: every field wins, so its seal references
        // (compactSeals) stay whole and need no expanding and compacting again (most of a push is new records).
        w = { rec: { ...key, classId: null, fields: {}, meta: {} }, existed: false, dirty: false, compact: true };
        work.set(k(key), w);
      } else {
        // Sealed fields of one seal group are stored once: merged field by field, as if each held its own.
        if (w.compact) w.rec = { ...w.rec, fields: expandSeals(w.rec.fields) };
        w.compact = false;
        c = { ...sent, fields: expandSeals(sent.fields) };
      }
      // A teacher-scoped record may name a class too (a setting for one class): only one the teacher teaches.
      if (typeof c.fields.classId === 'string') classIds.add(c.fields.classId);
      if (key.scope === '') {
        if (c.table === 'classes') classIds.add(c.id);
        else if (typeof c.fields.classId !== 'string' && !w.rec.classId) {
          throw new StoreRefusal(400, 'invalid-request', `changes[${i}].fields.classId: is missing, and the server has no such ${c.table} record to take it from`);
        }
      }
      const { merged, lost, won } = mergeStamped(w.rec, c);
      const isWithdrawn = isPrivateNote(c.table, merged.fields);
      if (isWithdrawn) {
        // The words of a private note are not the server's to keep, not even as history.
        withdrawals.set(k(key), key);
        // Its photo and memos go too: they were uploaded while the note was shared.
        const cid = typeof merged.fields.classId === 'string' ? merged.fields.classId : w.rec.classId;
        if (cid) for (const r of refsOf(merged.fields)) forgottenBlobs.push({ classId: cid, sha256: r.sha256 });
        const stays = withdrawn(merged);
        if (!won.some((f) => WITHDRAWN_NOTE_FIELDS.has(f)) && w.existed) continue;
        merged.fields = stays.fields;
        merged.meta = stays.meta;
      } else {
        for (const l of lost) {
          if (isConflict(l, merged.meta[l.field]?.t)) {
            history.push({ ...key, field: l.field, value: l.value, meta: l.meta, teacherId: teacher.id, clientId: req.clientId });
          }
        }
        if (won.length === 0) continue;
      }
      const classId = key.scope !== '' ? null : c.table === 'classes' ? c.id : typeof merged.fields.classId === 'string' ? merged.fields.classId : w.rec.classId;
      w.rec = { ...w.rec, classId, fields: merged.fields, meta: merged.meta };
      w.dirty = true;
    }
    if (withdrawals.size > 0) history = history.filter((h) => !withdrawals.has(k(h)));

    const members = await tx.classMembers([...classIds]);
    let refused = 0;
    for (const cid of classIds) {
      const m = members.get(cid);
      if (m ? !m.has(teacher.id) : (await tx.claimClass(cid, teacher.id)) !== teacher.id) refused++;
    }
    if (refused > 0) {
      throw new StoreRefusal(403, 'forbidden', `This batch changes ${refused === 1 ? 'a class' : `${refused} classes`} you do not teach; nothing in it was saved`);
    }

    const dirty = [...work.values()].filter((w) => w.dirty).map((w) => (w.compact ? w.rec : { ...w.rec, fields: compactSeals(w.rec.fields) }));
    await tx.writeRecords(dirty, now);
    await tx.addHistory(history, now);
    await tx.dropHistory([...withdrawals.values()]);
    await tx.setClientHigh(teacher.id, req.clientId, ackedThrough);
    return { ackedThrough, applied, written: dirty.length, conflicts: history.length, forgottenBlobs };
  });
}
