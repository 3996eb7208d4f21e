// Everything about one student, in time order: a few small sections so other features can add theirs
// (the conferences feature adds a goals panel here).
import { useParams } from 'react-router';
import { Link } from 'react-router';
import { StudentHeader } from './StudentHeader';
import { OpenNeedsSection } from './OpenNeedsSection';
import { TimelineSection } from './TimelineSection';
import { useStudentRecord } from './useStudentPage';
import { StudentGoals } from '../conferences/StudentGoals';

export function StudentPage() {
  const { studentId = '' } = useParams();
  const record = useStudentRecord(studentId);
  if (record && !record.student)
    return (
      <p className="card">
        This student is not on this device. <Link to="/clipboard">Back to the checklist</Link>
      </p>
    );
  // The timeline mounts with the page, before the student's record arrives, so its reads start at once.
  return (
    <div className="stack clip-student">
      {record?.student && (
        <>
          <StudentHeader student={record.student} seenAt={record.seenAt} />
          <OpenNeedsSection student={record.student} lookups={record.lookups} />
          <StudentGoals studentId={record.student.id} />
        </>
      )}
      <TimelineSection studentId={studentId} lookups={record?.lookups ?? null} />
    </div>
  );
}
