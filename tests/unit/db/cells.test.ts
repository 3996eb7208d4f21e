// The checklist's cells (each cell's latest live tap) stay equal to what the taps say, however the taps arrive:
// single taps and undos, grouped writes, remote changes pulled in, a restore; and the v3 upgrade builds them.
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellId } from '../../../src/db/cells';
import { db } from '../../../src/db/db';
import { Repo, type RemoteChange } from '../../../src/db/repo';
import { createDb, SCHEMA_V1, SCHEMA_V2, type CirculateDb } from '../../../src/db/schema';
import { create, remove, repo, restore, transact } from '../../../src/db/write';
import { latestMarks, type MarkValue } from '../../../src/domain/marks';

const tap = (studentId: string, objectiveId: string, value: MarkValue, at: number, pieceId = 'p1') => ({ classId: 'c1', pieceId, studentId, objectiveId, value, at });

/** The cells as the taps say they should be: the latest live tap per piece and cell. */
async function expected(d: CirculateDb): Promise<Map<string, [string, MarkValue, number]>> {
  const out = new Map<string, [string, MarkValue, number]>();
  const marks = await d.marks.toArray();
  for (const piece of new Set(marks.map((m) => m.pieceId)))
    for (const m of latestMarks(marks.filter((x) => x.pieceId === piece)).values()) out.set(cellId(m), [m.id, m.value, m.at]);
  return out;
}

async function stored(d: CirculateDb): Promise<Map<string, [string, MarkValue, number]>> {
  return new Map((await d.cells.toArray()).map((c) => [c.id, [c.markId, c.value, c.at]]));
}

/** This device's queued changes, as another device's pull would receive them. */
async function outboxAsRemote(d: CirculateDb): Promise<RemoteChange[]> {
  return (await d.outbox.toArray()).map(({ table, id, fields, meta }) => ({ table, id, fields, meta }));
}

describe('checklist cells', () => {
  it('follow taps, an undo of the latest tap, and a restore', async () => {
    const a = await create('marks', tap('s1', 'o1', 'x', 1000));
    const b = await create('marks', tap('s1', 'o1', 'check', 2000));
    await create('marks', tap('s2', 'o1', 'x', 1500, 'p2'));
    expect((await db.cells.get('p1|s1|o1'))?.markId).toBe(b);
    await remove('marks', b);
    expect(await db.cells.get('p1|s1|o1')).toMatchObject({ markId: a, value: 'x', at: 1000 });
    await remove('marks', a);
    expect(await db.cells.get('p1|s1|o1')).toBeUndefined();
    await restore('marks', b);
    expect(await db.cells.get('p1|s1|o1')).toMatchObject({ markId: b, value: 'check' });
    expect(await stored(db)).toEqual(await expected(db));
  });

  it('roll back with the grouped write they belong to', async () => {
    await create('marks', tap('s1', 'o1', 'x', 1000));
    await expect(
      transact(async (w) => {
        await w.create('marks', tap('s1', 'o1', 'check', 2000));
        throw new Error('import refused');
      }),
    ).rejects.toThrow('import refused');
    expect((await db.cells.get('p1|s1|o1'))?.value).toBe('x');
  });

  it('agree with the taps after any mix of local taps, undos, grouped writes and pulled changes', async () => {
    const other = new Repo(createDb('cells-other'));
    const op = fc.record({
      who: fc.constantFrom('here', 'there'),
      kind: fc.constantFrom('tap', 'tap', 'undo', 'restore', 'group'),
      s: fc.constantFrom('s1', 's2'),
      o: fc.constantFrom('o1', 'o2'),
      p: fc.constantFrom('p1', 'p2'),
      v: fc.constantFrom<MarkValue>('x', 'check', null),
      pick: fc.nat(),
      at: fc.integer({ min: 0, max: 50 }),
    });
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { maxLength: 16 }), async (ops) => {
          for (const r of [repo, other]) {
            await r.db.marks.clear();
            await r.db.cells.clear();
            await r.db.outbox.clear();
          }
          for (const o of ops) {
            const r = o.who === 'here' ? repo : other;
            const ids = (await r.db.marks.toCollection().primaryKeys()) as string[];
            const id = ids[o.pick % Math.max(1, ids.length)];
            if (o.kind === 'tap' || !id) await r.create('marks', tap(o.s, o.o, o.v, o.at, o.p));
            else if (o.kind === 'undo') await r.remove('marks', id);
            else if (o.kind === 'restore') await r.restore('marks', id);
            else
              await r.transact(async (w) => {
                await w.create('marks', tap(o.s, o.o, o.v, o.at, o.p));
                await w.remove('marks', id);
              });
          }
          // Each device pulls the other's changes, as a sync would.
          const [fromHere, fromThere] = [await outboxAsRemote(repo.db), await outboxAsRemote(other.db)];
          await other.applyRemote(fromHere);
          await repo.applyRemote(fromThere);
          for (const r of [repo, other]) expect(await stored(r.db)).toEqual(await expected(r.db));
        }),
        { numRuns: 150 },
      );
    } finally {
      other.db.close();
      await Dexie.delete('cells-other');
    }
  }, 60_000);

  it('are rebuilt from the stored taps when a version-2 database upgrades', async () => {
    const name = 'cells-upgrade';
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    const row = (id: string, value: MarkValue, at: number, deleted = false) => ({ id, ...tap('s1', 'o1', value, at), deleted, _m: {} });
    await v2.table('marks').bulkPut([row('m1', 'x', 1), row('m2', 'check', 2), row('m3', null, 3, true), { ...row('m4', 'x', 1), pieceId: 'p2' }]);
    v2.close();
    const up = createDb(name);
    await up.open();
    expect(await stored(up)).toEqual(
      new Map([
        ['p1|s1|o1', ['m2', 'check', 2]],
        ['p2|s1|o1', ['m4', 'x', 1]],
      ]),
    );
    up.close();
    await Dexie.delete(name);
  });
});
