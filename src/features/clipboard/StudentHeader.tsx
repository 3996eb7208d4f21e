// The student page's top: name, days since last observed, and one-tap actions (note, confer).
import { Link, useNavigate } from 'react-router';
import { displayName } from '../../domain/names';
import type { Piece, Student } from '../../shared/records';
import { daysSince, seenBand, seenText } from '../../domain/marks';
import { newNote } from './noteActions';
import { useNow } from '../../ui/useNow';

export function StudentHeader({ student, seenAt, piece }: { student: Student; seenAt: number | null; piece: Piece | null }) {
  const navigate = useNavigate();
  const now = useNow();
  const days = seenAt === null ? null : daysSince(seenAt, now);
  return (
    <div className="stack">
      <h1>{displayName(student)}</h1>
      <p className={`clip-seen seen-${seenBand(days)}`}>
        Last observed: {seenText(days)}
        {days !== null && days > 0 && ` (${days} day${days === 1 ? '' : 's'})`}
      </p>
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={async () => {
            const id = await newNote(student.classId, student.id, piece?.id ?? null);
            navigate(`/clipboard/note/${id}`);
          }}
        >
          New note
        </button>
        <Link className="button" to={`/conferences/new/${student.id}`}>
          Confer
        </Link>
        <Link className="button" to="/clipboard">
          Back to checklist
        </Link>
      </div>
    </div>
  );
}
