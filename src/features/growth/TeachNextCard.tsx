// "What to teach next": the need shared by the most writers now, with their names; one tap forms a needs group of
// exactly them in the groups builder.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { NEEDS_LEVEL, type TeachNext } from '../../domain/growth';
import { displayName } from '../../domain/names';
import type { Student } from '../../shared/records';
import { formGroupOf } from '../groups/groupActions';

export function TeachNextCard({ classId, next, students, names, onLesson }: { classId: string; next: TeachNext | null; students: readonly Student[]; names: readonly string[]; onLesson?: (trait: string) => void }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (!next) return <section className="card" aria-labelledby="teach-next-h"><h2 id="teach-next-h">What to teach next</h2><p className="muted">No writer is at {names[NEEDS_LEVEL]} or below on any trait right now.</p></section>;
  const byId = new Map(students.map((s) => [s.id, s]));
  const who = next.studentIds.map((id) => byId.get(id)).filter((s): s is Student => !!s);
  const levels = names.slice(0, NEEDS_LEVEL + 1).join(' or ');
  return (
    <section className="card growth-next" aria-labelledby="teach-next-h">
      <h2 id="teach-next-h">What to teach next: {next.trait}</h2>
      <p>
        {who.length} writer{who.length === 1 ? ' is' : 's are'} at {levels} on {next.trait}:
      </p>
      <ul className="growth-names" aria-label={`Writers who need ${next.trait}`}>
        {who.map((s) => (
          <li key={s.id}>{displayName(s)}</li>
        ))}
      </ul>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await formGroupOf(classId, who.map((s) => s.id), next.trait);
              navigate('/groups');
            } finally {
              setBusy(false);
            }
          }}
        >
          Form a group of these {who.length}
        </button>
        {onLesson && (
          <button type="button" onClick={() => onLesson(next.trait)}>
            Plan a mini lesson on {next.trait}
          </button>
        )}
      </div>
    </section>
  );
}
