// Turns stored rows (JSON text columns) back into records, pulled records, history entries and class members, for both stores.

import type { TableName } from '../../src/shared/records';
import type { ClassEntry, ClassRole, HistoryEntry, PulledRaw, RecordKey, StoredRecord } from './types';

type Row = Record<string, unknown>;

export function toStored(r: Row): StoredRecord {
  return {
    scope: r.scope as string,
    table: r.tbl as TableName,
    id: r.id as string,
    classId: (r.class_id as string | null) ?? null,
    fields: JSON.parse(r.fields as string) as StoredRecord['fields'],
    meta: JSON.parse(r.meta as string) as StoredRecord['meta'],
  };
}

/** A pulled record with its fields and meta still as the stored JSON text, spliced into the answer unparsed. */
export function toPulledRaw(r: Row): PulledRaw {
  return { seq: Number(r.seq), table: r.tbl as TableName, id: r.id as string, fields: r.fields as string, meta: r.meta as string };
}

export function toHistory(key: RecordKey, r: Row): HistoryEntry & { at: number } {
  return {
    ...key,
    field: r.field as string,
    value: JSON.parse(r.value as string) as unknown,
    meta: { t: r.t as string, by: r.by_name as string },
    teacherId: r.teacher_id as string,
    clientId: r.client_id as string,
    at: Number(r.recorded_at),
  };
}

/** Folds class_members rows into each class's teachers and their roles. */
export function toClassMembers(rows: Row[]): Map<string, Map<string, ClassRole>> {
  const out = new Map<string, Map<string, ClassRole>>();
  for (const r of rows) {
    const classId = r.class_id as string;
    const m = out.get(classId) ?? new Map<string, ClassRole>();
    m.set(r.teacher_id as string, r.role as ClassRole);
    out.set(classId, m);
  }
  return out;
}

/** Folds class_members joined with teachers and class records into one entry per class. */
export function toClassDirectory(rows: Row[]): ClassEntry[] {
  const out = new Map<string, ClassEntry>();
  for (const r of rows) {
    const id = r.class_id as string;
    let e = out.get(id);
    if (!e) {
      const fields = r.fields ? (JSON.parse(r.fields as string) as { name?: unknown }) : {};
      e = { id, name: typeof fields.name === 'string' ? fields.name : null, teachers: [] };
      out.set(id, e);
    }
    e.teachers.push({ id: r.teacher_id as string, name: r.teacher_name as string, role: r.role as ClassRole });
  }
  return [...out.values()];
}

export const CLASS_DIRECTORY_SQL = `SELECT m.class_id, m.teacher_id, m.role, t.name AS teacher_name, r.fields
  FROM class_members m JOIN teachers t ON t.id = m.teacher_id
  LEFT JOIN records r ON r.scope = '' AND r.tbl = 'classes' AND r.id = m.class_id
  ORDER BY m.class_id, m.role DESC, t.name`;
