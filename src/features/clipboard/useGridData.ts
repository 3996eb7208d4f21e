// The grid's live data, in three queries so a tap re-reads only the piece's tap keys and that student's last-seen.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Objective, Student } from '../../db/types';
import { countMarks, type MarkLike, type Tally } from '../../domain/marks';
import { useClipboardData } from './dataContext';
import { classStudents, lastSeen, pieceLatest, pieceObjectives } from './queries';

export interface GridData {
  students: Student[];
  objectives: Objective[];
  latest: Map<string, MarkLike>;
  byObjective: Map<string, Tally>;
  byStudent: Map<string, Tally>;
  seen: Map<string, number>;
}

export function useGridData(classId: string, pieceId: string): GridData | undefined {
  const { db } = useClipboardData();
  const base = useLiveQuery(
    async () => {
      const [students, objectives] = await Promise.all([classStudents(db, classId), pieceObjectives(db, pieceId)]);
      return { students, objectives };
    },
    [db, classId, pieceId],
  );
  const latest = useLiveQuery(() => pieceLatest(db, pieceId), [db, pieceId]);
  const studentKey = base?.students.map((s) => s.id).join(',');
  const seen = useLiveQuery(async () => (studentKey === undefined ? undefined : lastSeen(db, studentKey ? studentKey.split(',') : [])), [db, studentKey]);
  const objectives = base?.objectives;
  const derived = useMemo(() => {
    if (!latest || !objectives) return undefined;
    // Taps on an objective since removed from the piece stay in history but not in the counts.
    const live = new Set(objectives.map((o) => o.id));
    return { latest, ...countMarks([...latest.values()].filter((m) => live.has(m.objectiveId))) };
  }, [latest, objectives]);
  if (!base || !derived || !seen) return undefined;
  return { ...base, ...derived, seen };
}
