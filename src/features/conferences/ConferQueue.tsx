// "Confer next": the class ordered by days since the teacher last conferred with each student, with open needs,
// the week's coverage and who has not been seen this week.
import { formatWhen } from '../../ui/dates';
import { Link } from 'react-router';
import { useStudents } from '../../db/hooks';
import { displayName } from '../../domain/names';
import type { ClassRec } from '../../shared/records';
import { conferQueue, sinceText, weeklyCoverage } from '../../domain/conferences';
import { openNeeds } from '../../domain/marks';
import { hasArea } from '../../app/areaList';
import { useNow } from '../../ui/useNow';
import { useClassConferences, useClassMarks, useClassObjectives } from './reads';

const MAX_NEEDS = 3;

export function ConferQueue({ cls }: { cls: ClassRec }) {
  const students = useStudents(cls.id);
  const conferences = useClassConferences(cls.id);
  const marks = useClassMarks(cls.id);
  const objectives = useClassObjectives(cls.id);
  const now = useNow();
  if (!students || !conferences || !marks || !objectives) return null;
  const queue = conferQueue(students, conferences, now);
  const coverage = weeklyCoverage(students, conferences, now);
  const needs = openNeeds(marks);
  const objText = new Map(objectives.map((o) => [o.id, o.text]));
  const byId = new Map(students.map((s) => [s.id, s]));
  const hasStudentPage = hasArea('clipboard');
  const recent = [...conferences].sort((a, b) => b.at - a.at).slice(0, 8);

  if (students.length === 0) return <p className="muted">No students in {cls.name} yet: add them in the Roster.</p>;
  return (
    <>
      <section className="card" aria-labelledby="conf-week-h">
        <h2 id="conf-week-h">This week</h2>
        <p className="conf-coverage">
          <strong>
            {coverage.seen} of {coverage.total}
          </strong>{' '}
          conferred with this week
        </p>
        {coverage.notSeen.length > 0 ? (
          <>
            <h3 className="conf-h3">Not yet seen this week</h3>
            <ul className="conf-chips" aria-label="Not yet seen this week">
              {coverage.notSeen.map((s) => (
                <li key={s.id}>
                  <Link className="button" to={`/conferences/new/${s.id}`} aria-label={`Confer with ${displayName(s)}`}>
                    {displayName(s)}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>Everyone has had a conference this week.</p>
        )}
      </section>
      <section className="card" aria-labelledby="conf-next-h">
        <h2 id="conf-next-h">Confer next</h2>
        <ol className="list conf-queue" aria-label="Confer next">
          {queue.map(({ student, days }) => {
            const open = (needs.get(student.id) ?? []).map((id) => objText.get(id)).filter((t): t is string => t !== undefined);
            return (
              <li key={student.id}>
                <div className="grow">
                  <span className="conf-name">{displayName(student)}</span>{' '}
                  <span className="muted">· last conference {sinceText(days)}</span>
                  {open.length > 0 && (
                    <p className="conf-needs">
                      Needs: {open.slice(0, MAX_NEEDS).join('; ')}
                      {open.length > MAX_NEEDS ? ` and ${open.length - MAX_NEEDS} more` : ''}
                    </p>
                  )}
                </div>
                {hasStudentPage && (
                  <Link className="button" to={`/clipboard/student/${student.id}`} aria-label={`${displayName(student)}'s page`}>
                    Page
                  </Link>
                )}
                <Link className="button primary" to={`/conferences/new/${student.id}`} aria-label={`Confer with ${displayName(student)}`}>
                  Confer
                </Link>
              </li>
            );
          })}
        </ol>
      </section>
      {recent.length > 0 && (
        <section className="card" aria-labelledby="conf-recent-h">
          <h2 id="conf-recent-h">Recent conferences</h2>
          <ul className="list" aria-label="Recent conferences">
            {recent.map((c) => {
              const s = byId.get(c.studentId);
              const label = `${s ? displayName(s) : 'Unknown student'}, ${formatWhen(c.at, { weekday: 'short', hour: 'numeric', minute: '2-digit' })}${c.kind === 'peer' ? ' (peer TAG)' : ''}`;
              return (
                <li key={c.id}>
                  <Link className="conf-recent-link" to={`/conferences/${c.id}`}>
                    {label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
