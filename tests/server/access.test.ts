// Who sees what: a teacher sees only their own classes and those shared with them; another teacher's class is
// refused with 403 for the whole batch; teacher-scoped tables (settings, starters, the goal library) never collide between teachers.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/protocol';
import type { TestServer } from '../../server/testing';
import { STORES, change, client, json, st, type Client } from './api-helpers';

describe.each(STORES)('access on $name', (store) => {
  let server: TestServer;
  let rivera: { id: string; token: string };
  let lee: { id: string; token: string };
  let a: Client;
  let b: Client;
  const t0 = Date.now();

  beforeEach(async () => {
    server = await store.start();
    rivera = await server.addTeacher('Ms Rivera');
    lee = await server.addTeacher('Mr Lee');
    a = client(server, rivera.token);
    b = client(server, lee.token);
    await a.push('rivera-tab', [
      change(1, 'classes', 'class-r', { name: 'Room 4', deleted: false }, st(t0)),
      change(2, 'students', 'stu-r', { classId: 'class-r', firstName: 'Ana', deleted: false }, st(t0 + 1)),
      change(3, 'notes', 'note-r', { classId: 'class-r', studentId: 'stu-r', text: 'Strong lead', deleted: false }, st(t0 + 2)),
    ]);
  });
  afterEach(() => server?.close());

  it("refuses a batch touching another teacher's class with 403 and saves none of it", async () => {
    const before = await server.db.dump('records');
    const res = await b.push('lee-tab', [
      change(1, 'classes', 'class-l', { name: 'Room 9' }, st(t0 + 5, 'dev2')),
      change(2, 'notes', 'note-l', { classId: 'class-r', studentId: 'stu-r', text: 'sneaky' }, st(t0 + 6, 'dev2')),
    ]);
    expect(res.status).toBe(403);
    expect((await json<ErrorBody>(res)).error.code).toBe('forbidden');
    expect(await server.db.dump('records')).toEqual(before);
    // Not even the class of Mr Lee's own in that batch was claimed, nor his counter moved.
    expect((await server.db.dump('class_members')).filter((m) => m.teacher_id === lee.id)).toEqual([]);
    expect(await server.db.dump('clients')).not.toContainEqual(expect.objectContaining({ teacher_id: lee.id, high: 2 }));
    expect((await b.pullAll()).records).toEqual([]);
  });

  it('refuses a forbidden batch alone when it arrives together with good ones', async () => {
    const good = (i: number) =>
      a.push(`rivera-tab-${i}`, [change(1, 'notes', `note-ok-${i}`, { classId: 'class-r', studentId: 'stu-r', text: `ok ${i}` }, st(t0 + 10 + i))]);
    const bad = b.push('lee-tab', [change(1, 'notes', 'note-bad', { classId: 'class-r', text: 'not his' }, st(t0 + 10, 'dev2'))]);
    const answers = await Promise.all([good(1), bad, good(2), good(3)]);
    expect(answers.map((r) => r.status)).toEqual([200, 403, 200, 200]);
    const ids = (await a.pullAll()).records.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['note-ok-1', 'note-ok-2', 'note-ok-3']));
    expect(ids).not.toContain('note-bad');
  });

  it("refuses editing another teacher's record by its id, even naming a class of one's own", async () => {
    await b.push('lee-tab', [change(1, 'classes', 'class-l', { name: 'Room 9' }, st(t0 + 5, 'dev2'))]);
    const before = await server.db.dump('records');
    const moved = await b.push('lee-tab', [change(2, 'notes', 'note-r', { classId: 'class-l', text: 'mine now' }, st(t0 + 9, 'dev2'))]);
    expect(moved.status).toBe(403);
    const renamed = await b.push('lee-tab', [change(2, 'classes', 'class-r', { name: 'Taken' }, st(t0 + 9, 'dev2'))]);
    expect(renamed.status).toBe(403);
    expect(await server.db.dump('records')).toEqual(before);
    expect((await b.pullAll()).records.map((r) => r.id)).toEqual(['class-l']);
  });

  it('shows a shared class to the co-teacher, including records from before the share', async () => {
    await b.push('lee-tab', [change(1, 'classes', 'class-l', { name: 'Room 9' }, st(t0 + 5, 'dev2'))]);
    const { cursor } = await b.pullAll();
    await server.shareClass('class-r', lee.id);
    // Mr Lee's saved cursor is past those records' old numbers, yet his next pull brings them.
    const shared = await b.pullAll(cursor);
    expect(shared.records.map((r) => r.id).sort()).toEqual(['class-r', 'note-r', 'stu-r']);
    // The co-teacher may now write to it, and the owner sees who wrote.
    const res = await b.push('lee-tab', [change(2, 'notes', 'note-l2', { classId: 'class-r', studentId: 'stu-r', text: 'Conferred' }, st(t0 + 7, 'dev2'), 'Mr Lee')]);
    expect(res.status).toBe(200);
    const seen = (await a.pullAll()).records.find((r) => r.id === 'note-l2');
    expect(seen?.meta.text?.by).toBe('Mr Lee');
    // The owner does not see the co-teacher's own class.
    expect((await a.pullAll()).records.map((r) => r.id)).not.toContain('class-l');
  });

  it('keeps settings and starters per teacher even with the same ids', async () => {
    await a.push('rivera-tab', [change(4, 'settings', 'prefs', { value: { font: 'large' } }, st(t0 + 3))]);
    await b.push('lee-tab', [change(1, 'settings', 'prefs', { value: { font: 'small' } }, st(t0 + 4, 'dev2'))]);
    await server.shareClass('class-r', lee.id);
    const mine = (await a.pullAll()).records.filter((r) => r.table === 'settings');
    const his = (await b.pullAll()).records.filter((r) => r.table === 'settings');
    expect(mine.map((r) => r.fields.value)).toEqual([{ font: 'large' }]);
    expect(his.map((r) => r.fields.value)).toEqual([{ font: 'small' }]);
    expect(await server.db.dump('field_history')).toEqual([]);
  });

  it("keeps growth ratings to the class's teachers and each teacher's goal library apart", async () => {
    const rating = { classId: 'class-r', studentId: 'stu-r', trait: 'Voice', level: 2, at: t0, pieceId: null, conferenceId: null, deleted: false };
    expect((await a.push('rivera-tab', [change(4, 'ratings', 'rate-r', rating, st(t0 + 3))])).status).toBe(200);
    const sneaky = await b.push('lee-tab', [change(1, 'ratings', 'rate-l', rating, st(t0 + 4, 'dev2'))]);
    expect(sneaky.status).toBe(403);
    const goal = (text: string) => ({ trait: 'Voice', text, strategies: ['Read it aloud'], prompts: [], order: 0, deleted: false });
    await a.push('rivera-tab', [change(5, 'goalLibrary', 'lib-1', goal('Sounds like me'), st(t0 + 5))]);
    await b.push('lee-tab', [change(2, 'goalLibrary', 'lib-1', goal('Talks to the reader'), st(t0 + 6, 'dev2'))]);
    await server.shareClass('class-r', lee.id);
    expect((await b.pullAll()).records.filter((r) => r.table === 'ratings').map((r) => r.id)).toEqual(['rate-r']);
    const lib = async (c: Client) => (await c.pullAll()).records.filter((r) => r.table === 'goalLibrary').map((r) => r.fields.text);
    expect(await lib(a)).toEqual(['Sounds like me']);
    expect(await lib(b)).toEqual(['Talks to the reader']);
  });

  it('refuses a new class-scoped record without a class id, with the change named', async () => {
    const res = await a.push('rivera-tab', [change(4, 'notes', 'note-x', { text: 'orphan' }, st(t0 + 3))]);
    expect(res.status).toBe(400);
    expect((await json<ErrorBody>(res)).error.message).toContain('changes[0].fields.classId');
  });
});
