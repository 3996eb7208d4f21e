// The three steps of a conference (strengths, one writing trait, a concrete next step), walked one at a time, each
// with its sentence starters. All three notes stay mounted so nothing typed is lost when moving between steps.
import { useRef, useState } from 'react';
import type { Conference, Starter, StarterStep } from '../../shared/records';
import { currentAuthor } from '../../db/write';
import { StarterButtons } from './StarterButtons';
import { StepField, type StepFieldHandle } from './StepField';

interface StepDef {
  field: 'strengths' | 'trait' | 'nextStep';
  title: string;
  label: string;
  hint: string;
  starters: StarterStep[];
}

export const STEPS: readonly StepDef[] = [
  { field: 'strengths', title: 'Strengths', label: 'Strengths', hint: 'What does this writer know how to do? Start with what is working.', starters: ['opener', 'tell'] },
  { field: 'trait', title: 'Writing trait', label: 'Writing trait', hint: 'One trait or skill: how did the student use it?', starters: ['ask', 'tell'] },
  { field: 'nextStep', title: 'Next step', label: 'Next step', hint: 'One concrete suggestion for revising or editing: what can I teach next?', starters: ['give'] },
];

export function ConferenceSteps({ conference, starters }: { conference: Conference; starters: Starter[] }) {
  const [step, setStep] = useState(0);
  const fields = useRef<(StepFieldHandle | null)[]>([]);
  const me = currentAuthor();
  const current = STEPS[step]!;
  return (
    <section className="card" aria-labelledby="conf-steps-h">
      <h2 id="conf-steps-h">The conference</h2>
      <ol className="conf-stepper" aria-label="Steps">
        {STEPS.map((s, i) => (
          <li key={s.field}>
            <button type="button" aria-current={i === step ? 'step' : undefined} className={i === step ? 'conf-step-on' : undefined} onClick={() => setStep(i)}>
              {i + 1}. {s.title}
              {conference[s.field].trim() ? <span className="visually-hidden"> (written)</span> : null}
            </button>
          </li>
        ))}
      </ol>
      {STEPS.map((s, i) => {
        const by = conference._m[s.field]?.by;
        return (
          <div key={s.field} hidden={i !== step} className="conf-step">
            <StepField
              ref={(h) => {
                fields.current[i] = h;
              }}
              recordId={conference.id}
              field={s.field}
              value={conference[s.field]}
              label={`Step ${i + 1}: ${s.label}`}
              hint={s.hint}
              writtenBy={conference[s.field] && by && by !== me ? by : null}
            />
          </div>
        );
      })}
      <StarterButtons key={current.field} steps={current.starters} starters={starters} onPick={(text) => fields.current[step]?.insert(text)} />
      <div className="row conf-step-nav">
        {step > 0 && (
          <button type="button" onClick={() => setStep(step - 1)}>
            Back: {STEPS[step - 1]!.title}
          </button>
        )}
        {step < STEPS.length - 1 && (
          <button type="button" className="primary" onClick={() => setStep(step + 1)}>
            Next: {STEPS[step + 1]!.title}
          </button>
        )}
      </div>
    </section>
  );
}
