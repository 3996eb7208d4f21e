// Backup files: every synced table read in one snapshot for export, and a validated file restored by merging
// (src/db/repo importRecords), so restoring over existing data loses nothing and the restored records sync on.
import { db } from './db';
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
  /** Every synced table, tombstones included (so a restore also restores deletes); photos are not in the file. */
  tables: Partial<Record<TableName, BackupRow[]>>;
}

/** Reads every synced table in one read transaction, so the file is one consistent moment. */
export async function readBackup(now = new Date()): Promise<BackupFile> {
  const tables: Partial<Record<TableName, BackupRow[]>> = {};
  await db.transaction('r', SYNCED_TABLES.map((t) => db.table(t)), async () => {
    for (const t of SYNCED_TABLES) tables[t] = (await db.table(t).toArray()) as BackupRow[];
  });
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), tables };
}

/** Restores a validated backup in one transaction; returns how many records were added or changed. */
export function restoreBackup(file: BackupFile): Promise<number> {
  const changes: RemoteChange[] = [];
  for (const [table, rows] of Object.entries(file.tables) as [TableName, BackupRow[]][]) {
    for (const row of rows) {
      const { id, _m, ...fields } = row;
      changes.push({ table, id, fields, meta: _m });
    }
  }
  return repo.importRecords(changes);
}
