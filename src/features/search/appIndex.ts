// The app's one search index, over the app's database and write path. Started after the first render (src/main.tsx).
import { db } from '../../db/db';
import { currentAuthor, repo } from '../../db/write';
import { LiveSearchIndex } from './liveIndex';

export const searchIndex = new LiveSearchIndex(db, repo.changes, currentAuthor);

export function startSearchIndex(): void {
  void searchIndex.start().catch((e: unknown) => console.error(e));
}
