// The students of one class, in roster order.
import { displayName, useStudents } from '../../db/hooks';

export function StudentList({ classId }: { classId: string }) {
  const students = useStudents(classId);
  if (!students) return null;
  if (students.length === 0) return <p className="muted">No students yet: paste a list above.</p>;
  return (
    <ul className="list" aria-label="Students">
      {students.map((s) => (
        <li key={s.id}>
          <span className="grow">{displayName(s)}</span>
        </li>
      ))}
    </ul>
  );
}
