// A student in the builder: drag it with a finger or mouse, or tap it to select it for "Move here".
import { useDraggable } from '@dnd-kit/core';
import { studentDragId } from './dnd';

interface Props {
  studentId: string;
  name: string;
  selected: boolean;
  onSelect: (studentId: string) => void;
  /** Shown in a group: whether the student is locked in place, and the toggle. */
  lock?: { locked: boolean; onToggle: () => void };
}

export function StudentChip({ studentId, name, selected, onSelect, lock }: Props) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: studentDragId(studentId) });
  return (
    <li className={`groups-member${isDragging ? ' groups-dragging' : ''}`}>
      <button
        type="button"
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        aria-pressed={selected}
        className={`groups-chip${selected ? ' groups-chip-selected' : ''}`}
        onClick={() => onSelect(studentId)}
        data-student-id={studentId}
      >
        {name}
      </button>
      {lock && (
        <button type="button" className="groups-lock" aria-pressed={lock.locked} onClick={lock.onToggle} aria-label={`Lock ${name}`}>
          Lock
        </button>
      )}
    </li>
  );
}
