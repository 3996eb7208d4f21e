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
  if (!record) return null;
  const { student, lookups, seenAt } = record;
  if (!student)
    return (
      <p className="card">
        This student is not on this device. <Link to="/clipboard">Back to the checklist</Link>
      </p>
    );
  return (
    <div className="stack clip-student">
      <StudentHeader student={student} seenAt={seenAt} />
      <OpenNeedsSection student={student} lookups={lookups} />
      <StudentGoals studentId={student.id} />
      <TimelineSection student={student} lookups={lookups} />
    </div>
  );
}
