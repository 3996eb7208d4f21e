// Which blobs a note or conference names (its photo and its memos), and the blob-queue rows they call for. Pure,
// so the schema upgrade, the start-up sweep and the queue share one reading of a record.

import type { BlobQueueRow } from './localRecords';
import type { MemoRef, PhotoRef } from '../shared/records';
import { refsOf } from '../shared/blobs';

export { refsOf };

export type BlobOwnerTable = 'notes' | 'conferences';

/** The fields of a note or conference that name blobs; rows from before schema 4/5 lack them. */
export interface BlobOwnerRow {
  id: string;
  classId?: string;
  deleted?: boolean;
  photo?: PhotoRef | null;
  memos?: MemoRef[];
}

export function names(row: BlobOwnerRow | undefined | null, sha256: string): boolean {
  return refsOf(row).some((r) => r.sha256 === sha256);
}

export const queueKey = (dir: 'up' | 'down', classId: string, sha256: string): string => `${dir}:${classId}:${sha256}`;

/** The queue rows a record calls for: up where this device has the bytes (`have`), down where it does not. */
export function queueRefsIn(table: BlobOwnerTable, row: BlobOwnerRow, have: ReadonlySet<string>, now: number): BlobQueueRow[] {
  if (!row.classId) return [];
  const classId = row.classId;
  return refsOf(row).map(({ sha256, type }) => {
    const dir = have.has(sha256) ? 'up' : 'down';
    return { key: queueKey(dir, classId, sha256), dir, classId, sha256, type, owner: { table, id: row.id }, state: 'pending', attempts: 0, nextAt: now };
  });
}
