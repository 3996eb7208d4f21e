// Push and pull over real HTTP against both stores: round trip, pagination and resume, retries applied once,
// concurrent edits (loser kept in the field history), concurrent new notes, tombstones, and restarts mid-stream.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../src/shared/protocol';
import type { TestServer } from '../../server/testing';
import { STORES, change, client, json, st, type Client } from './api-helpers';

describe.each(STORES)('push and pull on $name', (store) => {
  let server: TestServer;
  let teacher: { id: string; token: string };
  let api: Client;
  const t0 = Date.now();

  beforeEach(async () => {
    server = await store.start();
    teacher = await server.addTeacher('Ms Rivera');
    api = client(server, teacher.token);
  });
  afterEach(() => server?.close());

  const classAndStudents = (count: number) => [
    change(1, 'classes', 'class-a', { name: 'Room 4', grade: '3', deleted: false }, st(t0)),
    ...Array.from({ length: count }, (_, i) =>
      change(i + 2, 'students', `stu-${i}`, { classId: 'class-a', firstName: `Kid${i}`, lastName: 'X', deleted: false }, st(t0 + 1 + i)),
    ),
  ];

  it('answers hello with the teacher and protocol', async () => {
    const res = await api.hello();
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ server: 'circulate', protocol: 1, minSchema: expect.any(Number), teacher: { id: teacher.id, name: 'Ms Rivera' } });
  });

  it('round-trips records: what one device pushes another pulls, merged and in order', async () => {
    const res = await api.push('tablet-1', [
      ...classAndStudents(2),
      change(4, 'notes', 'note-1', { classId: 'class-a', studentId: 'stu-0', text: 'Used dialogue well', deleted: false }, st(t0 + 10)),
      change(5, 'notes', 'note-1', { text: 'Used dialogue well; try tags' }, st(t0 + 11)),
    ]);
    expect(res.status).toBe(200);
    expect(await json<PushResponse>(res)).toEqual({ ackedThrough: 5, applied: 5 });

    const { records, cursor } = await api.pullAll();
    expect(records.map((r) => `${r.table}/${r.id}`)).toEqual(['classes/class-a', 'students/stu-0', 'students/stu-1', 'notes/note-1']);
    const seqs = records.map((r) => r.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(cursor).toBe(String(seqs[seqs.length - 1]));
    const note = records.find((r) => r.id === 'note-1')!;
    expect(note.fields).toEqual({ classId: 'class-a', studentId: 'stu-0', text: 'Used dialogue well; try tags', deleted: false });
    expect(note.meta.text).toEqual({ t: st(t0 + 11), by: 'Ms Rivera' });
    expect(note.meta.studentId).toEqual({ t: st(t0 + 10), by: 'Ms Rivera' });

    // Nothing new after the cursor.
    expect((await api.pullAll(cursor)).records).toEqual([]);
  });

  it('paginates by seq and resumes from any page cursor without gaps or repeats', async () => {
    await api.push('tablet-1', classAndStudents(24));
    const first = await json<PullResponse>(await api.pullRaw('after=0&limit=10'));
    expect(first.records).toHaveLength(10);
    expect(first.more).toBe(true);
    // The device stops here (app closed); later it resumes from the saved cursor.
    const rest = await api.pullAll(first.cursor, 10);
    expect(rest.pages).toBe(2);
    const ids = [...first.records, ...rest.records].map((r) => r.id);
    expect(ids).toHaveLength(25);
    expect(new Set(ids).size).toBe(25);
    // A page cursor can be replayed (a lost response): the same page comes back.
    const again = await json<PullResponse>(await api.pullRaw(`after=${first.cursor}&limit=10`));
    expect(again.records.map((r) => r.id)).toEqual(rest.records.slice(0, 10).map((r) => r.id));
  });

  it('applies a retried batch once, and a batch overlapping the last one only in its new part', async () => {
    const batch = classAndStudents(3);
    expect(await json(await api.push('tablet-1', batch))).toEqual({ ackedThrough: 4, applied: 4 });
    const before = await api.pullAll();
    // The response was lost: the device sends the same batch again.
    expect(await json(await api.push('tablet-1', batch))).toEqual({ ackedThrough: 4, applied: 0 });
    // A later batch that starts with already-sent changes.
    const next = [...batch.slice(2), change(5, 'students', 'stu-9', { classId: 'class-a', firstName: 'Nine', deleted: false }, st(t0 + 50))];
    expect(await json(await api.push('tablet-1', next))).toEqual({ ackedThrough: 5, applied: 1 });
    const after = await api.pullAll();
    expect(after.records).toHaveLength(5);
    // The retried changes did not give the records new sequence numbers.
    expect(after.records.slice(0, 4)).toEqual(before.records);
    expect(await server.db.dump('field_history')).toEqual([]);
  });

  it('applies duplicated simultaneous requests once', async () => {
    const batch = classAndStudents(20);
    const answers = await Promise.all([api.push('tablet-1', batch), api.push('tablet-1', batch), api.push('tablet-1', batch)]);
    const bodies = await Promise.all(answers.map((r) => json<PushResponse>(r)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(bodies.map((b) => b.ackedThrough)).toEqual([21, 21, 21]);
    expect(bodies.map((b) => b.applied).sort()).toEqual([0, 0, 21]);
    expect((await api.pullAll()).records).toHaveLength(21);
  });

  it('keeps the losing write of a concurrent edit in the field history', async () => {
    await api.push('tablet-1', [
      change(1, 'classes', 'class-a', { name: 'Room 4', deleted: false }, st(t0)),
      change(2, 'notes', 'note-1', { classId: 'class-a', studentId: 's1', text: 'first draft', deleted: false }, st(t0 + 1)),
    ]);
    // Two devices edit the same field while offline; tablet-2's stamp is later, then tablet-1 syncs.
    await api.push('tablet-2', [change(1, 'notes', 'note-1', { text: 'from the laptop' }, st(t0 + 30, 'dev2'), 'Mr Lee')]);
    const res = await api.push('tablet-1', [change(3, 'notes', 'note-1', { text: 'from the tablet', private: false }, st(t0 + 20))]);
    expect(await json(res)).toEqual({ ackedThrough: 3, applied: 1 });

    const note = (await api.pullAll()).records.find((r) => r.id === 'note-1')!;
    expect(note.fields.text).toBe('from the laptop');
    expect(note.fields.private).toBe(false);
    const history = await server.db.history({ scope: '', table: 'notes', id: 'note-1' });
    expect(history.map((h) => [h.field, h.value, h.meta.by])).toEqual([
      ['text', 'first draft', 'Ms Rivera'],
      ['text', 'from the tablet', 'Ms Rivera'],
    ]);
    expect(history[1]!.clientId).toBe('tablet-1');
  });

  it('does not put one device’s own successive edits in the history', async () => {
    await api.push('tablet-1', [
      change(1, 'classes', 'class-a', { name: 'Room 4' }, st(t0)),
      change(2, 'notes', 'note-1', { classId: 'class-a', text: 'a' }, st(t0 + 1)),
    ]);
    await api.push('tablet-1', [change(3, 'notes', 'note-1', { text: 'ab' }, st(t0 + 2)), change(4, 'notes', 'note-1', { text: 'abc' }, st(t0 + 3))]);
    expect(await server.db.history({ scope: '', table: 'notes', id: 'note-1' })).toEqual([]);
  });

  it('never conflicts on concurrent new notes from several devices', async () => {
    await api.push('tablet-0', [change(1, 'classes', 'class-a', { name: 'Room 4' }, st(t0))]);
    const devices = ['dev1', 'dev2', 'dev3', 'dev4'];
    const answers = await Promise.all(
      devices.map((d) =>
        api.push(
          `tablet-${d}`,
          Array.from({ length: 15 }, (_, i) =>
            change(i + 1, 'notes', `${d}-note-${i}`, { classId: 'class-a', studentId: 's1', text: `note ${i} from ${d}`, deleted: false }, st(t0 + 5 + i, d)),
          ),
        ),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const notes = (await api.pullAll()).records.filter((r) => r.table === 'notes');
    expect(notes).toHaveLength(60);
    expect(new Set(notes.map((n) => n.seq)).size).toBe(60);
    expect(await server.db.dump('field_history')).toEqual([]);
  });

  it('syncs deletes as tombstones, and a later restore', async () => {
    await api.push('tablet-1', [
      change(1, 'classes', 'class-a', { name: 'Room 4', deleted: false }, st(t0)),
      change(2, 'notes', 'note-1', { classId: 'class-a', text: 'keep me', deleted: false }, st(t0 + 1)),
    ]);
    const { cursor } = await api.pullAll();
    await api.push('tablet-1', [change(3, 'notes', 'note-1', { deleted: true }, st(t0 + 2))]);
    const del = await api.pullAll(cursor);
    expect(del.records).toHaveLength(1);
    expect(del.records[0]!.fields).toMatchObject({ deleted: true, text: 'keep me' });
    await api.push('tablet-2', [change(1, 'notes', 'note-1', { deleted: false }, st(t0 + 3, 'dev2'))]);
    const restored = await api.pullAll(del.cursor);
    expect(restored.records[0]!.fields).toMatchObject({ deleted: false, text: 'keep me' });
  });

  it('survives a restart between pull pages and between pushes', async () => {
    await api.push('tablet-1', classAndStudents(29));
    const first = await json<PullResponse>(await api.pullRaw('after=0&limit=12'));
    await server.restart();
    const rest = await api.pullAll(first.cursor, 12);
    expect([...first.records, ...rest.records].map((r) => r.id)).toEqual((await api.pullAll()).records.map((r) => r.id));
    expect(first.records.length + rest.records.length).toBe(30);
    // The client counter survived too: a retried batch after the restart is still applied once.
    expect(await json(await api.push('tablet-1', classAndStudents(29)))).toEqual({ ackedThrough: 30, applied: 0 });
  });

  it('ends with every change applied once when the server restarts while a push is in flight', async () => {
    const batch = classAndStudents(300);
    const inFlight = api.push('tablet-1', batch).then(
      (r) => r.status,
      () => 'cut' as const,
    );
    await new Promise((r) => setTimeout(r, 2));
    await server.restart();
    const first = await inFlight;
    expect([200, 'cut']).toContain(first);
    // The device retries until it gets an answer.
    const retry = await api.push('tablet-1', batch);
    const body = await json<PushResponse>(retry);
    expect(body.ackedThrough).toBe(301);
    // Cut before or after the commit: either way the retry applied what was not there yet, and nothing twice.
    if (first === 200) expect(body.applied).toBe(0);
    else expect([0, 301]).toContain(body.applied);
    const { records } = await api.pullAll();
    expect(records).toHaveLength(301);
    expect(new Set(records.map((r) => r.id)).size).toBe(301);
  });
});
