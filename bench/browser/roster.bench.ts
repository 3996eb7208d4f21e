// Importing a roster: 200 pasted names parsed and written through the write path in one transaction (stamps and
// outbox entries included), as the Roster area's "Add students" does. Budget: 500 ms.
import { Dexie } from 'dexie';
import { createDb } from '../../src/db/schema';
import { Repo } from '../../src/db/repo';
import { parseNameList } from '../../src/domain/names';
import { median, type Metrics } from '../types';

const STUDENTS = 200;
const RUNS = 7;
const WARMUP = 2;
const FIRST = ['Ana', 'Bao', 'Zoë', 'ليلى', 'José', 'Mia', 'Noah', 'Aarav', 'Sofía', 'Liam'];
const LAST = ['López', 'Nguyen', 'Ødegård', 'حداد', 'Núñez', "O'Connor", 'de la Cruz', 'Kim', 'Okafor', 'Smith'];

function pasted(run: number): string {
  // "Last, First" and "First Last" mixed, a blank line here and there, each name unique within the list.
  return Array.from({ length: STUDENTS }, (_, i) => {
    const first = `${FIRST[i % 10]}${run}`;
    const last = `${LAST[Math.floor(i / 10) % 10]}-${Math.floor(i / 100)}`;
    return (i % 2 ? `${last}, ${first}` : `${first} ${last}`) + (i % 25 === 0 ? '\n' : '');
  }).join('\n');
}

export default async function (): Promise<Metrics> {
  await Dexie.delete('bench-roster');
  const db = createDb('bench-roster');
  await db.open();
  const repo = new Repo(db);
  await repo.session.ready();
  const times: number[] = [];
  for (let run = 0; run < RUNS + WARMUP; run++) {
    const classId = `class-${run}`;
    const t0 = performance.now();
    const { names, problems } = parseNameList(pasted(run));
    if (problems.length || names.length !== STUDENTS) throw new Error(`bench list did not parse: ${problems[0]?.message}`);
    await repo.transact(
      async (w) => {
        for (const [i, n] of names.entries()) {
          await w.create('students', { classId, firstName: n.firstName, lastName: n.lastName, order: i, archived: false, sourceId: null });
        }
      },
      ['students'],
    );
    const ms = performance.now() - t0;
    if (run >= WARMUP) times.push(ms);
  }
  const written = await db.students.count();
  const queued = await db.outbox.count();
  db.close();
  await Dexie.delete('bench-roster');
  if (written !== STUDENTS * (RUNS + WARMUP) || queued !== written) throw new Error(`expected ${STUDENTS * (RUNS + WARMUP)} students and outbox entries, got ${written}/${queued}`);
  return {
    'roster-import-200-students': { value: +median(times).toFixed(1), unit: 'ms', budget: 500, note: 'paste parsed, 200 creates + outbox, one transaction' },
  };
}
