// What kind of conference it was (teacher-student, or a peer TAG conference overheard, with the partner) and the
// piece and objective it is about.
import { SelectField } from '../../ui/SelectField';
import { useId } from 'react';
import type { Conference, Objective, Piece, Student } from '../../shared/records';
import { displayName } from '../../domain/names';
import { setKind, setObjective, setPartner, setPiece } from './conferenceActions';

interface Props {
  conference: Conference;
  students: Student[];
  pieces: Piece[];
  objectives: Objective[];
}

export function ConferenceDetails({ conference: c, students, pieces, objectives }: Props) {
  const id = useId();
  const pieceObjectives = objectives.filter((o) => o.pieceId === c.pieceId);
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Details</h2>
      <fieldset className="conf-kind">
        <legend className="label">Kind of conference</legend>
        <label className="conf-radio">
          <input type="radio" name={`${id}-kind`} checked={c.kind === 'teacher'} onChange={() => void setKind(c.id, 'teacher')} />
          Teacher and student
        </label>
        <label className="conf-radio">
          <input type="radio" name={`${id}-kind`} checked={c.kind === 'peer'} onChange={() => void setKind(c.id, 'peer')} />
          Peer TAG conference (overheard)
        </label>
      </fieldset>
      {c.kind === 'peer' && (
        <SelectField
          label="Partner"
          value={c.partnerId ?? ''}
          choices={students.filter((s) => s.id !== c.studentId).map((s) => ({ value: s.id, label: displayName(s) }))}
          none="Choose the partner"
          onChange={(v) => void setPartner(c.id, v || null)}
        />
      )}
      <div className="row conf-links">
        <SelectField
          className="grow"
          label="Piece"
          value={c.pieceId ?? ''}
          choices={pieces.map((p) => ({ value: p.id, label: p.title || 'Untitled piece' }))}
          none="No piece"
          onChange={(v) => void setPiece(c.id, v || null)}
        />
        <SelectField
          className="grow"
          label="Objective"
          value={c.objectiveId ?? ''}
          choices={pieceObjectives.map((o) => ({ value: o.id, label: o.text }))}
          none={c.pieceId ? 'No objective' : 'Choose a piece first'}
          disabled={!c.pieceId}
          onChange={(v) => void setObjective(c.id, v || null)}
        />
      </div>
    </section>
  );
}
