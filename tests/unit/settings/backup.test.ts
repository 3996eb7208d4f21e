// Backup files: export every table, check a file entirely before writing, restore by merge in one transaction, and
// queue what was restored for sync (private notes never).
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { readBackup, restoreBackup, type BackupFile } from '../../../src/db/backup';
import { SYNCED_TABLES } from '../../../src/shared/records';
import { create, remove, repo, restore, update } from '../../../src/db/write';
import { checkBackup, checkBackupText } from '../../../src/features/settings/backupSchema';
import { restoreFromText } from '../../../src/features/settings/backupActions';

const note = (over: Record<string, unknown> = {}) => ({
  classId: 'c1', studentId: 's1', pieceId: null, text: 'adds details', objectiveIds: [], context: null, private: false,
  at: 1, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null, ...over,
});

/** A small classroom written through the write path. */
async function seed() {
  const classId = await create('classes', { name: 'Room 12', grade: '3', archived: false, order: 0 });
  const ana = await create('students', { classId, firstName: 'Ana', lastName: 'López', order: 0, archived: false, sourceId: null });
  const sam = await create('students', { classId, firstName: '<b>Sam</b>', lastName: 'ليلى', order: 1, archived: true, sourceId: 'u-9' });
  const shared = await create('notes', note({ classId, studentId: ana, text: 'uses dialogue' }));
  const secret = await create('notes', note({ classId, studentId: sam, text: 'talk to family', private: true }));
  const gone = await create('notes', note({ classId, studentId: ana, text: 'typo' }));
  await remove('notes', gone);
  return { classId, ana, sam, shared, secret, gone };
}

async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const t of SYNCED_TABLES) out[t] = (await db.table(t).toArray()).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return out;
}

/** A fresh, empty device: new database, new session. */
async function emptyDevice() {
  repo.session.reset();
  db.close();
  await db.delete();
  await db.open();
}

describe('readBackup', () => {
  it('holds every synced table with stamps, private notes and tombstones included', async () => {
    const ids = await seed();
    const file = await readBackup(new Date('2026-11-22T10:00:00Z'));
    expect(file).toMatchObject({ format: 'circulate-backup', version: 1, exportedAt: '2026-11-22T10:00:00.000Z' });
    expect(Object.keys(file.tables).sort()).toEqual([...SYNCED_TABLES].sort());
    expect(file.tables.notes!.map((n) => n.id).sort()).toEqual([ids.shared, ids.secret, ids.gone].sort());
    expect(file.tables.notes!.find((n) => n.id === ids.gone)!.deleted).toBe(true);
    expect(file.tables.students!.every((s) => s._m.firstName?.t)).toBe(true);
    expect(checkBackup(JSON.parse(JSON.stringify(file)))).toMatchObject({ ok: true, records: 6 });
  });
});

describe('checkBackup', () => {
  async function validFile(): Promise<BackupFile> {
    await seed();
    return JSON.parse(JSON.stringify(await readBackup())) as BackupFile;
  }

  it('refuses what is not JSON, not a backup, or from a newer version', () => {
    expect(checkBackupText('{"format": "circulate-backup",\n "version": 1,\n oops}')).toEqual({ ok: false, message: expect.stringMatching(/not valid JSON \(line 3\)/) });
    expect(checkBackupText('id,name\n1,Ana')).toEqual({ ok: false, message: expect.stringContaining('not valid JSON') });
    expect(checkBackup({ hello: 1 })).toEqual({ ok: false, message: expect.stringContaining('not a Circulate backup') });
    expect(checkBackup({ format: 'circulate-backup', version: 2, tables: {} })).toEqual({ ok: false, message: expect.stringContaining('newer version') });
  });

  it('names the table, record, id and field of a wrong value', async () => {
    const file = await validFile();
    const row = file.tables.students![1]!;
    row.firstName = 42;
    const r = checkBackup(file);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(new RegExp(`^Table "students", record 2 \\(index 1, id ${row.id}\\): field "firstName" .*string`));
  });

  it('names a missing field, a bad stamp, a field without a stamp and an unknown table', async () => {
    const file = await validFile();
    const cases: [(f: BackupFile) => void, RegExp][] = [
      [(f) => delete f.tables.classes![0]!.name, /Table "classes", record 1 .*field "name"/],
      [(f) => (f.tables.notes![0]!._m.text = { t: 'yesterday', by: 'me' }), /Table "notes", record 1 .*field "_m.text.t" is not a valid clock stamp/],
      [(f) => (f.tables.students![0]!.nickname = 'Annie'), /Table "students", record 1 .*field "nickname" has no clock stamp/],
      [(f) => (f.tables.notes![2]!.context = 'recess'), /Table "notes", record 3 .*field "context"/],
      [(f) => ((f.tables as Record<string, unknown>).homework = []), /"homework" is not a table Circulate knows/],
      [(f) => ((f.tables as Record<string, unknown>).marks = { a: 1 }), /Table "marks" should be a list of records/],
    ];
    for (const [breakIt, message] of cases) {
      const broken = structuredClone(file);
      breakIt(broken);
      const r = checkBackup(broken);
      expect(r.ok, String(message)).toBe(false);
      expect(!r.ok && r.message).toMatch(message);
    }
  });
});

describe('restoring', () => {
  it('into an empty device gives the same data, and queues all of it but the private note for sync', async () => {
    const ids = await seed();
    const before = await snapshot();
    const text = JSON.stringify(await readBackup());
    await emptyDevice();
    expect(await db.students.count()).toBe(0);

    const r = await restoreFromText(text);
    expect(r).toMatchObject({ ok: true, changed: 6, records: 6 });
    expect(await snapshot()).toEqual(before);
    const queued = await db.outbox.toArray();
    expect(queued.map((e) => e.id).sort()).toEqual([ids.classId, ids.ana, ids.sam, ids.shared, ids.gone].sort());
    const anaEntry = queued.find((e) => e.id === ids.ana)!;
    expect(anaEntry.fields).toMatchObject({ firstName: 'Ana', lastName: 'López', classId: ids.classId, deleted: false });
    expect(Object.keys(anaEntry.meta).sort()).toEqual(Object.keys(anaEntry.fields).sort());
  });

  it('a bad file changes nothing', async () => {
    await seed();
    const file = JSON.parse(JSON.stringify(await readBackup())) as BackupFile;
    await emptyDevice();
    await create('classes', { name: 'Kept', grade: '', archived: false, order: 0 });
    const before = await snapshot();
    const outbox = await db.outbox.count();
    file.tables.notes![2]!.at = 'noon';
    const r = await restoreFromText(JSON.stringify(file));
    expect(r).toEqual({ ok: false, message: expect.stringContaining('Table "notes", record 3') });
    expect(await snapshot()).toEqual(before);
    expect(await db.outbox.count()).toBe(outbox);
  });

  it('over existing data keeps the newer edit of each field and loses nothing made since', async () => {
    const ids = await seed();
    const file = await readBackup();
    await update('students', ids.ana, { lastName: 'Lopez-Ruiz' });
    await restore('notes', ids.gone);
    const later = await create('classes', { name: 'Period 5', grade: '', archived: false, order: 1 });
    await db.students.update(ids.sam, { firstName: 'Overwritten', _m: {} });
    const outboxBefore = await db.outbox.count();

    const changed = await restoreBackup(file);
    expect((await db.students.get(ids.ana))?.lastName).toBe('Lopez-Ruiz');
    expect((await db.notes.get(ids.gone))?.deleted).toBe(false);
    expect((await db.classes.get(later))?.name).toBe('Period 5');
    // A row whose stamps were lost takes the backup's stamped fields back.
    expect((await db.students.get(ids.sam))?.firstName).toBe('<b>Sam</b>');
    expect(changed).toBe(1);
    const queued = (await db.outbox.toArray()).slice(outboxBefore);
    expect(queued.map((e) => e.id)).toEqual([ids.sam]);
  });

  it('is idempotent: restoring the same file twice writes nothing the second time', async () => {
    await seed();
    const file = await readBackup();
    await emptyDevice();
    expect(await restoreBackup(file)).toBe(6);
    const outbox = await db.outbox.count();
    const snap = await snapshot();
    expect(await restoreBackup(file)).toBe(0);
    expect(await db.outbox.count()).toBe(outbox);
    expect(await snapshot()).toEqual(snap);
  });

  it('sends a note whole when the backup made public a note private here', async () => {
    const ids = await seed();
    await update('notes', ids.secret, { private: false });
    const file = await readBackup();
    await update('notes', ids.shared, { text: 'uses dialogue well' });
    // Back to private locally, but with an older stamp than the backup's "public".
    const row = (await db.notes.get(ids.secret))!;
    const older = { ...row._m.private!, t: row._m.text!.t };
    await db.notes.put({ ...row, private: true, _m: { ...row._m, private: older } });
    const outbox = await db.outbox.count();
    await restoreBackup(file);
    const entry = (await db.outbox.toArray()).slice(outbox).find((e) => e.id === ids.secret)!;
    expect(entry.fields).toMatchObject({ private: false, text: 'talk to family', studentId: ids.sam });
  });
});
