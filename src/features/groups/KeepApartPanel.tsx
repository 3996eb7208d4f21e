// Keep-apart pairs: students the teacher never wants suggested into the same group.
import { useState } from 'react';
import { SelectField } from '../../ui/SelectField';
import type { KeepApart } from '../../shared/records';
import { addKeepApart, removeKeepApart } from './groupActions';

interface Props {
  classId: string;
  students: { id: string; name: string }[];
  pairs: KeepApart[];
}

export function KeepApartPanel({ classId, students, pairs }: Props) {
  const choices = students.map((s) => ({ value: s.id, label: s.name }));
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
        <SelectField label="First student" value={a} choices={choices} none="Choose…" onChange={setA} />
        <SelectField label="Second student" value={b} choices={choices} none="Choose…" onChange={setB} />
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
