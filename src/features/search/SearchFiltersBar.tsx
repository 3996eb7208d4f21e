// The Find screen's filters: student, kind, tag, objective, date range, who wrote it, and every class or this one.
import { SelectField } from '../../ui/SelectField';
import { CONTEXTS } from '../clipboard/noteActions';
import { kindLabel, studentName } from './exportCsv';
import { SEARCH_KINDS } from './searchDocs';
import type { SearchLookups } from './reads';
import { useSearchUi } from './searchState';
import type { SearchKind } from '../../domain/search';

const TAGS = [...CONTEXTS.map((c) => ({ value: c.value, label: c.label })), { value: 'private', label: 'Private' }];

export function SearchFiltersBar({ lookups, authors }: { lookups: SearchLookups; authors: readonly string[] }) {
  const ui = useSearchUi();
  const students = [...lookups.students.values()]
    .filter((s) => !s.archived)
    .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
  const objectives = [...lookups.objectives.values()].sort((a, b) => a.text.localeCompare(b.text));
  return (
    <div className="row find-filters">
      <SelectField label="Student" value={ui.studentId} none="All students" choices={students.map((s) => ({ value: s.id, label: studentName(lookups, s.id) }))} onChange={(v) => ui.set({ studentId: v })} />
      <SelectField label="Kind" value={ui.kind} none="Everything" choices={SEARCH_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} onChange={(v) => ui.set({ kind: v as SearchKind | '' })} />
      <SelectField label="Tag" value={ui.tag} none="Any tag" choices={TAGS} onChange={(v) => ui.set({ tag: v })} />
      <SelectField label="Objective" value={ui.objectiveId} none="Any objective" choices={objectives.map((o) => ({ value: o.id, label: o.text }))} onChange={(v) => ui.set({ objectiveId: v })} />
      <label className="field">
        <span>From</span>
        <input type="date" value={ui.from} onChange={(e) => ui.set({ from: e.target.value })} />
      </label>
      <label className="field">
        <span>To</span>
        <input type="date" value={ui.to} onChange={(e) => ui.set({ to: e.target.value })} />
      </label>
      <SelectField label="Written by" value={ui.by} none="Anyone" choices={authors.map((a) => ({ value: a, label: a }))} onChange={(v) => ui.set({ by: v })} />
      <label className="find-check">
        <input type="checkbox" checked={ui.allClasses} onChange={(e) => ui.set({ allClasses: e.target.checked, studentId: '', objectiveId: '' })} />
        All classes
      </label>
    </div>
  );
}
