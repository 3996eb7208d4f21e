// The student-facing view, for projecting: group names and who is in each, large. Nothing the teacher sees about
// needs, focus, kind or locks appears here.
import { useRef } from 'react';
import { Link } from 'react-router';
import { projectedNames } from '../../domain/groupSetup';
import { useGroupsData } from './reads';

export function Projection({ classId }: { classId: string }) {
  const data = useGroupsData(classId);
  const ref = useRef<HTMLDivElement>(null);
  if (!data) return null;
  const names = projectedNames(data.students);
  const groups = data.groups.map((g) => ({ id: g.id, name: g.name, members: g.memberIds.filter((m) => names.has(m)) })).filter((g) => g.members.length > 0);
  return (
    <div className="groups-show" ref={ref}>
      <div className="row no-print groups-show-tools">
        <Link to="/groups" className="button">
          Back to builder
        </Link>
        {typeof document !== 'undefined' && document.fullscreenEnabled && (
          <button type="button" onClick={() => void (document.fullscreenElement ? document.exitFullscreen() : ref.current?.requestFullscreen())}>
            Full screen
          </button>
        )}
      </div>
      <h1 className="groups-show-title">Our groups today</h1>
      {groups.length === 0 ? (
        <p className="groups-show-empty">Everyone is writing on their own.</p>
      ) : (
        <ul className="groups-show-list">
          {groups.map((g) => (
            <li key={g.id} className="groups-show-card">
              <h2>{g.name}</h2>
              <ul aria-label={g.name}>
                {g.members.map((m) => (
                  <li key={m}>{names.get(m)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
