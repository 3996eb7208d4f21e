// The Roster area: the teacher's classes and the students of the current class.
import { ClassList } from './ClassList';
import { StudentList } from './StudentList';
import { PasteStudents } from './PasteStudents';
import { useCurrentClass } from '../../app/useCurrentClass';

export default function RosterArea() {
  const { current } = useCurrentClass();
  return (
    <div className="stack">
      <h1>Roster</h1>
      <ClassList />
      {current && (
        <>
          <h2>Students in {current.name}</h2>
          <PasteStudents classId={current.id} />
          <StudentList classId={current.id} />
        </>
      )}
    </div>
  );
}
