// Which records a write or a pull changed, by (table, id), for in-memory views kept beside the tables (the search
// index) that would otherwise re-read every row on each storagemutated event.
import type { TableName } from '../shared/records';

export type ChangeListener = (table: TableName, ids: readonly string[]) => void;

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(fn: ChangeListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Called after the change committed; a listener reads the rows again, so a spurious call is harmless. */
  emit(table: TableName, ids: readonly string[]): void {
    if (ids.length === 0) return;
    for (const fn of this.listeners) {
      try {
        fn(table, ids);
      } catch (e) {
        // A broken view must not fail the write that already committed.
        console.error(e);
      }
    }
  }
}
