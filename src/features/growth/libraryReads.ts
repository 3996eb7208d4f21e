// The goal library as the screens read it: the built-in goals and the teacher's own, per trait.
import { db } from '../../db/db';
import { useLiveQuery } from '../../db/live';
import { libraryByTrait, type LibraryGoalLike } from '../../domain/goalLibrary';

export async function readLibrary(): Promise<Map<string, LibraryGoalLike[]>> {
  const own = (await db.goalLibrary.toArray()).filter((g) => !g.deleted);
  return libraryByTrait(own);
}

export function useLibrary(): Map<string, LibraryGoalLike[]> | undefined {
  return useLiveQuery(readLibrary, []);
}
