// The goal library: goals per trait, each with its teaching strategies and prompts (the plan for a mini lesson or a
// conference's teaching point), and the teacher's own goals added here.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LIBRARY_TRAITS, type LibraryGoalLike } from '../../domain/goalLibrary';
import { addLibraryGoal, GoalInputError, removeLibraryGoal } from './libraryActions';
import { useLibrary } from './libraryReads';

export function GoalCard({ goal }: { goal: LibraryGoalLike }) {
  return (
    <>
      <h3>{goal.text}</h3>
      <p className="muted">Strategies to teach</p>
      <ul>
        {goal.strategies.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      {goal.prompts.length > 0 && (
        <>
          <p className="muted">Prompts</p>
          <ul>
            {goal.prompts.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function AddGoal({ trait }: { trait: string }) {
  const [text, setText] = useState('');
  const [strategies, setStrategies] = useState('');
  const [prompts, setPrompts] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="card stack"
      aria-labelledby="add-goal-h"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await addLibraryGoal({ trait, text, strategies, prompts });
          setText('');
          setStrategies('');
          setPrompts('');
          setError(null);
        } catch (err) {
          if (err instanceof GoalInputError) setError(err.message);
          else throw err;
        }
      }}
    >
      <h2 id="add-goal-h">Add your own {trait} goal</h2>
      <label className="field">
        <span>Goal</span>
        <input type="text" value={text} onChange={(e) => setText(e.target.value)} placeholder="I can..." />
      </label>
      <label className="field">
        <span>Teaching strategies, one per line</span>
        <textarea rows={3} value={strategies} onChange={(e) => setStrategies(e.target.value)} />
      </label>
      <label className="field">
        <span>Prompts, one per line</span>
        <textarea rows={2} value={prompts} onChange={(e) => setPrompts(e.target.value)} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        Add goal
      </button>
    </form>
  );
}

export function GoalLibraryScreen() {
  const [params, setParams] = useSearchParams();
  const library = useLibrary();
  if (!library) return null;
  const traits = [...library.keys()];
  const trait = params.get('trait') && traits.includes(params.get('trait')!) ? params.get('trait')! : (LIBRARY_TRAITS[0] ?? '');
  return (
    <div className="stack growth-library">
      <h1>Goals and strategies</h1>
      <Link className="button" to="/growth">
        Class at a glance
      </Link>
      <label className="field">
        <span>Trait</span>
        <select value={trait} onChange={(e) => setParams({ trait: e.target.value }, { replace: true })}>
          {traits.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <ul className="plain stack">
        {(library.get(trait) ?? []).map((g) => (
          <li key={g.id} className="card">
            <GoalCard goal={g} />
            {!g.builtIn && (
              <button type="button" onClick={() => void removeLibraryGoal(g.id)}>
                Remove this goal
              </button>
            )}
          </li>
        ))}
      </ul>
      <AddGoal trait={trait} />
    </div>
  );
}
