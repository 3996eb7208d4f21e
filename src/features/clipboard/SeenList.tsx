// "Not seen lately": the class, longest-unobserved first, so attention is shared fairly.
import { db } from '../../db/db';
import { useLiveQueryFor } from '../../db/live';
import { Link } from 'react-router';
import { useCurrentClass } from '../../session/useCurrentClass';
import { displayName } from '../../domain/names';
import { daysSince, seenBand, seenText } from '../../domain/marks';
import { ClipboardNav } from './ClipboardNav';
import { classStudents, lastSeen } from './reads';
import { SeenLegend } from './SeenLegend';

export function SeenList() {
  const { current } = useCurrentClass();
  const rows = useLiveQueryFor(current?.id, async () => {
    if (!current) return [];
    const students = await classStudents(db, current.id);
    const seen = await lastSeen(db, students.map((s) => s.id));
    const now = Date.now();
    return students
      .map((s) => {
        const at = seen.get(s.id);
        return { s, days: at === undefined ? null : daysSince(at, now) };
      })
      .sort((a, b) => (b.days ?? Infinity) - (a.days ?? Infinity));
  }, []);
  return (
    <div className="stack">
      <div className="clip-top">
        <h1>Not seen lately</h1>
        <ClipboardNav />
      </div>
      <SeenLegend />
      {rows && rows.length === 0 && <p className="muted">No students in this class yet.</p>}
      <ul className="list" aria-label="Students by days since last observed">
        {rows?.map(({ s, days }) => (
          <li key={s.id} className={`seen-${seenBand(days)} clip-seen-row`}>
            <Link className="grow clip-name-link" to={`/clipboard/student/${s.id}`}>
              {displayName(s)}
            </Link>
            <span>{seenText(days)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
