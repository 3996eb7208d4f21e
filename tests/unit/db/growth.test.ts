// The growth timelines (the class heatmap's device-only table) always equal what src/domain/growth.ts makes of a
// replay of the raw records, however they change: taps, undos, ratings, deletes, objectives and pieces changing,
// grouped writes, pulled records and a restore; and the v8 upgrade builds them from a v7 database's data.
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rebuildCells } from '../../../src/db/cells';
import { db } from '../../../src/db/db';
import { Repo, type RemoteChange } from '../../../src/db/repo';
import { createDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, type CirculateDb } from '../../../src/db/schema';
import { repo } from '../../../src/db/write';
import { collectEvidence, traitOf, type CellLike } from '../../../src/domain/growth';
import { timelineOf, type KeyedTimeline } from '../../../src/domain/growthTimeline';
import { latestMarks, type MarkValue } from '../../../src/domain/marks';
import { newId } from '../../../src/domain/ids';
import type { Mark, Objective, Piece, Rating } from '../../../src/shared/records';

type Plain = Pick<KeyedTimeline, 'traits' | 'keys'> & { at: number[]; level: number[]; trait: number[] };

const plain = (t: KeyedTimeline): Plain => ({ traits: [...t.traits], keys: [...t.keys], at: Array.from(t.at), level: Array.from(t.level), trait: Array.from(t.trait) });

/** What growth.ts says from the raw records: each piece's latest live tap per cell, then each class's evidence from
 * its live pieces and objectives and its ratings, per writer. */
function replay(marks: readonly Mark[], ratings: readonly Rating[], pieces: readonly Piece[], objectives: readonly Objective[]): Map<string, Plain> {
  const out = new Map<string, Plain>();
  for (const classId of new Set([...pieces.map((p) => p.classId), ...ratings.map((r) => r.classId), ...objectives.map((o) => o.classId)])) {
    const livePieces = new Set(pieces.filter((p) => !p.deleted && p.classId === classId).map((p) => p.id));
    const objectiveTrait = new Map(objectives.filter((o) => !o.deleted && o.classId === classId).map((o) => [o.id, traitOf(o)]));
    const cells: CellLike[] = [];
    for (const p of livePieces) for (const m of latestMarks(marks.filter((x) => x.pieceId === p)).values()) cells.push({ ...m, markId: m.id });
    const evidence = collectEvidence(cells, ratings.filter((r) => r.classId === classId), objectiveTrait);
    for (const studentId of new Set(evidence.map((e) => e.studentId))) {
      out.set(`${classId}|${studentId}`, plain(timelineOf(evidence.filter((e) => e.studentId === studentId))));
    }
  }
  return out;
}

async function expected(d: CirculateDb): Promise<Map<string, Plain>> {
  return replay(await d.marks.toArray(), await d.ratings.toArray(), await d.pieces.toArray(), await d.objectives.toArray());
}

async function stored(d: CirculateDb): Promise<Map<string, Plain>> {
  const keys = new Map((await d.growthKeys.toArray()).map((k) => [`${k.classId}|${k.studentId}`, k.keys]));
  const rows = await d.growth.toArray();
  expect(rows.length).toBe(keys.size);
  return new Map(rows.map((r) => [`${r.classId}|${r.studentId}`, plain({ ...r, keys: keys.get(`${r.classId}|${r.studentId}`) ?? [] })]));
}

const base = { deleted: false, _m: {} };
const PIECES: Piece[] = [
  { id: 'p1', ...base, classId: 'c1', title: 'Story', genre: 'narrative', startDate: '2026-09-01', lensObjectiveId: null, archived: false },
  { id: 'p2', ...base, classId: 'c1', title: 'Letter', genre: 'opinion', startDate: '2026-10-01', lensObjectiveId: null, archived: false },
  { id: 'p3', ...base, classId: 'c2', title: 'Report', genre: 'report', startDate: '2026-10-01', lensObjectiveId: null, archived: false },
];
const OBJECTIVES: Objective[] = [
  { id: 'o1', ...base, classId: 'c1', pieceId: 'p1', text: 'Details', trait: 'Ideas', order: 0 },
  { id: 'o2', ...base, classId: 'c1', pieceId: 'p1', text: 'Lead', trait: 'Organization', order: 1 },
  { id: 'o3', ...base, classId: 'c1', pieceId: 'p2', text: 'My own goal', trait: null, order: 0 },
  { id: 'o4', ...base, classId: 'c2', pieceId: 'p3', text: 'Facts', trait: 'Ideas', order: 0 },
];
const TRAITS = ['Ideas', 'Organization', 'Voice'];

/** This device's queued changes, as another device's pull would receive them. */
async function outboxAsRemote(d: CirculateDb): Promise<RemoteChange[]> {
  return (await d.outbox.toArray()).map(({ table, id, fields, meta }) => ({ table, id, fields, meta }));
}

/** Every record of these tables as a backup file holds them. */
async function asBackup(d: CirculateDb): Promise<RemoteChange[]> {
  const out: RemoteChange[] = [];
  for (const table of ['marks', 'ratings', 'objectives', 'pieces'] as const) {
    for (const { id, _m, ...fields } of (await d.table(table).toArray()) as (Record<string, unknown> & { id: string; _m: RemoteChange['meta'] })[]) out.push({ table, id, fields, meta: _m });
  }
  return out;
}

const op = fc.record({
  who: fc.constantFrom('here', 'there'),
  kind: fc.constantFrom('tap', 'tap', 'tap', 'undo', 'restore', 'rate', 'rate', 'unrate', 'retrait', 'objective', 'piece', 'group', 'pull', 'backup'),
  s: fc.constantFrom('s1', 's2'),
  o: fc.nat(3),
  p: fc.nat(2),
  c: fc.constantFrom('c1', 'c2'),
  v: fc.constantFrom<MarkValue>('x', 'check', null),
  level: fc.nat(4),
  pick: fc.nat(),
  at: fc.integer({ min: 0, max: 30 }),
});

describe('growth timelines', () => {
  it('equal a replay of the raw records after any mix of marks, undos, ratings, deletes, pulls and restores', async () => {
    const other = new Repo(createDb('growth-other'));
    const devices = { here: repo, there: other };
    const pickId = async (r: Repo, table: 'marks' | 'ratings', n: number) => {
      const ids = (await r.db.table(table).toCollection().primaryKeys()) as string[];
      return ids[n % Math.max(1, ids.length)];
    };
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { maxLength: 24 }), async (ops) => {
          for (const r of [repo, other]) {
            await Promise.all(r.db.tables.map((t) => t.clear()));
            await r.transact(async (w) => {
              for (const { id, _m, deleted: _deleted, ...f } of [...PIECES, ...OBJECTIVES]) await w.create('pieceId' in f ? 'objectives' : 'pieces', f as never, id);
            });
          }
          for (const o of ops) {
            const r = devices[o.who];
            const mark = await pickId(r, 'marks', o.pick);
            const rating = await pickId(r, 'ratings', o.pick);
            const tap = { classId: PIECES[o.p]!.classId, pieceId: PIECES[o.p]!.id, studentId: o.s, objectiveId: OBJECTIVES[o.o]!.id, value: o.v, at: o.at };
            const rate = { classId: o.c, studentId: o.s, trait: TRAITS[o.level % 3]!, level: o.level, at: o.at, pieceId: null, conferenceId: null };
            if (o.kind === 'tap' || (o.kind === 'undo' && !mark) || (o.kind === 'restore' && !mark)) await r.create('marks', tap, newId(o.at));
            else if (o.kind === 'undo') await r.remove('marks', mark!);
            else if (o.kind === 'restore') await r.restore('marks', mark!);
            else if (o.kind === 'rate' || !rating) await r.create('ratings', rate, newId(o.at));
            else if (o.kind === 'unrate') await r[o.pick % 2 ? 'remove' : 'restore']('ratings', rating);
            else if (o.kind === 'retrait') await r.update('ratings', rating, { trait: rate.trait, level: o.level, classId: o.c, studentId: o.s, at: o.at });
            else if (o.kind === 'objective') {
              const id = OBJECTIVES[o.o]!.id;
              const change = [{ trait: null }, { trait: TRAITS[o.level % 3]! }, { text: `Goal ${o.at}` }, { classId: o.c }][o.pick % 6];
              if (change) await r.update('objectives', id, change);
              else await r[o.pick % 6 === 4 ? 'remove' : 'restore']('objectives', id);
            } else if (o.kind === 'piece') {
              const change = [{ classId: o.c }, { title: 'Renamed' }][o.pick % 4];
              if (change) await r.update('pieces', PIECES[o.p]!.id, change);
              else await r[o.pick % 4 === 2 ? 'remove' : 'restore']('pieces', PIECES[o.p]!.id);
            }
            else if (o.kind === 'group')
              await r.transact(async (w) => {
                await w.create('marks', tap, newId(o.at));
                await w.update('objectives', OBJECTIVES[o.o]!.id, { trait: TRAITS[o.level % 3]! });
                if (mark) await w.remove('marks', mark);
                await w.create('ratings', rate, newId(o.at));
              });
            else if (o.kind === 'pull') await r.applyRemote(await outboxAsRemote((o.who === 'here' ? other : repo).db));
            else await r.importRecords(await asBackup((o.who === 'here' ? other : repo).db));
          }
          // Each device pulls the other's changes, as a sync would.
          const [fromHere, fromThere] = [await outboxAsRemote(repo.db), await outboxAsRemote(other.db)];
          await other.applyRemote(fromHere);
          await repo.applyRemote(fromThere);
          for (const r of [repo, other]) expect(await stored(r.db)).toEqual(await expected(r.db));
        }),
        { numRuns: 120 },
      );
    } finally {
      other.db.close();
      await Dexie.delete('growth-other');
    }
  }, 120_000);

  it('are built from the stored records when a version-7 database upgrades', async () => {
    const name = 'growth-upgrade';
    const v7 = new Dexie(name);
    [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7].forEach((s, i) => v7.version(i + 1).stores(s));
    await v7.open();
    const mark = (id: string, studentId: string, objectiveId: string, value: MarkValue, at: number, pieceId = 'p1'): Mark => ({ id, ...base, classId: 'c1', pieceId, studentId, objectiveId, value, at });
    const marks = [mark('m1', 's1', 'o1', 'x', 10), mark('m2', 's1', 'o1', 'check', 20), mark('m3', 's1', 'o2', 'x', 30), mark('m4', 's2', 'o3', 'x', 15, 'p2'), { ...mark('m5', 's2', 'o1', 'check', 40), deleted: true }];
    const ratings: Rating[] = [
      { id: 'r1', ...base, classId: 'c1', studentId: 's2', trait: 'Voice', level: 2, at: 25, pieceId: null, conferenceId: null },
      { id: 'r2', ...base, deleted: true, classId: 'c1', studentId: 's1', trait: 'Voice', level: 0, at: 26, pieceId: null, conferenceId: null },
    ];
    await v7.table('pieces').bulkPut(PIECES);
    await v7.table('objectives').bulkPut(OBJECTIVES);
    await v7.table('marks').bulkPut(marks);
    await v7.table('ratings').bulkPut(ratings);
    await v7.transaction('rw', ['marks', 'cells'], (tx) => rebuildCells(tx.table('marks'), tx.table('cells')));
    v7.close();

    const up = createDb(name);
    await up.open();
    const rows = await stored(up);
    expect([...rows.keys()].sort()).toEqual(['c1|s1', 'c1|s2']);
    expect(rows.get('c1|s1')).toEqual({ traits: ['Ideas', 'Organization'], keys: ['mm2', 'mm3'], at: [20, 30], level: [3, 1], trait: [0, 1] });
    expect(rows.get('c1|s2')).toEqual({ traits: ['My own goal', 'Voice'], keys: ['mm4', 'rr1'], at: [15, 25], level: [1, 2], trait: [0, 1] });
    expect(rows).toEqual(replay(marks, ratings, PIECES, OBJECTIVES));
    // Cells are findable by objective from now on.
    expect(await up.cells.where('objectiveId').equals('o1').count()).toBe(1);
    up.close();
    await Dexie.delete(name);
  });

  it('leave the app database empty of rows with no evidence', async () => {
    await repo.transact(async (w) => {
      await w.create('pieces', { classId: 'c1', title: 'Story', genre: 'narrative', startDate: '2026-09-01', lensObjectiveId: null, archived: false }, 'p1');
      await w.create('objectives', { classId: 'c1', pieceId: 'p1', text: 'Details', trait: 'Ideas', order: 0 }, 'o1');
    });
    const m = await repo.create('marks', { classId: 'c1', pieceId: 'p1', studentId: 's1', objectiveId: 'o1', value: 'x', at: 5 });
    expect(await db.growth.count()).toBe(1);
    await repo.remove('marks', m);
    expect(await db.growth.count()).toBe(0);
    expect(await db.growthKeys.count()).toBe(0);
  });
});
