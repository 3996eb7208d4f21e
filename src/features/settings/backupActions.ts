// The Backup section's actions: export everything as JSON, restore a checked file, export marks and notes as CSV.
import { db } from '../../db/db';
import { BackupBlobError, readBackup, restoreBackup } from '../../db/backup';
import { marksNotesCsv } from './backupCsv';
import { checkBackupText } from './backupSchema';
import { downloadText, today } from './download';

export async function exportBackup(): Promise<number> {
  const file = await readBackup();
  downloadText(JSON.stringify(file), `circulate-backup-${today()}.json`, 'application/json');
  return Object.values(file.tables).reduce((n, rows) => n + (rows?.length ?? 0), 0);
}

export type RestoreResult = { ok: true; changed: number; records: number; exportedAt: string } | { ok: false; message: string };

/** Checks the whole file first; only a valid file is written, in one transaction. */
export async function restoreFromText(text: string): Promise<RestoreResult> {
  const check = checkBackupText(text);
  if (!check.ok) return check;
  let changed: number;
  try {
    changed = await restoreBackup(check.file);
  } catch (e) {
    if (e instanceof BackupBlobError) return { ok: false, message: e.message };
    throw e;
  }
  return { ok: true, changed, records: check.records, exportedAt: check.file.exportedAt };
}

export async function exportMarksNotesCsv(): Promise<number> {
  const [classes, students, pieces, objectives, marks, notes] = await Promise.all([
    db.classes.toArray(),
    db.students.toArray(),
    db.pieces.toArray(),
    db.objectives.toArray(),
    db.marks.toArray(),
    db.notes.toArray(),
  ]);
  downloadText(marksNotesCsv({ classes, students, pieces, objectives, marks, notes }), `circulate-marks-notes-${today()}.csv`, 'text/csv;charset=utf-8');
  return marks.filter((m) => !m.deleted).length + notes.filter((n) => !n.deleted).length;
}
