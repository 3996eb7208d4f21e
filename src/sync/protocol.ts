// The sync protocol, version 1: the types and validators that the device's engine and the reference server share.
// docs/sync-protocol.md describes it for anyone building another endpoint.

import * as v from 'valibot';
import { SYNCED_TABLES, type TableName } from '../db/types';

export const PROTOCOL_VERSION = 1;
export const API_BASE = '/api/v1';

/** The device's data schema version (the Dexie version). The server answers 426 below MIN_CLIENT_SCHEMA. */
export const CLIENT_SCHEMA = 3;
export const MIN_CLIENT_SCHEMA = 2;
export const SCHEMA_HEADER = 'X-Circulate-Schema';

export const MAX_PUSH_CHANGES = 2500;
export const MAX_PULL_LIMIT = 2500;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const stamp = v.pipe(v.string(), v.regex(/^\d{15}-[0-9a-z]{6}-[a-z0-9-]{1,40}$/, 'must be an HLC stamp'));
const fieldMeta = v.strictObject({ t: stamp, by: v.pipe(v.string(), v.maxLength(200)) });
const recordId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, - or _'));

export const ChangeSchema = v.pipe(
  v.strictObject({
    /** Per-client change counter: strictly increasing within a client, so a retried batch is applied once. */
    n: v.pipe(v.number(), v.integer(), v.minValue(1)),
    table: v.picklist(SYNCED_TABLES as unknown as [TableName, ...TableName[]]),
    id: recordId,
    fields: v.record(v.pipe(v.string(), v.maxLength(64)), v.unknown()),
    meta: v.record(v.pipe(v.string(), v.maxLength(64)), fieldMeta),
  }),
  v.check((c) => Object.keys(c.fields).every((f) => f in c.meta) && Object.keys(c.meta).every((f) => f in c.fields), 'fields and meta must name the same fields'),
  v.check((c) => Object.keys(c.meta).length > 0, 'a change must carry at least one field'),
);

export const PushRequestSchema = v.strictObject({
  clientId: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/, 'must be lower-case letters, digits or -')),
  schema: v.pipe(v.number(), v.integer()),
  changes: v.pipe(v.array(ChangeSchema), v.maxLength(MAX_PUSH_CHANGES)),
});

export type Change = v.InferOutput<typeof ChangeSchema>;
export type PushRequest = v.InferOutput<typeof PushRequestSchema>;

export interface PushResponse {
  /** Every change with n at or below this is on the server (applied now or before). */
  ackedThrough: number;
  /** How many of this batch's changes were new to the server. */
  applied: number;
}

/** A record as the server holds it (merged), with the server's sequence number for cursors. */
export interface PulledRecord {
  seq: number;
  table: TableName;
  id: string;
  fields: Record<string, unknown>;
  meta: Record<string, { t: string; by: string }>;
}

export interface PullResponse {
  records: PulledRecord[];
  /** Opaque: pass back as `after` to continue. */
  cursor: string;
  more: boolean;
}

export interface HelloResponse {
  server: 'circulate';
  protocol: number;
  minSchema: number;
  teacher: { id: string; name: string };
}

export interface ErrorBody {
  error: { code: string; message: string };
}
