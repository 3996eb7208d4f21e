// What the teacher typed and chose on the Find screen, kept for the session (not stored: it may name a student), so
// coming back from a result finds the list as it was.
import { create } from 'zustand';
import type { SearchKind } from '../../domain/search';

export interface SearchUi {
  query: string;
  allClasses: boolean;
  studentId: string;
  kind: SearchKind | '';
  tag: string;
  objectiveId: string;
  /** YYYY-MM-DD or empty. */
  from: string;
  to: string;
  by: string;
  limit: number;
  set: (patch: Partial<Omit<SearchUi, 'set' | 'reset'>>) => void;
  reset: () => void;
}

export const SEARCH_PAGE = 50;

const EMPTY = { query: '', allClasses: false, studentId: '', kind: '', tag: '', objectiveId: '', from: '', to: '', by: '', limit: SEARCH_PAGE } as const;

export const useSearchUi = create<SearchUi>()((set) => ({
  ...EMPTY,
  // Any change but a longer page starts again at the first page.
  set: (patch) => set(() => ('limit' in patch ? patch : { ...patch, limit: SEARCH_PAGE })),
  reset: () => set(() => ({ ...EMPTY })),
}));
