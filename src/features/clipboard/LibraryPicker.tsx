// Adds objectives from the built-in library (the genre's checklist first, then the 6+1 Traits).
import { useState } from 'react';
import type { Objective, Piece } from '../../shared/records';
import { librarySetsFor } from '../../domain/objectiveLibrary';
import { addObjectives } from './pieceActions';

export function LibraryPicker({ piece, objectives }: { piece: Piece; objectives: Objective[] }) {
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const [status, setStatus] = useState<string | null>(null);
  const have = new Set(objectives.map((o) => o.text.trim().toLowerCase()));
  const sets = librarySetsFor(piece.genre);
  const key = (setId: string, i: number) => `${setId}#${i}`;
  return (
    <section className="card" aria-labelledby="lib-h">
      <h2 id="lib-h">Objective library</h2>
      {sets.map((s) => (
        <details key={s.id} open={s.genre === piece.genre}>
          <summary className="clip-summary">{s.title}</summary>
          <ul className="list">
            {s.objectives.map((o, i) => {
              const k = key(s.id, i);
              const already = have.has(o.text.toLowerCase());
              return (
                <li key={k}>
                  <label className="row grow clip-check">
                    <input
                      type="checkbox"
                      disabled={already}
                      checked={already || picked.has(k)}
                      onChange={(e) =>
                        setPicked((p) => {
                          const n = new Set(p);
                          if (e.target.checked) n.add(k);
                          else n.delete(k);
                          return n;
                        })
                      }
                    />
                    <span>
                      {o.text} <span className="muted">({o.trait}{already ? ', already added' : ''})</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </details>
      ))}
      <button
        type="button"
        className="primary"
        onClick={async () => {
          const wanted = sets.flatMap((s) => s.objectives.flatMap((o, i) => (picked.has(key(s.id, i)) ? [{ text: o.text, trait: o.trait }] : [])));
          if (wanted.length === 0) return setStatus('Tick the objectives to add first.');
          const n = await addObjectives(piece.classId, piece.id, objectives, wanted);
          setPicked(new Set());
          setStatus(`Added ${n} objective${n === 1 ? '' : 's'}.`);
        }}
      >
        Add ticked objectives
      </button>
      {status && <p role="status">{status}</p>}
    </section>
  );
}
