// Find: every note, conference, goal and reflection of the class (or of every class), ranked as the teacher types,
// offline, with the matched words marked; results export to CSV for a gradebook.
import { Link } from 'react-router';
import { useCurrentClass } from '../../session/useCurrentClass';
import { downloadText, today } from '../settings/download';
import { resultsCsv } from './exportCsv';
import { useSearchLookups } from './reads';
import { SearchFiltersBar } from './SearchFiltersBar';
import { SearchResults } from './SearchResults';
import { SEARCH_PAGE, useSearchUi } from './searchState';
import { filtersOf, useSearch } from './useSearch';
import { searchIndex } from './appIndex';

export function SearchScreen() {
  const { current } = useCurrentClass();
  const ui = useSearchUi();
  const classId = current?.id ?? null;
  const lookups = useSearchLookups(ui.allClasses ? null : classId);
  const result = useSearch(ui, classId);
  const status = !result.ready
    ? 'Getting the search ready…'
    : result.total === 0
      ? ui.query.trim() || ui.studentId || ui.from || ui.to
        ? 'Nothing found. Try fewer or shorter words, or clear a filter.'
        : 'Type a word, or choose a student or dates.'
      : `${result.total} found`;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="find-h">
        <h1 id="find-h">Find</h1>
        <div className="field">
          <label htmlFor="find-q">Search notes, conferences, goals and reflections</label>
          <input id="find-q" type="search" value={ui.query} autoComplete="off" spellCheck={false} onChange={(e) => ui.set({ query: e.target.value })} />
        </div>
        {lookups && <SearchFiltersBar lookups={lookups} authors={result.authors} />}
        <div className="row">
          <button type="button" onClick={() => ui.reset()}>
            Clear
          </button>
          <button type="button" disabled={!lookups || result.hits.length === 0} onClick={() => lookups && downloadText(resultsCsv(searchIndex.index.search(ui.query, filtersOf(ui, classId), Infinity).hits, lookups), `circulate-search-${today()}.csv`, 'text/csv')}>
            Export results (CSV)
          </button>
          {ui.studentId && (
            <Link className="button" to={`/find/draft/${ui.studentId}`}>
              Draft a report comment
            </Link>
          )}
        </div>
        <p role="status" className="muted">
          {status}
        </p>
      </section>
      {lookups && result.hits.length > 0 && (
        <section className="card" aria-label="Search results">
          <SearchResults hits={result.hits} lookups={lookups} showClass={ui.allClasses} />
          {result.total > result.hits.length && (
            <button type="button" onClick={() => ui.set({ limit: ui.limit + SEARCH_PAGE })}>
              Show more
            </button>
          )}
        </section>
      )}
    </div>
  );
}
