// The sentence-starter library: add, edit (saved as typed), reorder and remove starters in each group.
import { useEffect, useState } from 'react';
import type { Starter, StarterStep } from '../../shared/records';
import { STARTER_STEP_LABEL } from '../../domain/starters';
import { restore } from '../../db/write';
import { AutosaveField } from '../../ui/AutosaveField';
import { addStarter, ensureStarters, moveStarter, removeStarter } from './conferenceActions';
import { useStarters } from './reads';

const STEPS: StarterStep[] = ['opener', 'tell', 'ask', 'give'];

function AddStarter({ step }: { step: StarterStep }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const label = `New ${STARTER_STEP_LABEL[step]} starter`;
  return (
    <form
      className="row"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!text.trim()) {
          setError('Type the starter, then add it.');
          return;
        }
        await addStarter(step, text);
        setText('');
        setError(null);
      }}
    >
      <label className="field grow">
        <span>{label}</span>
        <input type="text" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={error ? true : undefined} />
      </label>
      <button type="submit">Add</button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function Group({ step, list, onRemoved }: { step: StarterStep; list: Starter[]; onRemoved: (s: Starter) => void }) {
  return (
    <section className="card" aria-labelledby={`starters-${step}-h`}>
      <h2 id={`starters-${step}-h`}>{STARTER_STEP_LABEL[step]}</h2>
      <ol className="list">
        {list.map((s, i) => (
          <li key={s.id}>
            <div className="grow">
              <AutosaveField multiline table="starters" recordId={s.id} field="text" value={s.text} label={`${STARTER_STEP_LABEL[step]} starter ${i + 1}`} hideLabel rows={2} className="starter-text" />
            </div>
            <div className="row">
              <button type="button" disabled={i === 0} onClick={() => void moveStarter(list, i, -1)} aria-label={`Move up: ${s.text}`}>
                Up
              </button>
              <button type="button" disabled={i === list.length - 1} onClick={() => void moveStarter(list, i, 1)} aria-label={`Move down: ${s.text}`}>
                Down
              </button>
              <button
                type="button"
                className="danger"
                onClick={async () => {
                  await removeStarter(s.id);
                  onRemoved(s);
                }}
                aria-label={`Remove: ${s.text}`}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <AddStarter step={step} />
    </section>
  );
}

export function StarterLibrary() {
  const starters = useStarters();
  const [removed, setRemoved] = useState<Starter | null>(null);
  useEffect(() => {
    void ensureStarters();
  }, []);
  return (
    <div className="stack">
      <h1>Sentence starters</h1>
      <p className="muted">These are the one-tap starters in a conference, and the examples on the TAG card.</p>
      {STEPS.map((step) => (
        <Group key={step} step={step} list={(starters ?? []).filter((s) => s.step === step)} onRemoved={setRemoved} />
      ))}
      {removed && (
        <div className="toast" role="status">
          <span>Starter removed.</span>
          <button
            type="button"
            onClick={async () => {
              await restore('starters', removed.id);
              setRemoved(null);
            }}
          >
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
