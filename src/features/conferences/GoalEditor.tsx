// The goal part of a conference: the student's current goal, a new goal that replaces it, and self-evaluations.
import { useState } from 'react';
import type { Conference } from '../../shared/records';
import { currentGoal } from '../../domain/conferences';
import { AutosaveField } from '../../ui/AutosaveField';
import { setGoal } from './conferenceActions';
import { useStudentGoals } from './reads';
import { shortDate } from './goalLabels';
import { SelfEvalButtons } from './SelfEvalButtons';

export function GoalEditor({ conference }: { conference: Conference }) {
  const data = useStudentGoals(conference.studentId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!data) return null;
  const goal = currentGoal(data.goals);
  return (
    <section className="card" aria-labelledby="conf-goal-h">
      <h2 id="conf-goal-h">Writing goal</h2>
      {goal ? (
        <>
          <p className="muted">
            Current goal, set {shortDate(goal.setAt)}
            {goal.conferenceId === conference.id ? ' in this conference' : ''}:
          </p>
          <AutosaveField multiline table="goals" recordId={goal.id} field="text" value={goal.text} label="Current goal" className="conf-goal-text" rows={2} />
          <SelfEvalButtons goal={goal} />
        </>
      ) : (
        <p className="muted">No goal yet.</p>
      )}
      <form
        className="row conf-goal-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!text.trim()) {
            setError('Type the goal, then set it.');
            return;
          }
          await setGoal(conference, text);
          setText('');
          setError(null);
        }}
      >
        <label className="field grow">
          <span>{goal ? 'New goal (replaces the current one)' : 'New goal'}</span>
          <input type="text" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={error ? true : undefined} />
        </label>
        <button type="submit" className="primary">
          Set goal
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
