// Pulled pages merged into the device: new records land, existing ones merge field by field (local later edits
// survive) whether the page's id range holds few other records (existence listed by key) or many (read one by one).
import { afterEach, describe, expect, it } from 'vitest';
import { Repo } from '../../../src/db/repo';
import { createDb, type CirculateDb } from '../../../src/db/schema';
import { formatStamp } from '../../../src/domain/hlc';
import { newId } from '../../../src/domain/ids';
import type { MarkValue } from '../../../src/shared/records';

const dbs: CirculateDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function repo(): Repo {
  const db = createDb(`apply-remote-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  return new Repo(db);
}

const old = { t: formatStamp(1_000, 0, 'other'), by: 'Other' };
const mark = (id: string, value: MarkValue, meta = old) => ({
  table: 'marks' as const,
  id,
  fields: { classId: 'c1', pieceId: 'p1', studentId: 's1', objectiveId: 'o1', value, at: 1, deleted: false },
  meta: { classId: meta, pieceId: meta, studentId: meta, objectiveId: meta, value: meta, at: meta, deleted: meta },
});

describe('applyRemote', () => {
  it.each([
    ['few', 0],
    ['many', 60],
  ])('merges a page into existing and new records with %s other records in its id range', async (_, others) => {
    const r = repo();
    await r.session.ready();
    const base = Date.now();
    // Ids made in one stretch of time, so the page's ids and the others interleave in key order.
    const ids = Array.from({ length: 10 + others }, (_, i) => newId(base + i));
    const pageIds = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / 10)) === 0).slice(0, 10);
    const otherIds = ids.filter((id) => !pageIds.includes(id));
    await r.applyRemote(otherIds.map((id) => mark(id, 'x')));
    // Two of the page's records exist here already; one was edited here after the remote stamp.
    const [kept, edited] = pageIds;
    await r.applyRemote([mark(kept!, 'x'), mark(edited!, 'x')]);
    await r.update('marks', edited!, { value: null });

    const written = await r.applyRemote(pageIds.map((id) => mark(id, 'check', { t: formatStamp(2_000, 0, 'other'), by: 'Other' })));

    expect(written).toBe(pageIds.length);
    expect(await r.db.marks.count()).toBe(ids.length);
    expect((await r.db.marks.get(kept!))?.value).toBe('check');
    expect((await r.db.marks.get(edited!))?.value).toBeNull();
    for (const id of otherIds) expect((await r.db.marks.get(id))?.value).toBe('x');
    for (const id of pageIds.slice(2)) expect((await r.db.marks.get(id))?.value).toBe('check');
  });

  it('merges several changes to one record within a page', async () => {
    const r = repo();
    const id = newId();
    await r.applyRemote([mark(id, 'check', { t: formatStamp(3_000, 0, 'x'), by: 'X' }), mark(id, 'x', { t: formatStamp(2_000, 0, 'x'), by: 'X' })]);
    expect((await r.db.marks.get(id))?.value).toBe('check');
  });
});
