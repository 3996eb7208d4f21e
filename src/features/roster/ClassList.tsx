// Create, choose, rename and archive classes (sections); archived classes are listed apart and can be restored.
import { useState } from 'react';
import { useSession } from '../../session/sessionStore';
import { useCurrentClass } from '../../session/useCurrentClass';
import { useClasses } from '../../db/hooks';
import { createClass, renameClass, setClassArchived } from './rosterActions';
import { InlineRename } from './InlineRename';

export function ClassList() {
  const all = useClasses(true);
  const { current } = useCurrentClass();
  const setCurrentClass = useSession((s) => s.setCurrentClass);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const active = all?.filter((c) => !c.archived) ?? [];
  const archived = all?.filter((c) => c.archived) ?? [];
  return (
    <section className="card" aria-labelledby="classes-h">
      <h2 id="classes-h">Classes</h2>
      {all && active.length === 0 && <p className="muted">Start by naming your class, for example "Room 12" or "Period 3".</p>}
      <ul className="list" aria-label="Classes">
        {active.map((c) => (
          <li key={c.id}>
            {renaming === c.id ? (
              <InlineRename
                title={`Rename ${c.name}`}
                fields={[{ label: 'Class name', value: c.name, required: true }]}
                onSave={([n]) => renameClass(c.id, n ?? c.name)}
                onClose={() => setRenaming(null)}
              />
            ) : (
              <>
                <span className="grow">
                  {c.name}
                  {current?.id === c.id && <span className="roster-badge"> (open)</span>}
                </span>
                {current?.id !== c.id && (
                  <button type="button" onClick={() => setCurrentClass(c.id)} aria-label={`Open ${c.name}`}>
                    Open
                  </button>
                )}
                <button type="button" onClick={() => setRenaming(c.id)} aria-label={`Rename ${c.name}`}>
                  Rename
                </button>
                <button type="button" onClick={() => void setClassArchived(c.id, true)} aria-label={`Archive ${c.name}`}>
                  Archive
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form
        className="row roster-add-class"
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
      {archived.length > 0 && (
        <section aria-labelledby="archived-classes-h">
          <h3 id="archived-classes-h">Archived classes</h3>
          <p className="muted">Their students, marks and notes are kept. Restore a class to use it again.</p>
          <ul className="list" aria-label="Archived classes">
            {archived.map((c) => (
              <li key={c.id}>
                <span className="grow">{c.name}</span>
                <button type="button" onClick={() => void setClassArchived(c.id, false)} aria-label={`Restore ${c.name}`}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
