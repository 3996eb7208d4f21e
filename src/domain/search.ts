// Full-text search over a class's written records (notes, conferences, goals, reflections) with MiniSearch: accent-
// and case-folded prefix matching, BM25 ranking with newer records first on a tie, filters, and matched-word spans.
import MiniSearch, { type SearchResult } from 'minisearch';

export type SearchKind = 'notes' | 'conferences' | 'goals' | 'reflections';

/** One searchable record, flattened; `key` is `${kind}:${id}` so ids of different tables never collide. */
export interface SearchDoc {
  key: string;
  kind: SearchKind;
  id: string;
  classId: string;
  studentId: string | null;
  at: number;
  /** Who wrote the words (the author stamped on the text field). */
  by: string;
  /** Note context (mini-lesson, conference…) and 'private' for a private note. */
  tags: string[];
  objectiveIds: string[];
  /** Labelled parts of the record, in the order they are shown ("Strengths", "Next step"…). */
  parts: { label: string; text: string }[];
}

export interface SearchFilters {
  classId?: string | null;
  studentId?: string | null;
  kind?: SearchKind | null;
  tag?: string | null;
  objectiveId?: string | null;
  /** Inclusive bounds in ms. */
  from?: number | null;
  to?: number | null;
  by?: string | null;
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** The indexed (folded) words the query matched, for highlighting. */
  terms: string[];
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;

/** Lower case without accents (José → jose, Ærøskøbing keeps its letters): NFD then drop the combining marks. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

const docText = (d: SearchDoc) => d.parts.map((p) => p.text).join('\n');

/** A MiniSearch index over SearchDocs; the docs themselves are kept beside it for filters and display. */
export class SearchIndex {
  private readonly mini = new MiniSearch<SearchDoc>({
    idField: 'key',
    fields: ['text'],
    extractField: (d, field) => (field === 'key' ? d.key : docText(d)),
    tokenize,
    processTerm: (t) => fold(t) || null,
    searchOptions: { prefix: true, fuzzy: (term) => (term.length > 4 ? 0.2 : false), combineWith: 'AND' },
  });
  private readonly docs = new Map<string, SearchDoc>();

  get size(): number {
    return this.docs.size;
  }

  has(key: string): boolean {
    return this.docs.has(key);
  }

  get(key: string): SearchDoc | undefined {
    return this.docs.get(key);
  }

  /** Adds or replaces a doc; `null` for a record that must not be found (deleted, another teacher's private note). */
  put(key: string, doc: SearchDoc | null): void {
    if (this.docs.has(key)) {
      // discard is MiniSearch's cheap removal: it needs only the id, and vacuums in the background.
      this.mini.discard(key);
      this.docs.delete(key);
    }
    if (!doc) return;
    this.docs.set(key, doc);
    this.mini.add(doc);
  }

  /** Many new docs at once (the start-up build); keys already present are left as they are. */
  addNew(docs: readonly SearchDoc[]): void {
    const fresh = docs.filter((d) => !this.docs.has(d.key));
    for (const d of fresh) this.docs.set(d.key, d);
    this.mini.addAll(fresh);
  }

  /**
   * Ranked hits for the words typed, each a prefix ("dia" finds dialogue) and, past four letters, a near miss. An
   * empty query with filters lists the matching records newest first.
   */
  search(query: string, filters: SearchFilters = {}, limit = 50): { hits: SearchHit[]; total: number } {
    const keep = (d: SearchDoc) => matches(d, filters);
    if (tokenize(query).length === 0) {
      if (!hasFilter(filters)) return { hits: [], total: 0 };
      const all = [...this.docs.values()].filter(keep).sort((a, b) => b.at - a.at);
      return { hits: all.slice(0, limit).map((doc) => ({ doc, score: 0, terms: [] })), total: all.length };
    }
    const found = this.mini.search(query, { filter: (r: SearchResult) => keep(this.docs.get(r.id as string)!) });
    const hits = found.map((r) => ({ doc: this.docs.get(r.id as string)!, score: r.score, terms: r.terms }));
    // Scores within a hair of each other are a tie: the newer record is the likelier one wanted.
    hits.sort((a, b) => (Math.abs(b.score - a.score) > 1e-9 ? b.score - a.score : b.doc.at - a.doc.at));
    return { hits: hits.slice(0, limit), total: hits.length };
  }

  /** Every author named on an indexed record, for the "Written by" filter. */
  authors(): string[] {
    return [...new Set([...this.docs.values()].map((d) => d.by).filter(Boolean))].sort();
  }
}

function hasFilter(f: SearchFilters): boolean {
  return !!(f.studentId || f.kind || f.tag || f.objectiveId || f.from != null || f.to != null || f.by);
}

export function matches(d: SearchDoc, f: SearchFilters): boolean {
  if (f.classId && d.classId !== f.classId) return false;
  if (f.studentId && d.studentId !== f.studentId) return false;
  if (f.kind && d.kind !== f.kind) return false;
  if (f.tag && !d.tags.includes(f.tag)) return false;
  if (f.objectiveId && !d.objectiveIds.includes(f.objectiveId)) return false;
  if (f.from != null && d.at < f.from) return false;
  if (f.to != null && d.at > f.to) return false;
  if (f.by && d.by !== f.by) return false;
  return true;
}

export interface Span {
  text: string;
  hit: boolean;
}

/** The text cut into plain and matched runs: a word is matched when its folded form is one of the matched terms. */
export function highlight(text: string, terms: readonly string[]): Span[] {
  const want = new Set(terms);
  const out: Span[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (!want.has(fold(m[0]))) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index), hit: false });
    out.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false });
  return out;
}
