// Starts a piece: title, genre and start date, with its first objectives from the genre's checklist or an earlier piece.
import { db } from '../../db/db';
import { SelectField } from '../../ui/SelectField';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCurrentClass } from '../../session/useCurrentClass';
import { GENRES, OBJECTIVE_LIBRARY } from '../../domain/objectiveLibrary';
import { useChosenPieces } from '../../session/chosenPiece';
import { createPiece, pieceProblem, type ObjectiveDraft } from './pieceActions';
import { pieceObjectives } from './reads';
import { usePieces } from './usePieces';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function NewPiece() {
  const { current } = useCurrentClass();
  const pieces = usePieces(current?.id);
  const setPiece = useChosenPieces((s) => s.setPiece);
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [genre, setGenre] = useState('narrative');
  const [startDate, setStartDate] = useState(today);
  const [from, setFrom] = useState('checklist');
  const [error, setError] = useState<string | null>(null);
  if (!current) return null;
  const checklist = OBJECTIVE_LIBRARY.find((s) => s.genre === genre);
  return (
    <form
      className="stack card"
      onSubmit={async (e) => {
        e.preventDefault();
        const problem = pieceProblem({ title, startDate });
        setError(problem);
        if (problem) return;
        let objectives: ObjectiveDraft[] = [];
        if (from === 'checklist' && checklist) objectives = checklist.objectives.map((o) => ({ text: o.text, trait: o.trait }));
        else if (from.startsWith('piece:')) objectives = (await pieceObjectives(db, from.slice(6))).map((o) => ({ text: o.text, trait: o.trait }));
        const id = await createPiece({ classId: current.id, title, genre, startDate }, objectives);
        setPiece(current.id, id);
        navigate(`/clipboard/pieces/${id}`, { replace: true });
      }}
    >
      <h1>New piece</h1>
      <label className="field">
        <span>Title</span>
        <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={error ? true : undefined} />
      </label>
      <SelectField label="Genre" value={genre} choices={GENRES} onChange={setGenre} />
      <label className="field">
        <span>Start date</span>
        <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
      </label>
      <label className="field">
        <span>Start with objectives from</span>
        <select value={from} onChange={(e) => setFrom(e.target.value)}>
          {checklist && <option value="checklist">The {checklist.title.toLowerCase()}</option>}
          {pieces?.map((p) => (
            <option key={p.id} value={`piece:${p.id}`}>
              Copy from "{p.title}"
            </option>
          ))}
          <option value="none">Nothing: I will choose them next</option>
        </select>
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary">
          Create piece
        </button>
        <button type="button" onClick={() => navigate(-1)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
