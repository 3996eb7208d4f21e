// The students of one class in roster order, with rename, move up/down (or drag by the handle) and archive; archived
// students apart, restorable.
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useStudents } from '../../db/hooks';
import { displayName } from '../../domain/names';
import type { Student } from '../../shared/records';
import { InlineRename } from './InlineRename';
import { moveStudent, moveStudentTo, renameStudent, setStudentArchived } from './rosterActions';

interface Drag {
  id: string;
  from: number;
  to: number;
  dy: number;
}

interface RowProps {
  s: Student;
  index: number;
  count: number;
  classId: string;
  drag: Drag | null;
  onHandleDown: (e: ReactPointerEvent<HTMLElement>, id: string, index: number) => void;
}

function StudentRow({ s, index, count, classId, drag, onHandleDown }: RowProps) {
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
  const dragging = drag?.id === s.id;
  const target = drag && !dragging && drag.to === index ? (drag.to < drag.from ? ' roster-drop-before' : ' roster-drop-after') : '';
  return (
    <li className={`${dragging ? 'roster-dragging' : ''}${target}`} style={dragging ? { transform: `translateY(${drag.dy}px)` } : undefined}>
      {/* A pointer-only handle: keyboards and screen readers use Up and Down, so it is hidden from them. */}
      <span className="roster-handle" aria-hidden="true" onPointerDown={(e) => onHandleDown(e, s.id, index)}>
        ⠿
      </span>
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
  const listRef = useRef<HTMLUListElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  if (!students) return null;
  const active = students.filter((s) => !s.archived);
  const archived = students.filter((s) => s.archived);

  // The handle takes the pointer (touch-action: none), so a finger on it drags while a swipe elsewhere still scrolls.
  const onHandleDown = (e: ReactPointerEvent<HTMLElement>, id: string, from: number) => {
    if (!e.isPrimary || e.button !== 0 || !listRef.current) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture?.(e.pointerId);
    const rows = [...listRef.current.children].map((li) => li.getBoundingClientRect());
    const startY = e.clientY;
    const centre = rows[from]!.top + rows[from]!.height / 2;
    let state: Drag = { id, from, to: from, dy: 0 };
    setDrag(state);
    const move = (ev: PointerEvent) => {
      const dy = ev.clientY - startY;
      const y = centre + dy;
      const found = rows.findIndex((r) => y < r.bottom);
      state = { ...state, dy, to: found < 0 ? rows.length - 1 : found };
      setDrag(state);
    };
    const end = (ev: PointerEvent) => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
      setDrag(null);
      if (ev.type === 'pointerup' && state.to !== from) void moveStudentTo(classId, id, state.to);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };

  return (
    <>
      {active.length === 0 ? (
        <p className="muted">No students yet: add them above.</p>
      ) : (
        <ul ref={listRef} className="list roster-students" aria-label="Students">
          {active.map((s, i) => (
            <StudentRow key={s.id} s={s} index={i} count={active.length} classId={classId} drag={drag} onHandleDown={onHandleDown} />
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
