// Copies the objectives of an earlier piece into this one (skipping any it already has).
import { db } from '../../db/db';
import { useState } from 'react';
import type { Objective, Piece } from '../../shared/records';
import { addObjectives } from './pieceActions';
import { pieceObjectives } from './reads';
import { usePieces } from './usePieces';

export function CopyObjectives({ piece, objectives }: { piece: Piece; objectives: Objective[] }) {
  const others = (usePieces(piece.classId) ?? []).filter((p) => p.id !== piece.id);
  const [from, setFrom] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  if (others.length === 0) return null;
  return (
    <section className="card" aria-labelledby="copy-h">
      <h2 id="copy-h">Copy from an earlier piece</h2>
      <div className="row">
        <label className="field grow">
          <span>Earlier piece</span>
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="">Choose a piece</option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} ({p.startDate})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={async () => {
            if (!from) return setStatus('Choose the piece to copy from.');
            const source = await pieceObjectives(db, from);
            const n = await addObjectives(piece.classId, piece.id, objectives, source.map((o) => ({ text: o.text, trait: o.trait })));
            setStatus(n ? `Copied ${n} objective${n === 1 ? '' : 's'}.` : 'This piece already has all of those objectives.');
          }}
        >
          Copy objectives
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </section>
  );
}
