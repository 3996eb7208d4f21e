// The device-only tables' row shapes: the outbox, photos, voice memos (recordings, chunks, blobs) and key-value state. They never sync as records.

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

/** A voice memo on this device: a recording in progress (its chunks in `memoChunks`) or a finished one, whose audio
 * is in `blobs` under `sha256` and whose MemoRef is on its note or conference. */
export interface MemoRow {
  id: string;
  ownerTable: 'notes' | 'conferences';
  ownerId: string;
  status: 'recording' | 'saved';
  /** The MIME type MediaRecorder reported ("audio/webm;codecs=opus"). */
  type: string;
  /** When recording started. */
  at: number;
  /** Length so far: the last chunk's arrival minus `at`, or the recorder's own figure once stopped. */
  durationMs: number;
  sha256: string | null;
  size: number;
}

/** One timeslice of a recording, saved as it arrived: the memo's audio is these in `index` order. */
export interface MemoChunk {
  memoId: string;
  index: number;
  blob: Blob;
}

/** A photo or memo's bytes, stored once by content: the key is the bytes' sha256, as the server names it. */
export interface BlobRow {
  sha256: string;
  blob: Blob;
  type: string;
  size: number;
  createdAt: number;
}

/**
 * One attachment the blob queue (src/sync/blobs.ts) moves: up (this device has the bytes, the server may not) or
 * down (a pulled record names bytes this device lacks). Kept once done, so a start-up sweep knows what has moved.
 */
export interface BlobQueueRow {
  /** `${dir}:${classId}:${sha256}`: blobs belong to a class on the server, so one hash may move once per class. */
  key: string;
  dir: 'up' | 'down';
  classId: string;
  sha256: string;
  type: string;
  /** The record that names the blob: an upload waits while it is a private note, and is dropped once it no longer names it. */
  owner: { table: 'notes' | 'conferences'; id: string };
  /** failed: refused for good (413, 415, bytes that do not hash to their name); never retried. */
  state: 'pending' | 'done' | 'failed';
  attempts: number;
  /** Not before this time (backoff after a failure). */
  nextAt: number;
  error?: string;
  /** A sealed download that failed the encryption check: the address it came from, whether the bytes did hash to
   * it (then they never open, and that address is not asked again), and how often. Reported while set; cleared
   * once good bytes are here. */
  tampered?: BlobTamper;
}

export interface BlobTamper {
  addr: string;
  hashed: boolean;
  times: number;
}

/** Device-only key-value state: identity, sync config and cursor, timer, print calibration. */
export interface LocalRow {
  key: string;
  value: unknown;
}
