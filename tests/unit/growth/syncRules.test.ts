// The growth tables keep to the sync rules: every field a rating or library goal carries is a name every store keeps,
// both go to the outbox through the write path, and a backup carries them and restores them exactly.
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { readBackup, restoreBackup } from '../../../src/db/backup';
import { repo } from '../../../src/db/write';
import { fieldsProblem } from '../../../src/shared/fieldRules';
import { checkBackup } from '../../../src/features/settings/backupSchema';
import { rateTrait } from '../../../src/features/growth/growthActions';
import { addLibraryGoal } from '../../../src/features/growth/libraryActions';

async function seed() {
  const rating = await rateTrait({ classId: 'c1', studentId: 's1', trait: 'Voice', level: 2, pieceId: 'p1' }, 1_000);
  const goal = await addLibraryGoal({ trait: 'Voice', text: 'Sounds like me', strategies: 'Read it aloud\nTalk first', prompts: 'Whose voice is it?' });
  return { rating, goal };
}

describe('ratings and library goals', () => {
  it('carry only field names the protocol keeps, and reach the outbox with a stamp per field', async () => {
    const ids = await seed();
    const queued = await db.outbox.toArray();
    for (const id of [ids.rating, ids.goal]) {
      const entry = queued.find((e) => e.id === id)!;
      expect(entry).toBeDefined();
      expect(fieldsProblem(entry.fields)).toBeUndefined();
      expect(Object.keys(entry.meta).sort()).toEqual(Object.keys(entry.fields).sort());
    }
    expect(queued.find((e) => e.id === ids.rating)!.fields).toMatchObject({ classId: 'c1', studentId: 's1', trait: 'Voice', level: 2 });
    expect(queued.find((e) => e.id === ids.goal)!.fields).toMatchObject({ strategies: ['Read it aloud', 'Talk first'] });
  });

  it('travel in a backup, which names a bad level, and come back exactly on an empty device', async () => {
    const ids = await seed();
    const file = JSON.parse(JSON.stringify(await readBackup())) as Awaited<ReturnType<typeof readBackup>>;
    expect(file.tables.ratings!.map((r) => r.id)).toEqual([ids.rating]);
    expect(file.tables.goalLibrary!.map((r) => r.id)).toEqual([ids.goal]);
    const before = { ratings: await db.ratings.toArray(), goalLibrary: await db.goalLibrary.toArray() };

    const bad = JSON.parse(JSON.stringify(file)) as typeof file;
    bad.tables.ratings![0]!.level = 7;
    const r = checkBackup(bad);
    expect(!r.ok && r.message).toMatch(/^Table "ratings", record 1 .*field "level"/);

    repo.session.reset();
    db.close();
    await db.delete();
    await db.open();
    expect(await restoreBackup(file)).toBe(2);
    expect({ ratings: await db.ratings.toArray(), goalLibrary: await db.goalLibrary.toArray() }).toEqual(before);
  });
});
