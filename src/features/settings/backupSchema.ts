// What a backup file must be, checked entirely before anything is written: the format and version, every table's
// rows with their field types, and a clock stamp for every field. The first problem is named by table, record and field.
import * as v from 'valibot';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from '../../db/backup';
import { SYNCED_TABLES, type TableName } from '../../shared/records';
import { isStamp } from '../../domain/hlc';
import { BLOB_TYPES } from '../../shared/blobs';

const str = v.string();
const nstr = v.nullable(v.string());
const num = v.pipe(v.number(), v.finite());
const nnum = v.nullable(num);
const bool = v.boolean();
const strs = v.array(v.string());
const memos = v.optional(v.array(v.object({ id: str, sha256: str, type: str, size: v.pipe(v.number(), v.finite()), durationMs: v.pipe(v.number(), v.finite()), at: v.pipe(v.number(), v.finite()) })));

/** Each table's fields as in src/db/types.ts. Fields added later to a type are optional here: older files lack them. */
const FIELDS: { [K in TableName]: v.ObjectEntries } = {
  classes: { name: str, grade: str, archived: bool, order: num },
  students: { classId: str, firstName: str, lastName: str, order: num, archived: bool, sourceId: v.optional(nstr) },
  pieces: { classId: str, title: str, genre: str, startDate: str, lensObjectiveId: nstr, archived: bool },
  objectives: { classId: str, pieceId: str, text: str, trait: nstr, order: num },
  marks: { classId: str, pieceId: str, studentId: str, objectiveId: str, value: v.nullable(v.picklist(['x', 'check'])), at: num },
  notes: {
    classId: str,
    studentId: str,
    pieceId: nstr,
    text: str,
    objectiveIds: strs,
    context: v.nullable(v.picklist(['mini-lesson', 'independent', 'guided-group', 'conference'])),
    private: bool,
    at: num,
    printedAt: nnum,
    photoId: nstr,
    photo: v.optional(v.nullable(v.object({ sha256: str, type: str, size: num, width: num, height: num }))),
    groupSessionId: nstr,
    conferenceId: nstr,
    memos,
  },
  groups: {
    classId: str,
    pieceId: nstr,
    name: str,
    kind: v.picklist(['table', 'needs', 'intervention']),
    focusObjectiveId: nstr,
    memberIds: strs,
    teachingPoint: str,
    plannedMinutes: num,
    schedule: v.array(num),
    dissolved: bool,
    order: num,
    lockedIds: v.optional(strs),
  },
  groupSessions: { classId: str, groupId: str, focusObjectiveId: nstr, attendeeIds: strs, at: num, minutes: num },
  keepApart: { classId: str, studentA: str, studentB: str },
  conferences: {
    classId: str,
    studentId: str,
    kind: v.picklist(['teacher', 'peer']),
    partnerId: nstr,
    pieceId: nstr,
    objectiveId: nstr,
    strengths: str,
    trait: str,
    nextStep: str,
    at: num,
    minutes: num,
    goalId: nstr,
    memos,
  },
  goals: { classId: str, studentId: str, text: str, setAt: num, conferenceId: nstr, closedAt: nnum, trait: v.optional(nstr), libraryId: v.optional(nstr), strategy: v.optional(nstr) },
  goalChecks: { classId: str, goalId: str, studentId: str, value: v.picklist(['not-yet', 'starting', 'yes']), at: num },
  ratings: { classId: str, studentId: str, trait: str, level: v.picklist([0, 1, 2, 3]), at: num, pieceId: nstr, conferenceId: nstr },
  goalLibrary: { trait: str, text: str, strategies: strs, prompts: strs, order: num },
  reflections: { classId: str, date: str, hard: str, wentWell: str },
  reportDrafts: {
    classId: str,
    studentId: str,
    from: str,
    to: str,
    text: str,
    sentences: v.array(v.object({ text: str, evidence: v.array(v.object({ kind: str, id: str, at: num })) })),
    createdAt: num,
  },
  starters: { step: v.picklist(['opener', 'tell', 'ask', 'give']), text: str, order: num },
  settings: { value: v.unknown() },
};

const fieldMeta = v.object({
  t: v.pipe(v.string(), v.check((s: string) => isStamp(s), 'is not a valid clock stamp')),
  by: v.string(),
});

function rowSchema(table: TableName) {
  return v.pipe(
    v.looseObject({
      id: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
      deleted: bool,
      _m: v.record(v.string(), fieldMeta),
      ...FIELDS[table],
    }),
    // Merging goes field by field on the stamps: a field without one could never be restored or synced.
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const row = dataset.value as Record<string, unknown> & { _m: Record<string, unknown> };
      for (const key of Object.keys(row)) {
        if (key === 'id' || key === '_m' || row._m[key]) continue;
        addIssue({ message: 'has no clock stamp in _m', path: [{ type: 'object', origin: 'value', input: row, key, value: row[key] }] });
      }
    }),
  );
}

const tablesSchema = v.strictObject(
  Object.fromEntries(SYNCED_TABLES.map((t) => [t, v.optional(v.array(rowSchema(t)))])) as Record<TableName, v.OptionalSchema<v.ArraySchema<ReturnType<typeof rowSchema>, undefined>, undefined>>,
);

const blobSchema = v.strictObject({
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex')),
  type: v.picklist(BLOB_TYPES),
  data: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')),
});

const fileSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.string(),
  tables: tablesSchema,
  // Photos and memos; files from before attachments synced have none.
  blobs: v.optional(v.array(blobSchema)),
});

export type BackupCheck = { ok: true; file: BackupFile; records: number } | { ok: false; message: string };

function describe(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  const keys = path.map((p) => p.key);
  if (keys[0] !== 'tables' || keys.length < 2) {
    const where = keys.length ? `"${keys.join('.')}"` : 'The file';
    return `${where}: ${issue.message}.`;
  }
  const table = String(keys[1]);
  if (!(SYNCED_TABLES as readonly string[]).includes(table)) return `"${table}" is not a table Circulate knows.`;
  if (keys.length === 2) return `Table "${table}" should be a list of records (${issue.message}).`;
  const index = Number(keys[2]);
  if (keys.length === 3) return `Table "${table}", record ${index + 1} (index ${index}) should be a record (${issue.message}).`;
  const row = path[2]?.value as { id?: unknown } | undefined;
  const id = typeof row?.id === 'string' && row.id ? `, id ${row.id}` : '';
  const field = keys.slice(3).map(String).join('.');
  return `Table "${table}", record ${index + 1} (index ${index}${id}): field "${field}" ${issue.message.replace(/^Invalid \w+: /, '')}.`;
}

/** Checks a parsed JSON value as a backup file. Nothing is written here: the caller restores only a valid file. */
export function checkBackup(json: unknown): BackupCheck {
  const head = v.safeParse(v.looseObject({ format: v.literal(BACKUP_FORMAT), version: v.number() }), json);
  if (!head.success) return { ok: false, message: 'This is not a Circulate backup file (it has no "format": "circulate-backup").' };
  if (head.output.version !== BACKUP_VERSION) {
    return {
      ok: false,
      message: head.output.version > BACKUP_VERSION
        ? `This backup was made by a newer version of Circulate (format version ${head.output.version}). Update the app, then restore it.`
        : `This backup's format version (${head.output.version}) is not one Circulate can read.`,
    };
  }
  const r = v.safeParse(fileSchema, json);
  if (!r.success) return { ok: false, message: describe(r.issues[0]) };
  const file = r.output as unknown as BackupFile;
  const records = Object.values(file.tables).reduce((n, rows) => n + (rows?.length ?? 0), 0);
  return { ok: true, file, records };
}

/** Parses a backup file's text as JSON, then checks it. */
export function checkBackupText(text: string): BackupCheck {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : null;
    return { ok: false, message: `This file is not a Circulate backup: it is not valid JSON${line ? ` (line ${line})` : ''}.` };
  }
  return checkBackup(json);
}
