// The search index kept beside the database: built once at start-up in small idle-time chunks (never a long task
// in front of the first screen), then kept current from the write path's and pulls' (table, id) change feed.
import type { CirculateDb } from '../../db/schema';
import type { ChangeFeed } from '../../db/changeFeed';
import { SearchIndex, type SearchDoc } from '../../domain/search';
import type { TableName } from '../../shared/records';
import { SEARCH_KINDS, searchDoc, searchKey, type SearchRow } from './searchDocs';
import type { SearchKind } from '../../domain/search';

/** Rows read and indexed per idle slice: about 10 ms of indexing on a tablet. */
const CHUNK = 400;

type IdleWindow = { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number };

/** The next idle moment (or the next task where the browser has no idle callbacks). */
function idle(): Promise<void> {
  const w = globalThis as IdleWindow;
  return new Promise((resolve) => (w.requestIdleCallback ? w.requestIdleCallback(() => resolve(), { timeout: 100 }) : setTimeout(resolve, 0)));
}

const isKind = (t: string): t is SearchKind => (SEARCH_KINDS as readonly string[]).includes(t);

export class LiveSearchIndex {
  readonly index = new SearchIndex();
  private version = 0;
  private readonly listeners = new Set<() => void>();
  /** Keys changed while the build runs: the build's older copy of them must not overwrite the change. */
  private changedDuringBuild: Set<string> | null = null;
  private started: Promise<void> | null = null;
  /** The last change being applied, so a test or a bench can wait for the index to catch up. */
  private applying: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;
  ready = false;

  constructor(
    private readonly db: CirculateDb,
    feed: ChangeFeed,
    private readonly me: () => string,
  ) {
    this.unsubscribe = feed.subscribe((table, ids) => this.onChange(table, ids));
  }

  stop(): void {
    this.unsubscribe();
  }

  /** Resolves once every change reported so far is in the index. */
  settled(): Promise<void> {
    return this.applying;
  }

  /** Builds the index once; later calls return the same promise. */
  start(): Promise<void> {
    this.started ??= this.build();
    return this.started;
  }

  private async build(): Promise<void> {
    this.changedDuringBuild = new Set();
    for (const kind of SEARCH_KINDS) {
      let after: string | null = null;
      for (;;) {
        await idle();
        const table = this.db.table<SearchRow, string>(kind);
        const rows: SearchRow[] = await (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(CHUNK).toArray();
        if (rows.length === 0) break;
        after = rows[rows.length - 1]!.id;
        const me = this.me();
        const skip = this.changedDuringBuild;
        const docs: SearchDoc[] = [];
        for (const r of rows) {
          const d = searchDoc(kind, r, me);
          if (d && !skip.has(d.key)) docs.push(d);
        }
        this.index.addNew(docs);
        if (rows.length < CHUNK) break;
      }
      this.bump();
    }
    this.changedDuringBuild = null;
    this.ready = true;
    this.bump();
  }

  private onChange(table: TableName, ids: readonly string[]): void {
    if (!isKind(table)) return;
    for (const id of ids) this.changedDuringBuild?.add(searchKey(table, id));
    const read = this.db.table<SearchRow, string>(table).bulkGet([...ids]);
    // Applied in the order reported, each after the one before, so an older read never lands over a newer one.
    this.applying = this.applying
      .then(() => read)
      .then((rows) => {
        const me = this.me();
        rows.forEach((row, i) => this.index.put(searchKey(table, ids[i]!), searchDoc(table, row, me)));
        this.bump();
      })
      .catch((e: unknown) => console.error(e));
  }

  private bump(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  /** For useSyncExternalStore: a new version whenever the index changed. */
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = (): number => this.version;
}
