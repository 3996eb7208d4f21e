// Which notes go on labels: not printed yet (the usual end-of-day job), today, two dates, one student, or all.
import { useId } from 'react';
import { displayName } from '../../domain/names';
import type { Student } from '../../shared/records';
import type { NoteFilter } from '../../domain/printSelection';

export type FilterKind = NoteFilter['kind'];

export interface ChooserState {
  kind: FilterKind;
  from: string;
  to: string;
  studentId: string;
}

const KINDS: { kind: FilterKind; label: string }[] = [
  { kind: 'unprinted', label: 'Not printed yet' },
  { kind: 'today', label: 'Today' },
  { kind: 'range', label: 'Between two dates' },
  { kind: 'student', label: 'One student' },
  { kind: 'class', label: 'All of the class' },
];

export function NoteChooser({ state, onChange, students, problem }: { state: ChooserState; onChange: (s: ChooserState) => void; students: readonly Student[]; problem: string | null }) {
  const id = useId();
  return (
    <fieldset className="card print-chooser">
      <legend>Which notes</legend>
      <div className="print-choices">
        {KINDS.map((k) => (
          <label key={k.kind} className="print-choice">
            <input type="radio" name={`${id}-kind`} checked={state.kind === k.kind} onChange={() => onChange({ ...state, kind: k.kind })} />
            <span>{k.label}</span>
          </label>
        ))}
      </div>
      {state.kind === 'range' && (
        <div className="row">
          <label className="field">
            <span>First day</span>
            <input type="date" value={state.from} max={state.to || undefined} onChange={(e) => onChange({ ...state, from: e.target.value })} aria-invalid={problem ? true : undefined} />
          </label>
          <label className="field">
            <span>Last day</span>
            <input type="date" value={state.to} min={state.from || undefined} onChange={(e) => onChange({ ...state, to: e.target.value })} aria-invalid={problem ? true : undefined} />
          </label>
        </div>
      )}
      {state.kind === 'student' && (
        <label className="field">
          <span>Student</span>
          <select value={state.studentId} onChange={(e) => onChange({ ...state, studentId: e.target.value })}>
            {students.map((s) => (
              <option key={s.id} value={s.id}>
                {displayName(s)}
              </option>
            ))}
          </select>
        </label>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
