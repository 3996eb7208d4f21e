// Sentence starters as one-tap buttons, grouped (Openers, Tell, Ask, Give); the step's own groups come first and
// the rest wait behind "More starters".
import type { Starter, StarterStep } from '../../shared/records';
import { STARTER_STEP_LABEL } from '../../domain/starters';

const ALL: StarterStep[] = ['opener', 'tell', 'ask', 'give'];

function Group({ step, starters, onPick }: { step: StarterStep; starters: Starter[]; onPick: (text: string) => void }) {
  const list = starters.filter((s) => s.step === step);
  if (list.length === 0) return null;
  return (
    <div role="group" aria-label={`${STARTER_STEP_LABEL[step]} starters`} className="conf-starter-group">
      <span className="conf-starter-tag" aria-hidden="true">
        {STARTER_STEP_LABEL[step]}
      </span>
      {list.map((s) => (
        <button key={s.id} type="button" className="conf-starter" onClick={() => onPick(s.text)}>
          {s.text}
        </button>
      ))}
    </div>
  );
}

export function StarterButtons({ steps, starters, onPick }: { steps: StarterStep[]; starters: Starter[]; onPick: (text: string) => void }) {
  const rest = ALL.filter((s) => !steps.includes(s));
  return (
    <div className="conf-starters">
      <p className="muted conf-starters-note">Tap a starter to add it to the note.</p>
      {steps.map((s) => (
        <Group key={s} step={s} starters={starters} onPick={onPick} />
      ))}
      {rest.length > 0 && (
        <details className="conf-more">
          <summary>More starters</summary>
          {rest.map((s) => (
            <Group key={s} step={s} starters={starters} onPick={onPick} />
          ))}
        </details>
      )}
    </div>
  );
}
