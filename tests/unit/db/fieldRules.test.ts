// The device's side of the protocol's field rules: the write path refuses what the server would refuse (and keeps
// nothing of it), a note made private leaves only its withdrawal in the outbox, and a pulled withdrawal removes the
// copy on a co-teacher's device while the author's private note stays.
import { afterEach, describe, expect, it } from 'vitest';
import { Repo } from '../../../src/db/repo';
import { createDb, type CirculateDb } from '../../../src/db/schema';
import { formatStamp } from '../../../src/domain/hlc';
import type { Fields } from '../../../src/shared/records';

const dbs: CirculateDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function device(): Repo {
  const db = createDb(`field-rules-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  return new Repo(db);
}

const note = (over: Partial<Fields<'notes'>> = {}): Fields<'notes'> => ({
  classId: 'c1', studentId: 's1', pieceId: null, text: 'uses dialogue', objectiveIds: [], context: null, private: false,
  at: 1, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null, ...over,
});

describe('the write path keeps to the field rules', () => {
  it.each([
    ['constructor', 'notes.constructor: is a reserved name'],
    ['toString', 'notes.toString: is a reserved name'],
    ['__proto__', 'notes.__proto__: is not a field name'],
    ['two words', 'notes["two words"]: is not a field name'],
  ])('refuses a field named %s, and keeps nothing', async (name, message) => {
    const r = device();
    const id = await r.create('notes', note());
    const patch = JSON.parse(`{${JSON.stringify(name)}: "x"}`) as Partial<Fields<'notes'>>;
    await expect(r.update('notes', id, patch)).rejects.toThrow(message);
    expect(Object.hasOwn((await r.db.notes.get(id))!, name)).toBe(false);
    expect(await r.db.outbox.count()).toBe(1);
  });

  it('refuses a value nested deeper than the protocol allows, inside a transaction too', async () => {
    const r = device();
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    await expect(r.create('notes', note({ objectiveIds: deep as string[] }))).rejects.toThrow('notes.objectiveIds: nests more than 32 arrays or objects');
    await expect(r.transact(async (w) => void (await w.create('notes', note({ objectiveIds: deep as string[] }))))).rejects.toThrow(/nests more than/);
    expect(await r.db.notes.count()).toBe(0);
    expect(await r.db.outbox.count()).toBe(0);
  });
});

describe('a note made private', () => {
  it('leaves the device only as a withdrawal: class, flag and tombstone, no words', async () => {
    const r = device();
    const id = await r.create('notes', note({ text: 'Ana worries about home' }));
    await r.update('notes', id, { private: true });
    await r.update('notes', id, { text: 'Ana worries about home a lot' });
    const peeked = await r.outbox.peek(10);
    const going = peeked.filter((e) => !e.private);
    expect(going.map((e) => e.fields)).toEqual([{ classId: 'c1', private: true, deleted: false }]);
    expect(JSON.stringify(going)).not.toContain('worries');
    // Made public again, it goes whole after the withdrawal.
    await r.update('notes', id, { private: false });
    const again = (await r.outbox.peek(10)).filter((e) => !e.private);
    expect(again.at(-1)!.fields).toMatchObject({ text: 'Ana worries about home a lot', private: false, studentId: 's1' });
  });

  it("removes a co-teacher's copy when the withdrawal is pulled, and keeps the author's private note", async () => {
    const author = device();
    const coTeacher = device();
    const id = await author.create('notes', note({ text: 'Ana worries about home' }));
    const row = (await author.db.notes.get(id))!;
    const { id: _id, _m, ...fields } = row;
    await coTeacher.applyRemote([{ table: 'notes', id, fields, meta: _m }]);
    expect((await coTeacher.db.notes.get(id))?.text).toBe('Ana worries about home');

    await author.update('notes', id, { private: true });
    const withdrawal = (await author.outbox.peek(10)).find((e) => !e.private && e.fields.private === true)!;
    expect(await coTeacher.applyRemote([{ table: 'notes', id, fields: withdrawal.fields, meta: withdrawal.meta }])).toBe(1);
    expect(await coTeacher.db.notes.get(id)).toBeUndefined();
    // A withdrawal of a note this device never had stores nothing.
    const stranger = { t: formatStamp(Date.now(), 0, 'x'), by: 'X' };
    await coTeacher.applyRemote([{ table: 'notes', id: 'never-seen', fields: { classId: 'c1', private: true }, meta: { classId: stranger, private: stranger } }]);
    expect(await coTeacher.db.notes.get('never-seen')).toBeUndefined();
    // The echo of its own withdrawal leaves the author's note as it is.
    await author.applyRemote([{ table: 'notes', id, fields: withdrawal.fields, meta: withdrawal.meta }]);
    expect(await author.db.notes.get(id)).toMatchObject({ text: 'Ana worries about home', private: true });
  });
});
