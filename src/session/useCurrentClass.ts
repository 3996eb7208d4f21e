// The class the teacher is working with: the remembered one if it still exists, else the first active class.
import { useClasses } from '../db/hooks';
import type { ClassRec } from '../shared/records';
import { useSession } from './sessionStore';

export function useCurrentClass(): { current: ClassRec | null; classes: ClassRec[]; loading: boolean } {
  const classes = useClasses();
  const currentClassId = useSession((s) => s.currentClassId);
  if (!classes) return { current: null, classes: [], loading: true };
  const current = classes.find((c) => c.id === currentClassId) ?? classes[0] ?? null;
  return { current, classes, loading: false };
}
