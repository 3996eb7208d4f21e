// "What can I teach next": the student's open needs (an X with no later check), each one tap from being the
// conference's focus.
import type { Conference, Objective } from '../../shared/records';
import { openNeeds } from '../../domain/marks';
import { setObjective } from './conferenceActions';
import { useStudentMarks } from './reads';

export function OpenNeeds({ conference, objectives }: { conference: Conference; objectives: Objective[] }) {
  const marks = useStudentMarks(conference.studentId);
  if (!marks) return null;
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const needs = (openNeeds(marks).get(conference.studentId) ?? []).map((id) => byId.get(id)).filter((o): o is Objective => o !== undefined);
  return (
    <section className="card" aria-labelledby="conf-needs-h">
      <h2 id="conf-needs-h">What can I teach next?</h2>
      {needs.length === 0 ? (
        <p className="muted">No open needs on the checklist.</p>
      ) : (
        <ul className="list" aria-label="Open needs">
          {needs.map((o) => (
            <li key={o.id}>
              <span className="grow">{o.text}</span>
              {conference.objectiveId === o.id ? (
                <span className="conf-focus-badge">In focus</span>
              ) : (
                <button type="button" onClick={() => void setObjective(conference.id, o.id, o.pieceId)} aria-label={`Focus on ${o.text}`}>
                  Focus on this
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
