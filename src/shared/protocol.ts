// The sync protocol, version 1: the types and limits that the device's engine and the reference server share.
// docs/sync-protocol.md describes it for anyone building another endpoint.

import type { TableName } from './records';

export const PROTOCOL_VERSION = 1;
export const API_BASE = '/api/v1';

/** The device's data schema version (the Dexie version). The server answers 426 below MIN_CLIENT_SCHEMA. */
export const CLIENT_SCHEMA = 8;
export const MIN_CLIENT_SCHEMA = 2;
export const SCHEMA_HEADER = 'X-Circulate-Schema';

export { MAX_BODY_BYTES, MAX_PULL_LIMIT, MAX_PUSH_CHANGES } from './protocolLimits';

// The push body's validators live in protocolSchema.ts: only the server runs them, so the app does not load valibot.
export type { Change, PushRequest } from './protocolSchema';

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
