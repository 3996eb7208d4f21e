// How often each student was pulled into a group, and for what, over the last weeks; and the sessions themselves.
// Groups come and go; their sessions stay here and on each student's page.
import { formatWhen } from '../../ui/dates';
import { useLiveQueryFor } from '../../db/live';
import { useId, useMemo, useState } from 'react';
import { db } from '../../db/db';
import { displayName } from '../../domain/names';
import { pullHistory, WEEK_MS } from '../../domain/pulls';
import { useGroupsData } from './reads';
import { GroupsNav } from './GroupsNav';

const WINDOWS = [2, 4, 6] as const;

export function History({ classId }: { classId: string }) {
  const id = useId();
  const data = useGroupsData(classId);
  const [weeks, setWeeks] = useState<number>(2);
  const [now] = useState(() => Date.now());
  const groupNames = useLiveQueryFor(classId, async () => new Map((await db.groups.where('classId').equals(classId).toArray()).map((g) => [g.id, g.name])), []);
  const objectiveText = useLiveQueryFor(classId, async () => new Map((await db.objectives.where('classId').equals(classId).toArray()).map((o) => [o.id, o.text])), []);
  const rows = useMemo(() => (data ? pullHistory(data.sessions, data.students.map((s) => s.id), now, weeks) : []), [data, now, weeks]);
  if (!data || !groupNames || !objectiveText) return null;
  const names = new Map(data.students.map((s) => [s.id, displayName(s)]));
  const focusText = (o: string | null) => (o ? (objectiveText.get(o) ?? 'A removed objective') : 'No focus');
  const since = now - weeks * WEEK_MS;
  const sessions = data.sessions.filter((s) => s.at >= since);
  const dateText = (ms: number) => formatWhen(ms, { weekday: 'short', month: 'short', day: 'numeric' });
  return (
    <div className="stack groups-history">
      <div className="row groups-head">
        <h1 className="grow">Group history</h1>
        <GroupsNav />
      </div>
      <div className="field groups-window">
        <label htmlFor={`${id}-weeks`}>Over the last</label>
        <select id={`${id}-weeks`} value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
          {WINDOWS.map((w) => (
            <option key={w} value={w}>
              {w} weeks
            </option>
          ))}
        </select>
      </div>
      <div className="groups-table-wrap">
        <table className="groups-table">
          <caption className="visually-hidden">Times each student was pulled into a group in the last {weeks} weeks</caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Times pulled</th>
              <th scope="col">For</th>
              <th scope="col">Last pulled</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.studentId}>
                <th scope="row">{names.get(r.studentId)}</th>
                <td>{r.count}</td>
                <td>{r.byObjective.length ? r.byObjective.map((b) => `${focusText(b.objectiveId)} (${b.count})`).join('; ') : '—'}</td>
                <td>{r.lastAt === null ? 'Not in the last ' + weeks + ' weeks' : dateText(r.lastAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby={`${id}-sessions`}>
        <h2 id={`${id}-sessions`}>Sessions</h2>
        {sessions.length === 0 && <p className="muted">No group sessions recorded in the last {weeks} weeks.</p>}
        <ul className="list">
          {sessions.map((s) => (
            <li key={s.id}>
              <span className="grow">
                <strong>{dateText(s.at)}</strong> · {groupNames.get(s.groupId) ?? 'A group'} · {focusText(s.focusObjectiveId)} · {s.minutes} min ·{' '}
                {s.attendeeIds.map((a) => names.get(a) ?? 'a former student').join(', ')}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
