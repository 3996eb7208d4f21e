// `npm run share-class -- --class "Room 4" --teacher "Mr Lee"`: adds a co-teacher to a class (ids work too), who then
// sees its records on their next sync. `--list` shows every class and its teachers. Uses the same store as the
// server (DATABASE_URL, else SQLite under DATA_DIR or ./data).

import { openStore, storeConfigFromEnv } from '../store/open';
import type { ClassEntry, Store, Teacher } from '../store/types';
import { readFlags } from './args';

const USAGE = 'Usage: npm run share-class -- --class <class name or id> --teacher <teacher name or id>   (or --list)';

function describeClass(c: ClassEntry): string {
  const who = c.teachers.map((t) => `${t.name}${t.role === 'owner' ? ' (owner)' : ''}`).join(', ');
  return `${c.id}  ${c.name ?? '(no name yet)'}  ${who}`;
}

/** One match by id, else by exact name; several classes of one name must be told apart by id. */
function pick<T extends { id: string }>(items: T[], query: string, nameOf: (x: T) => string | null, what: string, show: (x: T) => string): T {
  const byId = items.find((x) => x.id === query);
  if (byId) return byId;
  const byName = items.filter((x) => nameOf(x) === query);
  if (byName.length === 1) return byName[0]!;
  if (byName.length === 0) throw new Error(`No ${what} "${query}" on this server`);
  throw new Error(`Several ${what === 'class' ? 'classes' : `${what}s`} are called "${query}"; give the id instead:\n${byName.map(show).join('\n')}`);
}

async function share(store: Store, classQuery: string, teacherQuery: string): Promise<void> {
  const classes = await store.classDirectory();
  const teachers = await store.teachers();
  const cls = pick(classes, classQuery, (c) => c.name, 'class', describeClass);
  const teacher = pick<Teacher>(teachers, teacherQuery, (t) => t.name, 'teacher', (t) => `${t.id}  ${t.name}`);
  if (cls.teachers.some((t) => t.id === teacher.id)) {
    console.log(`${teacher.name} already teaches ${cls.name ?? cls.id}.`);
    return;
  }
  await store.shareClass(cls.id, teacher.id);
  console.log(`${cls.name ?? cls.id} is now shared with ${teacher.name}; it appears on their devices at the next sync.`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const list = args.includes('--list');
  const flags = readFlags(
    args.filter((a) => a !== '--list'),
    ['class', 'teacher'],
  );
  if (!list && (!flags.class || !flags.teacher)) throw new Error(USAGE);
  const store = await openStore(storeConfigFromEnv());
  try {
    if (list) {
      const classes = await store.classDirectory();
      console.log(classes.length === 0 ? 'No classes yet: they appear once a teacher has synced.' : classes.map(describeClass).join('\n'));
      return;
    }
    await share(store, flags.class!, flags.teacher!);
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exit(1);
});
