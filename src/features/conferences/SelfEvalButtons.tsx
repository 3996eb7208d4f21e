// "Not yet", "starting to", "yes!": one tap records the student's self-evaluation against the current goal.
import { useState } from 'react';
import type { Goal } from '../../shared/records';
import { addSelfEvaluation } from './conferenceActions';
import { SELF_EVALUATIONS, selfEvalLabel } from './goalLabels';

export function SelfEvalButtons({ goal }: { goal: Goal }) {
  const [said, setSaid] = useState<string | null>(null);
  return (
    <div className="stack">
      <div role="group" aria-label="How is the student doing with this goal?" className="row conf-selfeval">
        <span className="label">Student says:</span>
        {SELF_EVALUATIONS.map((s) => (
          <button
            key={s.value}
            type="button"
            onClick={async () => {
              await addSelfEvaluation(goal, s.value);
              setSaid(`Recorded "${selfEvalLabel(s.value)}".`);
            }}
          >
            {s.label}
          </button>
        ))}
      </div>
      <p role="status" className="muted">
        {said ?? ''}
      </p>
    </div>
  );
}
