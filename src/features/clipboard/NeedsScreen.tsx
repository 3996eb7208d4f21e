// Class needs over time: for each objective of a piece, how many students were marked X each week. The view a
// team reads to choose the next mini lesson.
import { db } from '../../db/db';
import { formatWhen } from '../../ui/dates';
import { useLiveQueryFor } from '../../db/live';
import { useState } from 'react';
import { useCurrentClass } from '../../session/useCurrentClass';
import { classNeedsByWeek, openNeeds } from '../../domain/marks';
import { ClipboardNav } from './ClipboardNav';
import { PieceSelect } from './PieceSelect';
import { pieceMarks, pieceObjectives } from './reads';
import { useCurrentPiece } from './usePieces';

function weekLabel(iso: string): string {
  return `Week of ${formatWhen(new Date(`${iso}T00:00:00`), { day: 'numeric', month: 'short' })}`;
}

export function NeedsScreen() {
  const { current } = useCurrentClass();
  const { pieces, piece: currentPiece } = useCurrentPiece(current?.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const piece = pieces?.find((p) => p.id === chosen) ?? currentPiece;
  const data = useLiveQueryFor(piece?.id, async () => {
    if (!piece) return null;
    const [objectives, marks] = await Promise.all([pieceObjectives(db, piece.id), pieceMarks(db, piece.id)]);
    const open = new Map<string, number>();
    for (const list of openNeeds(marks).values()) for (const o of list) open.set(o, (open.get(o) ?? 0) + 1);
    return { objectives, weeks: classNeedsByWeek(marks), open };
  }, []);
  return (
    <div className="stack">
      <div className="clip-top">
        <h1>Class needs over time</h1>
        <ClipboardNav />
      </div>
      {pieces && pieces.length > 0 && piece && <PieceSelect pieces={pieces} value={piece.id} onChange={setChosen} />}
      {pieces && pieces.length === 0 && <p className="muted">Start a piece and mark the checklist to see needs here.</p>}
      {data && data.weeks.length === 0 && <p className="muted">No marks on this piece yet.</p>}
      {data && data.weeks.length > 0 && (
        <div className="clip-needs-wrap" role="region" aria-label="Class needs table" tabIndex={0}>
          <table className="clip-needs">
            <caption>Students marked X (needs support) each week, and needs still open now</caption>
            <thead>
              <tr>
                <th scope="col">Objective</th>
                {data.weeks.map((w) => (
                  <th key={w.week} scope="col">
                    {weekLabel(w.week)}
                  </th>
                ))}
                <th scope="col">Open now</th>
              </tr>
            </thead>
            <tbody>
              {data.objectives.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{o.text}</th>
                  {data.weeks.map((w) => {
                    const n = w.marked.get(o.id) ?? 0;
                    return (
                      <td key={w.week}>
                        <span className="clip-bar" style={{ width: `${Math.min(100, n * 10)}%` }} aria-hidden="true" />
                        <span className="clip-bar-n">{n}</span>
                      </td>
                    );
                  })}
                  <td>
                    <strong>{data.open.get(o.id) ?? 0}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
