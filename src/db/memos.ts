// Voice memos on this device: each chunk the recorder hands over is saved as it arrives, so a reload or a closed tab
// keeps what was said; a finished memo becomes one blob keyed by its sha256, and its MemoRef goes on its note or
// conference through the write path (so the reference syncs by field sync) and the blob queue carries the audio.

import { baseType, MAX_MEMO_MS } from '../domain/memos';
import { newId } from '../domain/ids';
import { memosPastRetention } from '../domain/retention';
import { BlobQueueStore } from './blobQueue';
import { surfaceQuota } from './errors';
import { repo as appRepo } from './write';
import type { Repo } from './repo';
import type { MemoRef } from '../shared/records';
import type { MemoRow } from './localRecords';

export type MemoOwner = { table: 'notes' | 'conferences'; id: string };

/** The lock a recording tab holds, so start-up recovery in another tab leaves a live recording alone. */
export const memoLockName = (memoId: string): string => `circulate-memo-${memoId}`;

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A new recording's row, written before the first chunk arrives; returns its id. */
export async function startMemo(owner: MemoOwner, type: string, at = Date.now(), r: Repo = appRepo): Promise<string> {
  const row: MemoRow = { id: newId(), ownerTable: owner.table, ownerId: owner.id, status: 'recording', type, at, durationMs: 0, sha256: null, size: 0 };
  await r.db.memos.put(row).catch(surfaceQuota);
  return row.id;
}

/** Saves one timeslice and the length so far, together. */
export async function appendChunk(memoId: string, index: number, blob: Blob, now = Date.now(), r: Repo = appRepo): Promise<void> {
  const { db } = r;
  await db
    .transaction('rw', db.memos, db.memoChunks, async () => {
      const memo = await db.memos.get(memoId);
      if (!memo || memo.status !== 'recording') return;
      await db.memoChunks.put({ memoId, index, blob });
      await db.memos.update(memoId, { durationMs: Math.max(memo.durationMs, now - memo.at), size: memo.size + blob.size });
    })
    .catch(surfaceQuota);
}

async function ownerMemos(r: Repo, owner: MemoOwner): Promise<MemoRef[] | null> {
  const row = owner.table === 'notes' ? await r.db.notes.get(owner.id) : await r.db.conferences.get(owner.id);
  return row ? (row.memos ?? []) : null;
}

/**
 * Assembles a recording's chunks into one blob, stores it by sha256 and puts its MemoRef on the owner. Safe to run
 * again after a crash at any step: the same chunks give the same hash and the ref is added once. Returns the ref,
 * or null when nothing was recorded (the row is dropped).
 */
export async function finishMemo(memoId: string, /** The recorder's own figure; recovery uses the last chunk's. */ durationMs?: number, r: Repo = appRepo): Promise<MemoRef | null> {
  const { db } = r;
  const memo = await db.memos.get(memoId);
  if (!memo) return null;
  const chunks = await db.memoChunks.where('[memoId+index]').between([memoId, -Infinity], [memoId, Infinity]).toArray();
  if (memo.status === 'saved' && memo.sha256) return refOf(memo);
  const blob = new Blob(
    chunks.map((c) => c.blob),
    { type: baseType(memo.type) || 'audio/webm' },
  );
  const owned = await ownerMemos(r, { table: memo.ownerTable, id: memo.ownerId });
  if (blob.size === 0 || owned === null) {
    await dropRows(r, memoId);
    return null;
  }
  const sha256 = await sha256Hex(blob);
  const done: MemoRow = { ...memo, status: 'saved', sha256, size: blob.size, durationMs: Math.min(durationMs ?? memo.durationMs, MAX_MEMO_MS) };
  await db.blobs.put({ sha256, blob, type: blob.type, size: blob.size, createdAt: Date.now() }).catch(surfaceQuota);
  const ref = refOf(done);
  if (!owned.some((m) => m.id === memoId)) await r.update(memo.ownerTable, memo.ownerId, { memos: [...owned, ref] });
  await new BlobQueueStore(db).enqueue(memo.ownerTable, [memo.ownerId]);
  await db.transaction('rw', db.memos, db.memoChunks, async () => {
    await db.memos.put(done);
    await db.memoChunks.where('[memoId+index]').between([memoId, -Infinity], [memoId, Infinity]).delete();
  });
  return ref;
}

function refOf(m: MemoRow): MemoRef {
  return { id: m.id, sha256: m.sha256 ?? '', type: baseType(m.type) || 'audio/webm', size: m.size, durationMs: m.durationMs, at: m.at };
}

async function dropRows(r: Repo, memoId: string): Promise<void> {
  const { db } = r;
  await db.transaction('rw', db.memos, db.memoChunks, async () => {
    await db.memos.delete(memoId);
    await db.memoChunks.where('[memoId+index]').between([memoId, -Infinity], [memoId, Infinity]).delete();
  });
}

/** The names of memo locks held by live recordings in any tab (none where the browser has no Web Locks). */
async function heldLocks(): Promise<Set<string>> {
  const locks = globalThis.navigator?.locks;
  if (!locks?.query) return new Set();
  const state = await locks.query().catch(() => null);
  return new Set((state?.held ?? []).map((l) => l.name ?? ''));
}

/** At start-up: recordings a reload or a closed tab left unfinished become finished memos. Returns how many. */
export async function recoverMemos(r: Repo = appRepo): Promise<number> {
  const open = await r.db.memos.where('status').equals('recording').toArray();
  const held = await heldLocks();
  let n = 0;
  for (const m of open) {
    if (held.has(memoLockName(m.id))) continue;
    if (await finishMemo(m.id, undefined, r)) n++;
  }
  return n;
}

/** Takes a memo off its note or conference (through the write path) and deletes its audio from this device. */
export async function deleteMemo(owner: MemoOwner, memoId: string, r: Repo = appRepo): Promise<void> {
  const { db } = r;
  const owned = await ownerMemos(r, owner);
  const ref = owned?.find((m) => m.id === memoId);
  if (owned && ref) await r.update(owner.table, owner.id, { memos: owned.filter((m) => m.id !== memoId) });
  const row = await db.memos.get(memoId);
  const sha = ref?.sha256 ?? row?.sha256 ?? null;
  await dropRows(r, memoId);
  if (sha && (await db.memos.filter((m) => m.sha256 === sha).count()) === 0) await db.blobs.delete(sha);
}

/** The finished memos on this device that a retention of `days` would delete now. */
export async function memosPastRetentionOnDevice(days: number | null, now = Date.now(), r: Repo = appRepo): Promise<MemoRow[]> {
  const saved = await r.db.memos.where('status').equals('saved').toArray();
  return memosPastRetention(saved, days, now);
}

/** The device setting "Delete voice memos after N days" (null: never), in the `local` table. */
export const MEMO_RETENTION_KEY = 'memoRetentionDays';

export async function getMemoRetention(r: Repo = appRepo): Promise<number | null> {
  const v = (await r.db.local.get(MEMO_RETENTION_KEY))?.value;
  return typeof v === 'number' ? v : null;
}

/** Stores the choice and deletes the memos it makes too old; returns how many went. */
export async function setMemoRetention(days: number | null, now = Date.now(), r: Repo = appRepo): Promise<number> {
  await r.db.local.put({ key: MEMO_RETENTION_KEY, value: days }).catch(surfaceQuota);
  return applyMemoRetention(days, now, r);
}

/** At start-up: applies the stored retention. */
export async function applyStoredMemoRetention(now = Date.now(), r: Repo = appRepo): Promise<number> {
  return applyMemoRetention(await getMemoRetention(r), now, r);
}

/** Deletes every memo older than `days`; returns how many went. */
export async function applyMemoRetention(days: number | null, now = Date.now(), r: Repo = appRepo): Promise<number> {
  const old = await memosPastRetentionOnDevice(days, now, r);
  for (const m of old) await deleteMemo({ table: m.ownerTable, id: m.ownerId }, m.id, r);
  return old.length;
}

export interface MediaUsage {
  photos: { count: number; bytes: number };
  memos: { count: number; bytes: number };
}

/** How much room photos and memos take on this device: blobs by type (photos are images), legacy photos not yet
 * moved, and the chunks of recordings still open. A memo counts once, whether recorded here or downloaded. */
export async function mediaUsage(r: Repo = appRepo): Promise<MediaUsage> {
  const { db } = r;
  const photos = { count: 0, bytes: 0 };
  const memos = { count: 0, bytes: 0 };
  await db.blobs.each((b) => {
    const into = b.type.startsWith('image/') ? photos : memos;
    into.count++;
    into.bytes += b.size;
  });
  await db.photos.each((p) => {
    photos.count++;
    photos.bytes += p.blob.size;
  });
  memos.count += await db.memos.where('status').equals('recording').count();
  await db.memoChunks.each((c) => {
    memos.bytes += c.blob.size;
  });
  return { photos, memos };
}
