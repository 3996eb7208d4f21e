// A database written by the previous schema version opens under the current one with every row intact.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../../src/db/schema';
import { CLIENT_SCHEMA } from '../../../src/shared/protocol';

describe('schema upgrade', () => {
  it('keeps all version-1 data when opened by the current version', async () => {
    const name = 'upgrade-test';
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    const meta = { t: '000001700000000-000000-dev1', by: 'Ms Rivera' };
    await v1.table('classes').put({ id: 'c1', name: 'Room 12', grade: '3', archived: false, order: 0, deleted: false, _m: { name: meta } });
    await v1.table('students').bulkPut([
      { id: 's1', classId: 'c1', firstName: 'Ana', lastName: 'López', order: 0, archived: false, deleted: false, _m: { firstName: meta } },
      { id: 's2', classId: 'c1', firstName: 'بدر', lastName: '', order: 1, archived: true, deleted: false, _m: {} },
    ]);
    await v1.table('notes').put({ id: 'n1', classId: 'c1', studentId: 's1', text: 'adds details 🎉', at: 5, deleted: false, _m: {} });
    await v1.table('outbox').add({ table: 'notes', id: 'n1', fields: { text: 'adds details 🎉' }, meta: { text: meta } });
    await v1.table('local').put({ key: 'deviceId', value: 'dev1' });
    v1.close();

    const db = createDb(name);
    await db.open();
    // The version sync reports to the server is this database's.
    expect(db.verno).toBe(CLIENT_SCHEMA);
    expect(await db.classes.get('c1')).toMatchObject({ name: 'Room 12', _m: { name: meta } });
    const students = await db.students.orderBy('id').toArray();
    expect(students.map((s) => [s.firstName, s.lastName, s.archived, s.sourceId])).toEqual([
      ['Ana', 'López', false, null],
      ['بدر', '', true, null],
    ]);
    expect((await db.notes.get('n1'))?.text).toBe('adds details 🎉');
    expect(await db.outbox.count()).toBe(1);
    expect((await db.local.get('deviceId'))?.value).toBe('dev1');
    // New indexes work on upgraded rows.
    expect(await db.students.where('sourceId').equals('x').count()).toBe(0);
    db.close();
    await Dexie.delete(name);
  });

  it('opens a version-3 database with its notes intact and the memo tables empty', async () => {
    const name = 'upgrade-test-v3';
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    await v3.table('notes').put({ id: 'n1', classId: 'c1', studentId: 's1', text: 'uses dialogue', photoId: null, at: 5, deleted: false, _m: {} });
    v3.close();

    const db = createDb(name);
    await db.open();
    const note = await db.notes.get('n1');
    expect(note?.text).toBe('uses dialogue');
    // Rows from before version 4 have no memos field; readers treat it as none.
    expect(note?.memos).toBeUndefined();
    expect(await db.memos.where('status').equals('recording').count()).toBe(0);
    expect(await db.memoChunks.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
    db.close();
    await Dexie.delete(name);
  });
});
