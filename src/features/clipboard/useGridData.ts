// The grid's live data: students and objectives, and the piece's cell states (re-read from tap keys on each tap).
// The class's last-seen times are one query (one read transaction) for the whole grid, not one per row.
import { db } from '../../db/db';
import { useLiveQueryFor } from '../../db/live';
import { useMemo } from 'react';
import type { Objective, Student } from '../../shared/records';
import { countMarks, type MarkLike, type Tally } from '../../domain/marks';
import { classStudents, lastSeen, pieceLatest, pieceObjectives } from './reads';

export interface GridData {
  students: Student[];
  objectives: Objective[];
  latest: Map<string, MarkLike>;
  byObjective: Map<string, Tally>;
  byStudent: Map<string, Tally>;
}

export function useGridData(classId: string, pieceId: string): GridData | undefined {
  const base = useLiveQueryFor(
    `${classId} ${pieceId}`,
    async () => {
      const [students, objectives] = await Promise.all([classStudents(db, classId), pieceObjectives(db, pieceId)]);
      return { students, objectives };
    },
    [],
  );
  const latest = useLiveQueryFor(pieceId, () => pieceLatest(db, pieceId), []);
  const objectives = base?.objectives;
  const derived = useMemo(() => {
    if (!latest || !objectives) return undefined;
    // Taps on an objective since removed from the piece stay in history but not in the counts.
    const live = new Set(objectives.map((o) => o.id));
    return { latest, ...countMarks([...latest.values()].filter((m) => live.has(m.objectiveId))) };
  }, [latest, objectives]);
  if (!base || !derived) return undefined;
  return { ...base, ...derived };
}

/** When each of a class's students was last observed (absent if never); undefined while loading. Keyed by the class
 * rather than the grid's student list, so it starts alongside the grid's other reads instead of after them. */
export function useClassLastSeen(classId: string): Map<string, number> | undefined {
  return useLiveQueryFor(classId, async () => lastSeen(db, (await classStudents(db, classId)).map((s) => s.id)), []);
}
