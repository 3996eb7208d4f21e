// The device-only tables' row shapes: the outbox, photos and key-value state. They never sync as records.

import type { FieldMeta } from '../domain/merge';
import type { TableName } from '../shared/records';


/** One change waiting to be pushed: the changed fields with their stamps. `seq` is the per-device change counter. */
export interface OutboxEntry {
  seq?: number;
  table: TableName;
  id: string;
  fields: Record<string, unknown>;
  meta: Record<string, FieldMeta>;
}

export interface Photo {
  id: string;
  noteId: string;
  blob: Blob;
  width: number;
  height: number;
}

/** Device-only key-value state: identity, sync config and cursor, timer, print calibration. */
export interface LocalRow {
  key: string;
  value: unknown;
}
