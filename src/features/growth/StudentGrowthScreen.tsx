// A writer's growth along the continuum: every trait over the year (checklist marks, ratings), the goals and
// self-evaluations, and a one-page print for a parent conference.
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { studentSeries } from '../../domain/growth';
import { displayName } from '../../domain/names';
import { useCurrentClass } from '../../session/useCurrentClass';
import { StudentGoals } from '../conferences/StudentGoals';
import { TRAIT_ORDER, useStudentGrowth } from './reads';
import { TraitSection } from './TraitSection';
import { useNow } from '../../ui/useNow';

export function StudentGrowthScreen() {
  const { studentId = '' } = useParams();
  const { current } = useCurrentClass();
  const classId = current?.id ?? '';
  const data = useStudentGrowth(classId, studentId);
  const [extra, setExtra] = useState<string[]>([]);
  const now = useNow();
  const series = useMemo(() => (data ? studentSeries(data.evidence, studentId) : new Map()), [data, studentId]);
  if (!data) return null;
  if (!data.student)
    return (
      <p className="card">
        This student is not in this class on this device. <Link to="/growth">Back to the class</Link>
      </p>
    );
  const name = displayName(data.student);
  const traits = [...data.traits, ...extra.filter((t) => !data.traits.includes(t))];
  const unrated = TRAIT_ORDER.filter((t) => !traits.includes(t));
  const span = { from: data.evidence.reduce((min, e) => Math.min(min, e.at), now - 30 * 86_400_000), to: now };
  return (
    <div className="stack growth-student">
      <h1>Growth: {name}</h1>
      <div className="row">
        <Link className="button" to={`/clipboard/student/${studentId}`}>
          {name}'s page
        </Link>
        <Link className="button" to="/growth">
          Class at a glance
        </Link>
        <Link className="button primary" to={`/print/growth/${studentId}`}>
          Print for a parent conference
        </Link>
      </div>
      {traits.length === 0 && <p className="muted">No evidence yet: marks on the checklist and ratings here will show up as growth.</p>}
      {traits.map((trait) => (
        <TraitSection
          key={trait}
          classId={classId}
          studentId={studentId}
          trait={trait}
          series={series.get(trait) ?? []}
          names={data.levelNames}
          span={span}
          notes={data.notes}
          lookups={data.lookups}
          objectiveTrait={data.lookups.objectiveTrait}
        />
      ))}
      {unrated.length > 0 && (
        <label className="field growth-add-trait">
          <span>Rate another trait</span>
          <select value="" onChange={(e) => e.target.value && setExtra((x) => [...x, e.target.value])}>
            <option value="">Choose a trait…</option>
            {unrated.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      )}
      <StudentGoals studentId={studentId} />
    </div>
  );
}
