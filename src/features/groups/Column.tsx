// One drop target of the builder (a group, or Independent writing): its heading, members and a "Move here" button
// while a student is selected elsewhere, so every move can be made without dragging.
import { useDroppable } from '@dnd-kit/core';
import { useId, type ReactNode } from 'react';
import { columnDropId } from './dnd';

interface Props {
  groupId: string | null;
  title: string;
  /** Under the heading: the group's focus and kind, or a hint. */
  subtitle?: ReactNode;
  /** The selected student, when it is not already here. */
  movable: { name: string; onMove: () => void } | null;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
}

export function Column({ groupId, title, subtitle, movable, children, footer, className }: Props) {
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(groupId) });
  return (
    <section ref={setNodeRef} aria-labelledby={headingId} className={`groups-column${isOver ? ' groups-over' : ''}${className ? ` ${className}` : ''}`} data-column={groupId ?? 'independent'}>
      <h2 id={headingId} className="groups-column-title">
        {title}
      </h2>
      {subtitle}
      {movable && (
        <button type="button" className="groups-move-here" onClick={movable.onMove}>
          Move {movable.name} here
        </button>
      )}
      {children}
      {footer}
    </section>
  );
}
