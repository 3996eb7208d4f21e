// What kind of conference it was (teacher-student, or a peer TAG conference overheard, with the partner) and the
// piece and objective it is about.
import { useId } from 'react';
import type { Conference, Objective, Piece, Student } from '../../db/types';
import { displayName } from '../../db/hooks';
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
        <label className="field">
          <span>Partner</span>
          <select value={c.partnerId ?? ''} onChange={(e) => void setPartner(c.id, e.target.value || null)}>
            <option value="">Choose the partner</option>
            {students
              .filter((s) => s.id !== c.studentId)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {displayName(s)}
                </option>
              ))}
          </select>
        </label>
      )}
      <div className="row conf-links">
        <label className="field grow">
          <span>Piece</span>
          <select value={c.pieceId ?? ''} onChange={(e) => void setPiece(c.id, e.target.value || null)}>
            <option value="">No piece</option>
            {pieces.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title || 'Untitled piece'}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>Objective</span>
          <select value={c.objectiveId ?? ''} onChange={(e) => void setObjective(c.id, e.target.value || null)} disabled={!c.pieceId}>
            <option value="">{c.pieceId ? 'No objective' : 'Choose a piece first'}</option>
            {pieceObjectives.map((o) => (
              <option key={o.id} value={o.id}>
                {o.text}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
