// The students of one class in roster order, with rename, move up/down and archive; archived students apart, restorable.
import { useState } from 'react';
import { displayName, useStudents } from '../../db/hooks';
import type { Student } from '../../db/types';
import { InlineRename } from './InlineRename';
import { moveStudent, renameStudent, setStudentArchived } from './rosterActions';

function StudentRow({ s, index, count, classId }: { s: Student; index: number; count: number; classId: string }) {
  const [renaming, setRenaming] = useState(false);
  const name = displayName(s);
  if (renaming) {
    return (
      <li>
        <InlineRename
          title={`Rename ${name}`}
          fields={[
            { label: 'First name', value: s.firstName, required: true },
            { label: 'Last name', value: s.lastName },
          ]}
          onSave={([firstName, lastName]) => renameStudent(s.id, { firstName: firstName ?? s.firstName, lastName: lastName ?? '' })}
          onClose={() => setRenaming(false)}
        />
      </li>
    );
  }
  return (
    <li>
      <span className="grow roster-name">{name}</span>
      <span className="roster-actions">
        <button type="button" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => void moveStudent(classId, s.id, -1)}>
          <span aria-hidden="true">↑</span> Up
        </button>
        <button type="button" aria-label={`Move ${name} down`} disabled={index === count - 1} onClick={() => void moveStudent(classId, s.id, 1)}>
          <span aria-hidden="true">↓</span> Down
        </button>
        <button type="button" aria-label={`Rename ${name}`} onClick={() => setRenaming(true)}>
          Rename
        </button>
        <button type="button" aria-label={`Archive ${name}`} onClick={() => void setStudentArchived(s.id, true)}>
          Archive
        </button>
      </span>
    </li>
  );
}

export function StudentList({ classId }: { classId: string }) {
  const students = useStudents(classId, true);
  if (!students) return null;
  const active = students.filter((s) => !s.archived);
  const archived = students.filter((s) => s.archived);
  return (
    <>
      {active.length === 0 ? (
        <p className="muted">No students yet: add them above.</p>
      ) : (
        <ul className="list roster-students" aria-label="Students">
          {active.map((s, i) => (
            <StudentRow key={s.id} s={s} index={i} count={active.length} classId={classId} />
          ))}
        </ul>
      )}
      {archived.length > 0 && (
        <section className="card" aria-labelledby="archived-students-h">
          <h3 id="archived-students-h">Archived students</h3>
          <p className="muted">Their marks and notes are kept; they are left out of lists and groups until restored.</p>
          <ul className="list" aria-label="Archived students">
            {archived.map((s) => (
              <li key={s.id}>
                <span className="grow">{displayName(s)}</span>
                <button type="button" aria-label={`Restore ${displayName(s)}`} onClick={() => void setStudentArchived(s.id, false)}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
