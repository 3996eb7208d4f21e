// The goals panel on the student's page: the current goal and every earlier one, each with the student's
// self-evaluations over time, so growth is visible.
import { currentGoal, goalHistory } from '../../domain/conferences';
import { useStudentGoals } from './reads';
import { selfEvalLabel, shortDate } from './goalLabels';
import { SelfEvalButtons } from './SelfEvalButtons';
import './conferences.css';

export function StudentGoals({ studentId }: { studentId: string }) {
  const data = useStudentGoals(studentId);
  if (!data) return null;
  const current = currentGoal(data.goals);
  const history = goalHistory(data.goals, data.checks);
  return (
    <section className="card" aria-labelledby="student-goals-h">
      <h2 id="student-goals-h">Goals</h2>
      {history.length === 0 && <p className="muted">No goal yet: set one in a conference.</p>}
      <ul className="list conf-goal-list">
        {history.map(({ goal, checks }) => (
          <li key={goal.id} className="conf-goal-item">
            <div className="grow">
              <p className="conf-goal-title">
                <strong>{goal.text}</strong>{' '}
                <span className="muted">
                  {goal.id === current?.id ? `current, since ${shortDate(goal.setAt)}` : `${shortDate(goal.setAt)}${goal.closedAt ? ` to ${shortDate(goal.closedAt)}` : ''}`}
                </span>
              </p>
              {goal.strategy && (
                <p className="conf-goal-strategy">
                  {goal.trait ? `${goal.trait} · ` : ''}Strategy: {goal.strategy}
                </p>
              )}
              {checks.length > 0 ? (
                <ol className="conf-checks" aria-label={`Self-evaluations for ${goal.text}`}>
                  {checks.map((c) => (
                    <li key={c.id} className={`conf-check conf-check-${c.value}`}>
                      <span className="muted">{shortDate(c.at)}</span> {selfEvalLabel(c.value)}
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="muted">No self-evaluation yet.</p>
              )}
              {goal.id === current?.id && <SelfEvalButtons goal={goal} />}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
