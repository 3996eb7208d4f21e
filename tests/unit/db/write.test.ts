// The one write path: each change stamps its fields and lands in the outbox in the same transaction.
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/db';
import { create, remove, transact, update } from '../../../src/db/write';
import { isStamp } from '../../../src/domain/hlc';

const note = (over: Record<string, unknown> = {}) => ({
  classId: 'c1', studentId: 's1', pieceId: null, text: 'adds details', objectiveIds: [], context: null, private: false,
  at: 1, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null, ...over,
});

describe('write path', () => {
  it('stamps every field of a new record and queues it', async () => {
    const id = await create('notes', note());
    const row = await db.notes.get(id);
    expect(row?.deleted).toBe(false);
    expect(isStamp(row?._m.text?.t)).toBe(true);
    expect(row?._m.text?.by).toBe('Teacher');
    const out = await db.outbox.toArray();
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ table: 'notes', id, fields: { text: 'adds details', deleted: false } });
  });

  it('queues only the fields an update changed, with a later stamp', async () => {
    const id = await create('notes', note());
    const before = (await db.notes.get(id))!._m.text!.t;
    await update('notes', id, { text: 'adds vivid details', studentId: 's1' });
    const row = await db.notes.get(id);
    expect(row?.text).toBe('adds vivid details');
    expect(row!._m.text!.t > before).toBe(true);
    const out = await db.outbox.toArray();
    expect(out).toHaveLength(2);
    expect(Object.keys(out[1]!.fields)).toEqual(['text']);
  });

  it('writes nothing when nothing changed', async () => {
    const id = await create('notes', note());
    await update('notes', id, { text: 'adds details' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('deletes by tombstone', async () => {
    const id = await create('notes', note());
    await remove('notes', id);
    expect((await db.notes.get(id))?.deleted).toBe(true);
    expect((await db.outbox.toArray()).at(-1)?.fields).toEqual({ deleted: true });
  });

  it('keeps private notes out of the outbox, and sends the whole note when it is made public', async () => {
    const id = await create('notes', note({ private: true }));
    await update('notes', id, { text: 'still private' });
    expect(await db.outbox.count()).toBe(0);
    await update('notes', id, { private: false });
    const out = await db.outbox.toArray();
    expect(out).toHaveLength(1);
    expect(out[0]!.fields).toMatchObject({ text: 'still private', private: false, studentId: 's1' });
  });

  it('rolls back every write of a failed transaction, outbox included', async () => {
    await expect(
      transact(async (w) => {
        await w.create('students', { classId: 'c', firstName: 'A', lastName: 'B', order: 0, archived: false, sourceId: null });
        await w.update('students', 'missing', { firstName: 'X' });
      }),
    ).rejects.toThrow(/No students record missing/);
    expect(await db.students.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses to update a record that does not exist', async () => {
    await expect(update('notes', 'nope', { text: 'x' })).rejects.toThrow();
  });
});

describe('live queries', () => {
  it('see every single write, though single writes bypass Dexie transactions', async () => {
    const { liveQuery } = await import('dexie');
    const seen: number[] = [];
    const sub = liveQuery(() => db.notes.where('[studentId+at]').between(['s1', 0], ['s1', Infinity]).count()).subscribe((n) => seen.push(n));
    await vi.waitFor(() => expect(seen).toEqual([0]));
    const id = await create('notes', note());
    await vi.waitFor(() => expect(seen.at(-1)).toBe(1));
    await update('notes', id, { studentId: 's2' });
    await vi.waitFor(() => expect(seen.at(-1)).toBe(0));
    sub.unsubscribe();
  });
});
