// What this student still needs on the current piece: objectives marked X with no check since.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Student } from '../../db/types';
import { openNeeds } from '../../domain/marks';
import { useClipboardData } from './dataContext';
import { studentMarksSince } from './queries';
import { useCurrentPiece } from './usePieces';
import type { Lookups } from './useStudentPage';

export function OpenNeedsSection({ student, lookups }: { student: Student; lookups: Lookups }) {
  const { db } = useClipboardData();
  const { piece } = useCurrentPiece(student.classId);
  const since = piece ? new Date(`${piece.startDate}T00:00:00`).getTime() : null;
  const result = useLiveQuery(async () => {
    if (!piece || since === null || Number.isNaN(since)) return null;
    const marks = (await studentMarksSince(db, student.id, since)).filter((m) => m.pieceId === piece.id);
    return { pieceId: piece.id, needs: openNeeds(marks).get(student.id) ?? [] };
  }, [db, student.id, piece?.id, since]);
  // Until the answer for this piece arrives, show nothing rather than a stale or empty list.
  if (!piece || result?.pieceId !== piece.id) return null;
  const needs = result.needs;
  return (
    <section className="card" aria-labelledby="needs-h">
      <h2 id="needs-h">Needs support now ({piece.title})</h2>
      {needs.length === 0 ? (
        <p className="muted">Nothing marked X on this piece without a check since.</p>
      ) : (
        <ul>
          {needs.map((id) => (
            <li key={id}>{lookups.objectives.get(id)?.text ?? 'An objective since removed'}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
