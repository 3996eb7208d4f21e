// Drag sensors for the builder: a finger drags after a short press (so a swipe still scrolls the page), a mouse or pen
// after a small movement. Touch is left to the TouchSensor: a pointer-based touch drag would fight the page scroll.
import { PointerSensor, TouchSensor, useSensor, useSensors, type Announcements, type ScreenReaderInstructions } from '@dnd-kit/core';
import type { PointerEvent } from 'react';

export class MousePenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent }: PointerEvent) => nativeEvent.pointerType !== 'touch' && nativeEvent.isPrimary && nativeEvent.button === 0,
    },
  ];
}

export function useBuilderSensors() {
  return useSensors(useSensor(MousePenSensor, { activationConstraint: { distance: 8 } }), useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }));
}

export const STUDENT_PREFIX = 'stu:';
export const COLUMN_PREFIX = 'col:';
export const INDEPENDENT = 'independent';

export const studentDragId = (id: string) => `${STUDENT_PREFIX}${id}`;
export const columnDropId = (groupId: string | null) => `${COLUMN_PREFIX}${groupId ?? INDEPENDENT}`;

/** The group id a drop target stands for (null: independent writing), or undefined for anything else. */
export function groupOfDrop(id: string | number | undefined | null): string | null | undefined {
  if (typeof id !== 'string' || !id.startsWith(COLUMN_PREFIX)) return undefined;
  const rest = id.slice(COLUMN_PREFIX.length);
  return rest === INDEPENDENT ? null : rest;
}

export function studentOfDrag(id: string | number): string | null {
  return typeof id === 'string' && id.startsWith(STUDENT_PREFIX) ? id.slice(STUDENT_PREFIX.length) : null;
}

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable: 'To move this student without dragging, activate the name, then choose "Move here" on a group or on Independent writing.',
};

export function makeAnnouncements(studentName: (id: string) => string, columnName: (group: string | null) => string): Announcements {
  const who = (id: string | number) => studentName(studentOfDrag(id) ?? '');
  const where = (id: string | number | undefined) => {
    const g = groupOfDrop(id);
    return g === undefined ? 'no group' : columnName(g);
  };
  return {
    onDragStart: ({ active }) => `Picked up ${who(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${who(active.id)} is over ${where(over.id)}.` : `${who(active.id)} is no longer over a group.`),
    onDragEnd: ({ active, over }) => (over ? `${who(active.id)} was moved to ${where(over.id)}.` : `${who(active.id)} was put back.`),
    onDragCancel: ({ active }) => `Moving ${who(active.id)} was cancelled; ${who(active.id)} was put back.`,
  };
}
