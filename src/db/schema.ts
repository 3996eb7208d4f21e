// The Dexie database: every table's indexes, and each schema version kept so old databases upgrade in place.
// Never edit a released version's stores; add a new version below it (tests/unit/db/upgrade.test.ts opens v1 data).

import { Dexie, type EntityTable } from 'dexie';
import { rebuildCells, type Cell } from './cells';
import { rebuildGrowth, type GrowthKeys, type GrowthRow } from './growth';
import type { SyncedTables } from '../shared/records';
import { queueRefsIn } from './blobRefs';
import type { BlobQueueRow, BlobRow, LocalRow, MemoChunk, MemoRow, OutboxEntry, Photo } from './localRecords';

export const DB_NAME = 'circulate';

type Tables = { [K in keyof SyncedTables]: EntityTable<SyncedTables[K], 'id'> };

export type CirculateDb = Dexie &
  Tables & {
    outbox: EntityTable<OutboxEntry, 'seq'>;
    photos: EntityTable<Photo, 'id'>;
    local: EntityTable<LocalRow, 'key'>;
    cells: EntityTable<Cell, 'id'>;
    memos: EntityTable<MemoRow, 'id'>;
    memoChunks: Dexie.Table<MemoChunk, [string, number]>;
    blobs: EntityTable<BlobRow, 'sha256'>;
    blobQueue: EntityTable<BlobQueueRow, 'key'>;
    growth: Dexie.Table<GrowthRow, [string, string]>;
    growthKeys: Dexie.Table<GrowthKeys, [string, string]>;
  };

/** Version 1, as first released. */
export const SCHEMA_V1: Record<string, string> = {
  classes: 'id, order',
  students: 'id, classId',
  pieces: 'id, classId',
  objectives: 'id, pieceId, classId',
  marks: 'id, [pieceId+at], [studentId+at], [classId+at]',
  notes: 'id, [studentId+at], [classId+at]',
  groups: 'id, classId',
  groupSessions: 'id, groupId, [classId+at]',
  conferences: 'id, [studentId+at], [classId+at]',
  goals: 'id, studentId, classId',
  reflections: 'id, [classId+date]',
  starters: 'id',
  settings: 'id',
  photos: 'id, noteId',
  local: 'key',
  // The outbox key is IndexedDB's own key generator: it never reuses a number, so it is the per-device change counter.
  outbox: '++seq, [table+id]',
};

/** Version 2: goal self-evaluations and keep-apart rules become their own tables; students findable by source id. */
export const SCHEMA_V2: Record<string, string> = {
  students: 'id, classId, sourceId',
  goalChecks: 'id, goalId, studentId',
  keepApart: 'id, classId',
};

/** Version 3: the checklist's cells (each cell's latest live tap, device-only, see src/db/cells.ts), built here from
 * the taps already stored. */
export const SCHEMA_V3: Record<string, string> = {
  cells: 'id, pieceId',
};

/** Version 4: voice memos, device-only (see src/db/memos.ts): recordings, their chunks saved as they arrive, and audio
 * blobs keyed by sha256. Notes and conferences gain an optional `memos` field, so no rows need changing. */
export const SCHEMA_V4: Record<string, string> = {
  memos: 'id, status, ownerId',
  memoChunks: '[memoId+index]',
  blobs: 'sha256',
};

/** Version 5: attachments sync. The blob queue (src/db/blobQueue.ts); the upgrade queues the memos already recorded.
 * Legacy photos (the `photos` table) move into `blobs` right after opening (migrateLegacyPhotos in src/db/photos.ts):
 * naming them needs their SHA-256, and hashing is not an IndexedDB request, so it cannot run inside the upgrade's
 * transaction (which would commit under it). */
export const SCHEMA_V5: Record<string, string> = {
  blobQueue: 'key, state',
};

/** Version 6: the writing continuum. Level ratings (class data, synced like marks), the teacher's own library goals,
 * and the cells findable by student for a writer's growth view. Goals gain optional fields, so no rows change. */
export const SCHEMA_V6: Record<string, string> = {
  ratings: 'id, [classId+at], [studentId+at]',
  goalLibrary: 'id',
  cells: 'id, pieceId, studentId',
};

/** Version 7: report-comment drafts (synced; src/features/search/DraftScreen.tsx). Version 6 is the growth levels'. */
export const SCHEMA_V7: Record<string, string> = {
  reportDrafts: 'id, studentId, classId',
};

/** Version 8: the class heatmap's timelines (device-only, see src/db/growth.ts), one row per class and writer, with
 * their entry keys apart; built here from the cells, ratings, pieces and objectives already stored. Cells become
 * findable by objective, so an objective's change of trait moves just its cells' evidence. */
export const SCHEMA_V8: Record<string, string> = {
  growth: '[classId+studentId]',
  growthKeys: '[classId+studentId]',
  cells: 'id, pieceId, studentId, objectiveId',
};

export function createDb(name = DB_NAME): CirculateDb {
  // The query cache is off because single writes bypass Dexie's transactions (see Repo.writeOne).
  const db = new Dexie(name, { cache: 'disabled' }) as CirculateDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      // v1 students had no sourceId field; give every row an explicit null so equality queries see them.
      await tx
        .table('students')
        .toCollection()
        .modify((s: { sourceId?: string | null }) => {
          if (s.sourceId === undefined) s.sourceId = null;
        });
    });
  db.version(3)
    .stores(SCHEMA_V3)
    .upgrade((tx) => rebuildCells(tx.table('marks'), tx.table('cells')));
  db.version(4).stores(SCHEMA_V4);
  db.version(5)
    .stores(SCHEMA_V5)
    .upgrade(async (tx) => {
      const have = new Set((await tx.table('blobs').toCollection().primaryKeys()) as string[]);
      const rows: BlobQueueRow[] = [];
      for (const table of ['notes', 'conferences'] as const) {
        await tx.table(table).each((r: Parameters<typeof queueRefsIn>[1]) => rows.push(...queueRefsIn(table, r, have, 0)));
      }
      await tx.table('blobQueue').bulkPut(rows);
    });
  db.version(6).stores(SCHEMA_V6);
  db.version(7).stores(SCHEMA_V7);
  db.version(8)
    .stores(SCHEMA_V8)
    .upgrade((tx) => rebuildGrowth({ pieces: tx.table('pieces'), objectives: tx.table('objectives'), cells: tx.table('cells'), ratings: tx.table('ratings'), growth: tx.table('growth'), growthKeys: tx.table('growthKeys') }));
  return db;
}
