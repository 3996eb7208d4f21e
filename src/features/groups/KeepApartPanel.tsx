// Keep-apart pairs: students the teacher never wants suggested into the same group.
import { useId, useState } from 'react';
import type { KeepApart } from '../../db/types';
import { addKeepApart, removeKeepApart } from './groupActions';

interface Props {
  classId: string;
  students: { id: string; name: string }[];
  pairs: KeepApart[];
}

export function KeepApartPanel({ classId, students, pairs }: Props) {
  const id = useId();
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [error, setError] = useState<string | null>(null);
  const name = (sid: string) => students.find((s) => s.id === sid)?.name ?? 'A former student';
  return (
    <details className="card groups-keepapart">
      <summary>
        <h2 className="groups-inline-h">Keep apart ({pairs.length})</h2>
      </summary>
      <p className="muted">Suggestions never put these two students in the same group.</p>
      <ul className="list" aria-label="Keep-apart pairs">
        {pairs.map((p) => (
          <li key={p.id}>
            <span className="grow">
              {name(p.studentA)} and {name(p.studentB)}
            </span>
            <button type="button" onClick={() => void removeKeepApart(p.id)} aria-label={`Remove the pair ${name(p.studentA)} and ${name(p.studentB)}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!a || !b) return setError('Choose two students.');
          if (a === b) return setError('Choose two different students.');
          if (pairs.some((p) => (p.studentA === a && p.studentB === b) || (p.studentA === b && p.studentB === a))) return setError('These two are already kept apart.');
          await addKeepApart(classId, a, b);
          setA('');
          setB('');
          setError(null);
        }}
      >
        <label className="field">
          <span>First student</span>
          <select value={a} onChange={(e) => setA(e.target.value)} id={`${id}-a`}>
            <option value="">Choose…</option>
            {students.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Second student</span>
          <select value={b} onChange={(e) => setB(e.target.value)} id={`${id}-b`}>
            <option value="">Choose…</option>
            {students.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Keep apart</button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
