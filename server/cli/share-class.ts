// `npm run share-class -- --class <classId> --teacher <teacherId>`: adds a co-teacher to a class, who then sees its
// records on their next sync. Uses the same store as the server (DATABASE_URL, else SQLite under DATA_DIR or ./data).

import { openStore, storeConfigFromEnv } from '../store/open';
import { readFlags } from './args';

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2), ['class', 'teacher']);
  if (!flags.class || !flags.teacher) throw new Error('Usage: npm run share-class -- --class <classId> --teacher <teacherId>');
  const store = await openStore(storeConfigFromEnv());
  try {
    await store.shareClass(flags.class, flags.teacher);
    console.log(`Class ${flags.class} is now shared with teacher ${flags.teacher}.`);
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exit(1);
});
