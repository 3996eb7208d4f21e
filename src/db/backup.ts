// Backup files: every synced table and the photos and memos they name, read in one snapshot; a validated file is
// restored by merge (Repo.importRecords) with its blobs in one transaction, so nothing is lost and a bad file writes nothing.
import { db } from './db';
import { BlobQueueStore } from './blobQueue';
import { refsOf } from './blobRefs';
import { sha256Hex } from './memos';
import type { BlobRow } from './localRecords';
import type { FieldMeta } from '../domain/merge';
import { repo, type RemoteChange } from './write';
import { SYNCED_TABLES, type TableName } from '../shared/records';

export const BACKUP_FORMAT = 'circulate-backup';
export const BACKUP_VERSION = 1;

export type BackupRow = Record<string, unknown> & { id: string; deleted: boolean; _m: Record<string, FieldMeta> };

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  /** Every synced table, tombstones included (so a restore also restores deletes). */
  tables: Partial<Record<TableName, BackupRow[]>>;
  /** The photos' and memos' bytes the records name and this device holds, base64. Files from before lack it. */
  blobs?: BackupBlob[];
}

export interface BackupBlob {
  sha256: string;
  type: string;
  /** The bytes, base64 (standard alphabet, padded). */
  data: string;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const s = atob(data);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A backup whose bytes do not hash to the name the records use: refused whole, before anything is written. */
export class BackupBlobError extends Error {}

/** Reads every synced table in one read transaction, so the file is one consistent moment. */
export async function readBackup(now = new Date()): Promise<BackupFile> {
  const tables: Partial<Record<TableName, BackupRow[]>> = {};
  let rows: BlobRow[] = [];
  await db.transaction('r', [...SYNCED_TABLES.map((t) => db.table(t)), db.blobs], async () => {
    for (const t of SYNCED_TABLES) tables[t] = (await db.table(t).toArray()) as BackupRow[];
    const named = new Set([...(tables.notes ?? []), ...(tables.conferences ?? [])].flatMap((r) => refsOf(r).map((x) => x.sha256)));
    rows = (await db.blobs.bulkGet([...named])).filter((b): b is BlobRow => !!b);
  });
  // Read outside the transaction: a Blob's bytes are not an IndexedDB request.
  const blobs = await Promise.all(rows.map(async (b) => ({ sha256: b.sha256, type: b.type, data: toBase64(new Uint8Array(await b.blob.arrayBuffer())) })));
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), tables, blobs };
}

/** Restores a validated backup in one transaction, blobs included; returns how many records were added or changed.
 * Every blob is decoded and its hash checked first: one that does not match refuses the whole file. */
export async function restoreBackup(file: BackupFile): Promise<number> {
  const blobs: BlobRow[] = [];
  for (const b of file.blobs ?? []) {
    const blob = new Blob([fromBase64(b.data)], { type: b.type });
    if ((await sha256Hex(blob)) !== b.sha256) throw new BackupBlobError(`The photo or memo ${b.sha256.slice(0, 12)}... in this backup is damaged (its bytes do not match its name). Nothing was restored.`);
    blobs.push({ sha256: b.sha256, blob, type: b.type, size: blob.size, createdAt: Date.now() });
  }
  const changes: RemoteChange[] = [];
  for (const [table, rows] of Object.entries(file.tables) as [TableName, BackupRow[]][]) {
    for (const row of rows) {
      const { id, _m, ...fields } = row;
      changes.push({ table, id, fields, meta: _m });
    }
  }
  const changed = await repo.importRecords(changes, blobs);
  // Restored photos and memos of public notes go to the server on the blob queue.
  await new BlobQueueStore(db).sweep().catch(() => 0);
  return changed;
}
