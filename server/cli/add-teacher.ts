// `npm run add-teacher -- --name "Ms Rivera"`: creates a teacher and prints their sync token once; only its hash is kept.
// Uses the same store as the server (DATABASE_URL, else SQLite under DATA_DIR or ./data).

import { openStore, storeConfigFromEnv } from '../store/open';
import { hashToken, newToken } from '../tokens';
import { readFlags } from './args';

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2), ['name']);
  const name = flags.name?.trim();
  if (!name || name.length > 200) throw new Error('Give the teacher\'s name: npm run add-teacher -- --name "Ms Rivera"');
  const store = await openStore(storeConfigFromEnv());
  try {
    const token = newToken();
    const teacher = await store.addTeacher(name, hashToken(token));
    console.log(`Teacher: ${teacher.name}`);
    console.log(`Teacher id: ${teacher.id}`);
    console.log(`Sync token (shown once; paste it into Settings > Sync on the teacher's devices):`);
    console.log(token);
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exit(1);
});
