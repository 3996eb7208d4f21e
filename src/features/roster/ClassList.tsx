// Create and choose classes (sections).
import { useState } from 'react';
import { useSession } from '../../app/sessionStore';
import { useClasses } from '../../db/hooks';
import { createClass } from './rosterActions';

export function ClassList() {
  const classes = useClasses();
  const setCurrentClass = useSession((s) => s.setCurrentClass);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="classes-h">
      <h2 id="classes-h">Classes</h2>
      {classes && classes.length === 0 && <p className="muted">Start by naming your class, for example "Room 12" or "Period 3".</p>}
      <ul className="list">
        {classes?.map((c) => (
          <li key={c.id}>
            <span className="grow">{c.name}</span>
            <button type="button" onClick={() => setCurrentClass(c.id)} aria-label={`Open ${c.name}`}>
              Open
            </button>
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!name.trim()) {
            setError('Type a name for the class.');
            return;
          }
          const id = await createClass(name);
          setCurrentClass(id);
          setName('');
          setError(null);
        }}
      >
        <label className="field grow">
          <span>New class name</span>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} />
        </label>
        <button type="submit" className="primary">
          Add class
        </button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
