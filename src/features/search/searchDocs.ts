// What of each written record is searchable: a note's text, a conference's strengths, trait and next step, a goal,
// a reflection. A deleted record, or a private note of another teacher, is never a search doc.
import type { Conference, Goal, Note, Reflection } from '../../shared/records';
import type { SearchDoc, SearchKind } from '../../domain/search';

export const SEARCH_KINDS: readonly SearchKind[] = ['notes', 'conferences', 'goals', 'reflections'];

export type SearchRow = Note | Conference | Goal | Reflection;

export const searchKey = (kind: SearchKind, id: string) => `${kind}:${id}`;

/** Who a private note belongs to: the teacher who made it private (or, failing a stamp, who wrote its text). */
export function noteOwner(n: Note): string {
  return n._m.private?.by ?? n._m.text?.by ?? '';
}

/** A note the given teacher may never see: private, and someone else's. */
export function isOthersPrivateNote(n: Note, me: string): boolean {
  return n.private === true && noteOwner(n) !== me;
}

const dayStart = (date: string) => new Date(`${date}T00:00:00`).getTime();

/** The search doc for one row as stored, or null when it must not be found. `me` is this device's teacher. */
export function searchDoc(kind: SearchKind, row: SearchRow | undefined, me: string): SearchDoc | null {
  if (!row || row.deleted) return null;
  const base = { key: searchKey(kind, row.id), kind, id: row.id, classId: row.classId };
  switch (kind) {
    case 'notes': {
      const n = row as Note;
      if (isOthersPrivateNote(n, me) || !n.text.trim()) return null;
      const tags = [n.context, n.private ? 'private' : null].filter((t): t is string => !!t);
      return { ...base, studentId: n.studentId, at: n.at, by: n._m.text?.by ?? '', tags, objectiveIds: n.objectiveIds, parts: [{ label: 'Note', text: n.text }] };
    }
    case 'conferences': {
      const c = row as Conference;
      const parts = [
        { label: 'Strengths', text: c.strengths },
        { label: 'Trait', text: c.trait },
        { label: 'Next step', text: c.nextStep },
      ].filter((p) => p.text.trim());
      if (parts.length === 0) return null;
      const by = c._m.strengths?.by ?? c._m.nextStep?.by ?? c._m.studentId?.by ?? '';
      return { ...base, studentId: c.studentId, at: c.at, by, tags: [c.kind === 'peer' ? 'peer conference' : 'conference'], objectiveIds: c.objectiveId ? [c.objectiveId] : [], parts };
    }
    case 'goals': {
      const g = row as Goal;
      if (!g.text.trim()) return null;
      return { ...base, studentId: g.studentId, at: g.setAt, by: g._m.text?.by ?? '', tags: ['goal'], objectiveIds: [], parts: [{ label: 'Goal', text: g.text }] };
    }
    case 'reflections': {
      const r = row as Reflection;
      const parts = [
        { label: 'What was hard', text: r.hard },
        { label: 'What went well', text: r.wentWell },
      ].filter((p) => p.text.trim());
      if (parts.length === 0) return null;
      const by = r._m.hard?.by ?? r._m.wentWell?.by ?? '';
      return { ...base, studentId: null, at: dayStart(r.date), by, tags: ['reflection'], objectiveIds: [], parts };
    }
  }
}
