// The class at a glance: what to teach next, the heatmap of writers x traits (tap a cell for its evidence) and the
// trend over the last weeks.
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { levelKey, studentSeries } from '../../domain/growth';
import { displayName } from '../../domain/names';
import { useNow } from '../../ui/useNow';
import { EvidencePanel } from './EvidencePanel';
import { Heatmap } from './Heatmap';
import { useClassGrowth, useStudentGrowth } from './reads';
import { TeachNextCard } from './TeachNextCard';
import { WeeklyTrend } from './WeeklyTrend';

const HOUR = 3_600_000;

function CellEvidence({ classId, studentId, trait, onClose }: { classId: string; studentId: string; trait: string; onClose: () => void }) {
  const data = useStudentGrowth(classId, studentId);
  if (!data?.student) return null;
  const name = displayName(data.student);
  return (
    <section className="card growth-cell-detail" aria-labelledby="cell-detail-h">
      <h2 id="cell-detail-h" tabIndex={-1} ref={(el) => el?.focus()}>
        {name}: {trait}
      </h2>
      <div className="row">
        <Link className="button" to={`/growth/student/${studentId}`}>
          {name}'s growth
        </Link>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <EvidencePanel trait={trait} series={studentSeries(data.evidence, studentId).get(trait) ?? []} notes={data.notes} names={data.levelNames} lookups={data.lookups} objectiveTrait={data.lookups.objectiveTrait} />
    </section>
  );
}

export function ClassGrowthScreen({ classId }: { classId: string }) {
  // The trend's four-week window moves by the hour, not on every minute's tick.
  const now = Math.floor(useNow() / HOUR) * HOUR + HOUR;
  const data = useClassGrowth(classId, now);
  const navigate = useNavigate();
  const [picked, setPicked] = useState<{ studentId: string; trait: string } | null>(null);
  const onPick = useCallback((studentId: string, trait: string) => setPicked({ studentId, trait }), []);
  if (!data) return null;
  return (
    <div className="stack growth-class">
      <h1>Growth</h1>
      <TeachNextCard classId={classId} next={data.next} students={data.students} names={data.levelNames} onLesson={(trait) => navigate(`/growth/goals?trait=${encodeURIComponent(trait)}`)} />
      <Link className="button" to="/growth/goals">
        Goals and strategies
      </Link>
      {picked && data.cells.has(levelKey(picked.studentId, picked.trait)) && <CellEvidence classId={classId} studentId={picked.studentId} trait={picked.trait} onClose={() => setPicked(null)} />}
      {data.traits.length === 0 ? (
        <p className="muted">No evidence yet. Marks on the checklist for objectives with a trait, and ratings on a student's growth page, fill this in.</p>
      ) : (
        <>
          <h2>The class at a glance</h2>
          <Heatmap students={data.students} traits={data.traits} cells={data.cells} names={data.levelNames} onPick={onPick} />
          <WeeklyTrend timelines={data.timelines} traits={data.traits} names={data.levelNames} total={data.students.length} now={now} />
        </>
      )}
      <h2>Writers</h2>
      <ul className="plain growth-writer-links">
        {data.students.map((s) => (
          <li key={s.id}>
            <Link className="button" to={`/growth/student/${s.id}`}>
              {displayName(s)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
