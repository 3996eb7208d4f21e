// Edits one piece: its title, genre, start date and lens, and the objectives the checklist shows, in order.
import { db } from '../../db/db';
import { SelectField } from '../../ui/SelectField';
import { useLiveQueryFor } from '../../db/live';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { update } from '../../db/write';
import { GENRES } from '../../domain/objectiveLibrary';
import { AutosaveField } from '../../ui/AutosaveField';
import { LibraryPicker } from './LibraryPicker';
import { addOwnObjective, moveObjective, removeObjective, restoreObjective, setPieceArchived } from './pieceActions';
import { pieceObjectives } from './reads';
import { useUndoToast } from './toast';
import { CopyObjectives } from './CopyObjectives';

export function PieceEditor() {
  const { pieceId = '' } = useParams();
  const piece = useLiveQueryFor(pieceId, async () => (await db.pieces.get(pieceId)) ?? null, []);
  const objectives = useLiveQueryFor(pieceId, () => pieceObjectives(db, pieceId), []);
  const showToast = useUndoToast();
  const [own, setOwn] = useState('');
  const [ownError, setOwnError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  if (piece === undefined || objectives === undefined) return null;
  if (piece === null || piece.deleted) return <p className="card">This piece no longer exists. <Link to="/clipboard/pieces">Back to pieces</Link></p>;
  return (
    <div className="stack">
      <div className="row">
        <h1 className="grow">Piece: {piece.title}</h1>
        <Link className="button primary" to="/clipboard">
          Back to checklist
        </Link>
      </div>
      <section className="card" aria-labelledby="piece-details-h">
        <h2 id="piece-details-h">Details</h2>
        <AutosaveField table="pieces" recordId={piece.id} field="title" value={piece.title} label="Title" />
        <div className="row">
          <SelectField label="Genre" value={piece.genre} choices={GENRES} onChange={(genre) => void update('pieces', piece.id, { genre })} />
          <label className="field">
            <span>Start date</span>
            <input
              type="date"
              defaultValue={piece.startDate}
              onChange={(e) => {
                const v = e.target.value;
                if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return setDateError('Choose a full date.');
                setDateError(null);
                void update('pieces', piece.id, { startDate: v });
              }}
            />
          </label>
          <SelectField
            label="Lens (today's focus)"
            value={piece.lensObjectiveId ?? ''}
            choices={objectives.map((o) => ({ value: o.id, label: o.text }))}
            none="No lens"
            onChange={(v) => void update('pieces', piece.id, { lensObjectiveId: v || null })}
          />
        </div>
        {dateError && (
          <p className="error" role="alert">
            {dateError}
          </p>
        )}
        <button type="button" onClick={() => void setPieceArchived(piece.id, !piece.archived)}>
          {piece.archived ? 'Bring back this piece' : 'Archive this piece'}
        </button>
      </section>

      <section className="card" aria-labelledby="piece-obj-h">
        <h2 id="piece-obj-h">Objectives ({objectives.length})</h2>
        {objectives.length === 0 && <p className="muted">No objectives yet: add some from the library below or write your own.</p>}
        <ol className="list clip-objectives" aria-label="Objectives">
          {objectives.map((o, i) => (
            <li key={o.id}>
              <AutosaveField table="objectives" recordId={o.id} field="text" value={o.text} label={`Objective ${i + 1}`} hideLabel />
              {o.trait && <span className="muted">{o.trait}</span>}
              <button type="button" aria-label={`Move "${o.text}" earlier`} disabled={i === 0} onClick={() => void moveObjective(objectives, i, -1)}>
                ↑
              </button>
              <button type="button" aria-label={`Move "${o.text}" later`} disabled={i === objectives.length - 1} onClick={() => void moveObjective(objectives, i, 1)}>
                ↓
              </button>
              <button
                type="button"
                className="danger"
                aria-label={`Remove "${o.text}"`}
                onClick={async () => {
                  await removeObjective(o.id);
                  showToast({ message: `Removed "${o.text}"`, onUndo: () => void restoreObjective(o.id) });
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
        <form
          className="row"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!own.trim()) return setOwnError('Type the objective first, for example "Uses dialogue".');
            const added = await addOwnObjective(piece.classId, piece.id, objectives, own);
            setOwnError(added ? null : 'This piece already has that objective.');
            if (added) setOwn('');
          }}
        >
          <label className="field grow">
            <span>Write your own objective</span>
            <input type="text" value={own} onChange={(e) => setOwn(e.target.value)} aria-invalid={ownError ? true : undefined} />
          </label>
          <button type="submit">Add objective</button>
        </form>
        {ownError && (
          <p className="error" role="alert">
            {ownError}
          </p>
        )}
      </section>
      <LibraryPicker piece={piece} objectives={objectives} />
      <CopyObjectives piece={piece} objectives={objectives} />
    </div>
  );
}
