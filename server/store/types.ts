// The one interface both stores (embedded SQLite, PostgreSQL) implement, so the API and its tests run unchanged on either.
// All server state lives behind it: server processes keep nothing of their own and can run side by side.

import type { FieldMeta } from '../../src/domain/merge';
import type { TableName } from '../../src/shared/records';
import type { StoreTable } from './tables';

export interface Teacher {
  id: string;
  name: string;
}

/** Where a record lives: class-scoped records have scope '' and a classId; teacher-scoped ones have scope = teacher id. */
export interface RecordKey {
  scope: string;
  table: TableName;
  id: string;
}

export interface StoredRecord extends RecordKey {
  classId: string | null;
  fields: Record<string, unknown>;
  meta: Record<string, FieldMeta>;
}

/** A field write that lost a merge, kept rather than dropped. */
export interface HistoryEntry extends RecordKey {
  field: string;
  value: unknown;
  meta: FieldMeta;
  /** Who sent the push that produced the loss, and from which device. */
  teacherId: string;
  clientId: string;
}

/** A pulled record whose fields and meta are the stored JSON text (written by JSON.stringify, so safe to splice). */
export interface PulledRaw {
  seq: number;
  table: TableName;
  id: string;
  fields: string;
  meta: string;
}

export type ClassRole = 'owner' | 'co-teacher';

export interface ClassEntry {
  id: string;
  name: string | null;
  teachers: Array<Teacher & { role: ClassRole }>;
}

/** What a push may do inside its one transaction. */
export interface PushTx {
  /** The highest change counter applied for this client; locks the client so a duplicated request waits its turn. */
  lockClient(teacherId: string, clientId: string): Promise<number>;
  setClientHigh(teacherId: string, clientId: string, high: number): Promise<void>;
  /** Current versions of these records (locked for update where the store can). */
  loadRecords(keys: RecordKey[]): Promise<StoredRecord[]>;
  /** Teachers with access to each class; a class no one holds is absent. */
  classMembers(classIds: string[]): Promise<Map<string, Map<string, ClassRole>>>;
  /** Makes the teacher the owner of a class no one holds; returns the owner afterwards (maybe someone quicker). */
  claimClass(classId: string, teacherId: string): Promise<string>;
  /** Writes records, giving each a new sequence number after every number already committed. */
  writeRecords(records: StoredRecord[], now: number): Promise<void>;
  addHistory(entries: HistoryEntry[], now: number): Promise<void>;
  /** Forgets every field history entry of these records (a note made private: its old words go too). */
  dropHistory(keys: RecordKey[]): Promise<void>;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  addTeacher(name: string, tokenHash: string): Promise<Teacher>;
  teacherByTokenHash(tokenHash: string): Promise<Teacher | undefined>;
  /** Adds a co-teacher; the class's records get new sequence numbers so the co-teacher's next pull brings them. */
  shareClass(classId: string, teacherId: string): Promise<void>;
  /** Runs fn in one transaction: everything it wrote commits together or not at all. */
  transaction<T>(fn: (tx: PushTx) => Promise<T>): Promise<T>;
  /** Records the teacher may see with seq > after, in seq order; `more` when the page was full. */
  pull(teacherId: string, after: number, limit: number): Promise<{ records: PulledRaw[]; more: boolean }>;
  /** Field history of one record, oldest first (for tests and for recovering a lost write by hand). */
  history(key: RecordKey): Promise<Array<HistoryEntry & { at: number }>>;
  /**
   * Drops the field history (the losing writes kept) of these classes' records, and of the teacher's own records
   * when `self`: encryption was turned on and the plain copy was replaced by a sealed one. Returns rows dropped.
   */
  dropHistory(teacherId: string, classIds: string[], self: boolean): Promise<number>;
  /** Every class with its name (from its record) and its teachers, for the share-class command. */
  classDirectory(): Promise<ClassEntry[]>;
  teachers(): Promise<Teacher[]>;
  /** Raw rows of a table, for tests that check what is stored (e.g. that tokens are hashed). */
  dump(table: StoreTable): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Refusals raised inside a transaction; the API turns them into HTTP errors after rolling back. */
export class StoreRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreRefusal';
  }
}
