// Everything about one student, in time order: a few small sections so other features can add theirs
// (the conferences feature adds a goals panel here).
import { displayName } from '../../domain/names';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { StudentHeader } from './StudentHeader';
import { OpenNeedsSection } from './OpenNeedsSection';
import { TimelineSection, TIMELINE_PAGE } from './TimelineSection';
import type { TimelineFilter } from './reads';
import { useStudentPage } from './useStudentPage';
import { StudentGoals } from '../conferences/StudentGoals';

const ALL: TimelineFilter = { pieceId: null, objectiveId: null };

export function StudentPage() {
  const { studentId = '' } = useParams();
  const [filter, setFilter] = useState<TimelineFilter>(ALL);
  const [limit, setLimit] = useState(TIMELINE_PAGE);
  const page = useStudentPage(studentId, filter, limit);
  // A search result opens here on its record ("notes:<id>"): show older pages until it is on the list.
  const focus = (useLocation().state as { focus?: string } | null)?.focus ?? null;
  const focusShown = !focus || !!page?.timeline.items.some((i) => `${i.kind}s:${i.id}` === focus);
  // Set during render (React's pattern for state that follows data); the length check stops it once per page.
  if (page && !focusShown && page.timeline.more && page.timeline.items.length >= limit) setLimit(limit + TIMELINE_PAGE);
  if (!page) return null;
  if (!page.student)
    return (
      <p className="card">
        This student is not on this device. <Link to="/clipboard">Back to the checklist</Link>
      </p>
    );
  return (
    <div className="stack clip-student">
      <StudentHeader student={page.student} seenAt={page.seenAt} piece={page.piece} />
      <OpenNeedsSection piece={page.piece} needs={page.needs} lookups={page.lookups} />
      <p>
        <Link className="button" to={`/growth/student/${page.student.id}`}>
          Growth along the continuum
        </Link>
      </p>
      <StudentGoals studentId={page.student.id} />
      <TimelineSection
        timeline={page.timeline}
        lookups={page.lookups}
        studentName={displayName(page.student)}
        filter={filter}
        focus={focus}
        onFilter={(f) => {
          setFilter(f);
          setLimit(TIMELINE_PAGE);
        }}
        onMore={() => setLimit((l) => l + TIMELINE_PAGE)}
      />
    </div>
  );
}
