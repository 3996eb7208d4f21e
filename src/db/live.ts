// The one way screens read live data. Dexie's useLiveQuery keeps its last result while the query for new arguments
// runs, so for a moment the screen for class B would list class A's students, and a tap there would act on them.
import { useLiveQuery } from 'dexie-react-hooks';

/**
 * A live read of one thing (a class, student, piece, note…), named by `key`. While the read for a new key is on its
 * way the result is undefined, as on first load, never the previous key's rows. Changes to `deps` alone (a filter,
 * a page length) keep showing the last rows until the new ones arrive, so a list does not blink.
 */
export function useLiveQueryFor<T>(key: string | null | undefined, query: () => Promise<T> | T, deps: readonly unknown[]): T | undefined {
  const read = useLiveQuery(async () => ({ key, value: await query() }), [key, ...deps]);
  return read && read.key === key ? read.value : undefined;
}

/** For reads that are not about one record (the outbox count, the class list): Dexie's hook as it is. */
export { useLiveQuery };
