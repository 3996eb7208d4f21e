// The clipboard's home: pick the piece and today's lens, then mark the checklist while circulating.
import { db } from '../../db/db';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useCurrentClass } from '../../session/useCurrentClass';
import { update } from '../../db/write';
import { ChecklistGrid } from './ChecklistGrid';
import { ClipboardNav } from './ClipboardNav';
import { newNote } from './noteActions';
import { PieceSelect } from './PieceSelect';
import { useCurrentPiece } from './usePieces';
import { useLiveQueryFor } from '../../db/live';
import { pieceObjectives } from './reads';
import { Link } from 'react-router';

export function GridScreen() {
  const { current } = useCurrentClass();
  const { piece, pieces, choose } = useCurrentPiece(current?.id);
  const navigate = useNavigate();
  const objectives = useLiveQueryFor(piece?.id, async () => (piece ? pieceObjectives(db, piece.id) : []), []);
  const classId = current?.id;
  const pieceId = piece?.id;
  const onNote = useCallback(
    async (studentId: string) => {
      if (!classId) return;
      const id = await newNote(classId, studentId, pieceId ?? null);
      navigate(`/clipboard/note/${id}`);
    },
    [classId, pieceId, navigate],
  );
  if (!current) return null;
  return (
    <div className="stack">
      <div className="clip-top">
        <h1>Clipboard</h1>
        <ClipboardNav />
      </div>
      {pieces && pieces.length === 0 && (
        <div className="card">
          <p>Start a writing piece to get its checklist: its title, genre and the objectives you will observe.</p>
          <Link className="button primary" to="/clipboard/pieces/new">
            New piece
          </Link>
        </div>
      )}
      {piece && (
        <>
          <div className="row clip-toolbar">
            <PieceSelect pieces={pieces ?? []} value={piece.id} onChange={choose} />
            <label className="field">
              <span>Lens (today's focus)</span>
              <select value={piece.lensObjectiveId ?? ''} onChange={(e) => void update('pieces', piece.id, { lensObjectiveId: e.target.value || null })}>
                <option value="">No lens</option>
                {objectives?.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.text}
                  </option>
                ))}
              </select>
            </label>
            <Link className="button" to={`/clipboard/pieces/${piece.id}`}>
              Edit piece
            </Link>
          </div>
          <ChecklistGrid
            classId={current.id}
            pieceId={piece.id}
            lensObjectiveId={piece.lensObjectiveId}
            onNote={onNote}
          />
        </>
      )}
    </div>
  );
}
