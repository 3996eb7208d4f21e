// The tables both stores create, written once: SQLite and PostgreSQL differ only in their integer and auto-key types.
// Each store adds what only it needs (SQLite's counters row, PostgreSQL's record_seq sequence).

/** The tables a store holds, as dump() names them. */
export type StoreTable = 'teachers' | 'class_members' | 'clients' | 'records' | 'field_history';

export interface Dialect {
  /** A 64-bit integer column (times in ms, sequence numbers). */
  int: string;
  /** field_history's own increasing key, so a record's history reads back in the order it was written. */
  autoKey: string;
}

export function tablesDdl({ int, autoKey }: Dialect): string {
  return `
CREATE TABLE IF NOT EXISTS teachers (id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at ${int} NOT NULL);
CREATE TABLE IF NOT EXISTS class_members (class_id TEXT NOT NULL, teacher_id TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (class_id, teacher_id));
CREATE UNIQUE INDEX IF NOT EXISTS class_one_owner ON class_members (class_id) WHERE role = 'owner';
CREATE INDEX IF NOT EXISTS class_members_teacher ON class_members (teacher_id);
CREATE TABLE IF NOT EXISTS clients (teacher_id TEXT NOT NULL, client_id TEXT NOT NULL, high ${int} NOT NULL, PRIMARY KEY (teacher_id, client_id));
CREATE TABLE IF NOT EXISTS records (scope TEXT NOT NULL, tbl TEXT NOT NULL, id TEXT NOT NULL, class_id TEXT, seq ${int} NOT NULL UNIQUE,
  fields TEXT NOT NULL, meta TEXT NOT NULL, updated_at ${int} NOT NULL, PRIMARY KEY (scope, tbl, id));
CREATE INDEX IF NOT EXISTS records_class ON records (class_id);
CREATE TABLE IF NOT EXISTS field_history (hid ${autoKey}, scope TEXT NOT NULL, tbl TEXT NOT NULL, rec_id TEXT NOT NULL,
  field TEXT NOT NULL, value TEXT, t TEXT NOT NULL, by_name TEXT NOT NULL, teacher_id TEXT NOT NULL, client_id TEXT NOT NULL, recorded_at ${int} NOT NULL);
CREATE INDEX IF NOT EXISTS field_history_record ON field_history (scope, tbl, rec_id);
`;
}
