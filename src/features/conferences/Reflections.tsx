// End-of-lesson reflection, one per class and day: what was hard or frustrating for students, and what went well.
// Today's is written here as typed; earlier days stay readable below.
import { formatWhen } from '../../ui/dates';
import { useEffect, useState } from 'react';
import type { ClassRec } from '../../shared/records';
import { localDate } from '../../domain/conferences';
import { AutosaveField } from '../../ui/AutosaveField';
import { ensureReflection } from './conferenceActions';
import { useReflections } from './reads';

export const HARD_Q = 'What was hard or frustrating for students?';
export const WELL_Q = 'What went well?';

function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return formatWhen(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1), { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
}

export function Reflections({ cls }: { cls: ClassRec }) {
  const [id, setId] = useState<string | null>(null);
  const [today] = useState(() => localDate(Date.now()));
  const all = useReflections(cls.id);
  useEffect(() => {
    void ensureReflection(cls.id).then(setId);
  }, [cls.id]);
  const todays = all?.find((r) => r.id === id);
  const past = (all ?? []).filter((r) => r.date !== today && (r.hard.trim() || r.wentWell.trim()));
  return (
    <div className="stack">
      <h1>Reflections</h1>
      <section className="card" aria-labelledby="refl-today-h">
        <h2 id="refl-today-h">Today, {longDate(today)}</h2>
        {todays && (
          <>
            <AutosaveField multiline table="reflections" recordId={todays.id} field="hard" value={todays.hard} label={HARD_Q} rows={3} />
            <AutosaveField multiline table="reflections" recordId={todays.id} field="wentWell" value={todays.wentWell} label={WELL_Q} rows={3} />
            <p className="muted">Saved as you type.</p>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="refl-past-h">
        <h2 id="refl-past-h">Earlier days</h2>
        {past.length === 0 ? (
          <p className="muted">Nothing yet: earlier reflections will show here.</p>
        ) : (
          <ul className="list refl-list">
            {past.map((r) => (
              <li key={r.id}>
                <article className="grow" aria-labelledby={`refl-${r.id}`}>
                  <h3 id={`refl-${r.id}`} className="conf-h3">
                    {longDate(r.date)}
                  </h3>
                  <dl className="refl-dl">
                    <dt>{HARD_Q}</dt>
                    <dd>{r.hard.trim() || '—'}</dd>
                    <dt>{WELL_Q}</dt>
                    <dd>{r.wentWell.trim() || '—'}</dd>
                  </dl>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
