// The Roster area: the teacher's classes and the students of the current class.
import { ClassList } from './ClassList';
import { StudentList } from './StudentList';
import { AddStudents } from './AddStudents';
import { useCurrentClass } from '../../session/useCurrentClass';
import './roster.css';

export default function RosterArea() {
  const { current } = useCurrentClass();
  return (
    <div className="stack">
      <h1>Roster</h1>
      <ClassList />
      {current && (
        <section aria-labelledby="students-h">
          <h2 id="students-h">Students in {current.name}</h2>
          <AddStudents classId={current.id} className={current.name} />
          <StudentList classId={current.id} />
        </section>
      )}
    </div>
  );
}
