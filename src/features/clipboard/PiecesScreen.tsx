// The class's writing pieces: open one's checklist, edit it, or start a new one.
import { Link, useNavigate } from 'react-router';
import { useCurrentClass } from '../../session/useCurrentClass';
import { useChosenPieces } from '../../session/chosenPiece';
import { ClipboardNav } from './ClipboardNav';
import { usePieces } from './usePieces';

export function PiecesScreen() {
  const { current } = useCurrentClass();
  const pieces = usePieces(current?.id);
  const setPiece = useChosenPieces((s) => s.setPiece);
  const navigate = useNavigate();
  if (!current) return null;
  return (
    <div className="stack">
      <div className="clip-top">
        <h1>Pieces</h1>
        <ClipboardNav />
      </div>
      <Link className="button primary clip-self-start" to="/clipboard/pieces/new">
        New piece
      </Link>
      {pieces && pieces.length === 0 && <p className="muted">No pieces yet.</p>}
      <ul className="list" aria-label="Pieces">
        {pieces?.map((p) => (
          <li key={p.id}>
            <span className="grow">
              {p.title} <span className="muted">· {p.genre} · started {p.startDate}</span>
            </span>
            <button
              type="button"
              aria-label={`Open checklist for ${p.title}`}
              onClick={() => {
                setPiece(current.id, p.id);
                navigate('/clipboard');
              }}
            >
              Checklist
            </button>
            <Link className="button" to={`/clipboard/pieces/${p.id}`} aria-label={`Edit ${p.title}`}>
              Edit
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
