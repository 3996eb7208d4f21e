// The live search index: built from the rows on the device, then kept current by the write path's and pulls'
// (table, id) change feed without reading the tables again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/db';
import { create, currentAuthor, remove, repo, transact, update } from '../../../src/db/write';
import { LiveSearchIndex } from '../../../src/features/search/liveIndex';

const note = (text: string, over: Record<string, unknown> = {}) => ({
  classId: 'c1', studentId: 's1', pieceId: null, text, objectiveIds: [], context: null, private: false,
  at: 1, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null, ...over,
});

const live: LiveSearchIndex[] = [];
function makeIndex(): LiveSearchIndex {
  const idx = new LiveSearchIndex(db, repo.changes, currentAuthor);
  live.push(idx);
  return idx;
}
afterEach(() => live.splice(0).forEach((i) => i.stop()));

const found = (idx: LiveSearchIndex, q: string) => idx.index.search(q).hits.map((h) => h.doc.id);

const stamp = (ms: number) => `${String(ms).padStart(13, '0')}:0000:other-device`;

describe('live search index', () => {
  it('builds from the rows already stored, in chunks', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 450; i++) ids.push(await create('notes', note(`dialogue ${i}`)));
    await create('goals', { classId: 'c1', studentId: 's1', text: 'Use dialogue tags', setAt: 1, conferenceId: null, closedAt: null });
    const idx = makeIndex();
    await idx.start();
    expect(idx.ready).toBe(true);
    expect(idx.index.search('dialogue', {}, Infinity).total).toBe(451);
  });

  it('follows creates, edits and deletes through the write path without reading a table again', async () => {
    const idx = makeIndex();
    await idx.start();
    const addNew = vi.spyOn(idx.index, 'addNew');
    const toArray = vi.spyOn(db.notes, 'toArray');
    const id = await create('notes', note('José wrote dialogue'));
    await idx.settled();
    expect(found(idx, 'jose')).toEqual([id]);
    await update('notes', id, { text: 'José rewrote the ending' });
    await idx.settled();
    expect(found(idx, 'dialogue')).toEqual([]);
    expect(found(idx, 'ending')).toEqual([id]);
    const [a, b] = await transact(async (w) => [await w.create('notes', note('flashback one')), await w.create('notes', note('flashback two'))]);
    await idx.settled();
    expect(found(idx, 'flashback').sort()).toEqual([a, b].sort());
    await remove('notes', id);
    await idx.settled();
    expect(found(idx, 'ending')).toEqual([]);
    expect(addNew).not.toHaveBeenCalled();
    expect(toArray).not.toHaveBeenCalled();
  });

  it('takes in pulled changes, and never another teacher\u2019s private note', async () => {
    const idx = makeIndex();
    await idx.start();
    const meta = (by: string, ms: number) => Object.fromEntries(Object.keys(note('')).concat('deleted').map((k) => [k, { t: stamp(ms), by }]));
    await repo.applyRemote([
      { table: 'notes', id: 'pulled', fields: { ...note('shared observation about metaphors'), deleted: false }, meta: meta('Mr Diaz', 1000) },
      { table: 'notes', id: 'theirs', fields: { ...note('private metaphors worry', { private: true }), deleted: false }, meta: meta('Mr Diaz', 1000) },
    ]);
    await idx.settled();
    expect(found(idx, 'metaphors')).toEqual(['pulled']);
    expect(idx.index.authors()).toEqual(['Mr Diaz']);
  });

  it('keeps a change made while it builds over the older copy it read', async () => {
    const id = await create('notes', note('first words'));
    for (let i = 0; i < 5; i++) await create('notes', note(`filler ${i}`));
    const idx = makeIndex();
    const building = idx.start();
    await update('notes', id, { text: 'second words' });
    await building;
    await idx.settled();
    expect(found(idx, 'first')).toEqual([]);
    expect(found(idx, 'second')).toEqual([id]);
  });
});
