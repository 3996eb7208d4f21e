// The Find screen's query against the live index: re-run when the words, filters or the index change.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { SearchFilters } from '../../domain/search';
import { searchIndex } from './appIndex';
import type { SearchUi } from './searchState';

const dayMs = (date: string, end: boolean) => (date ? new Date(`${date}T${end ? '23:59:59.999' : '00:00:00'}`).getTime() : null);

export function filtersOf(ui: SearchUi, classId: string | null): SearchFilters {
  return {
    classId: ui.allClasses ? null : classId,
    studentId: ui.studentId || null,
    kind: ui.kind || null,
    tag: ui.tag || null,
    objectiveId: ui.objectiveId || null,
    from: dayMs(ui.from, false),
    to: dayMs(ui.to, true),
    by: ui.by || null,
  };
}

export function useSearch(ui: SearchUi, classId: string | null) {
  useEffect(() => {
    void searchIndex.start();
  }, []);
  const version = useSyncExternalStore(searchIndex.subscribe, searchIndex.getVersion);
  const filters = filtersOf(ui, classId);
  const key = JSON.stringify(filters);
  return useMemo(() => {
    const result = searchIndex.index.search(ui.query, JSON.parse(key) as SearchFilters, ui.limit);
    return { ...result, ready: searchIndex.ready, authors: searchIndex.index.authors(), version };
  }, [ui.query, key, ui.limit, version]);
}
