// The student's record in time order, newest first, filterable by piece and objective; older items on request.
import { useState } from 'react';
import { dayLabel } from './timeline';
import { TimelineEntry } from './TimelineEntry';
import type { Lookups } from './useStudentPage';
import { useTimeline } from './useStudentPage';

const PAGE = 40;

/** Mounted with the page (before the lookups arrive) so its reads start at once. */
export function TimelineSection({ studentId, lookups }: { studentId: string; lookups: Lookups | null }) {
  const [pieceId, setPieceId] = useState<string>('');
  const [objectiveId, setObjectiveId] = useState<string>('');
  const [limit, setLimit] = useState(PAGE);
  const timeline = useTimeline(studentId, { pieceId: pieceId || null, objectiveId: objectiveId || null }, limit);
  if (!lookups) return null;
  const objectiveChoices = [...lookups.objectives.values()]
    .filter((o) => !pieceId || o.pieceId === pieceId)
    .sort((a, b) => (a.pieceId === b.pieceId ? a.order - b.order : (lookups.pieces.get(b.pieceId)?.startDate ?? '').localeCompare(lookups.pieces.get(a.pieceId)?.startDate ?? '')));
  let lastDay = '';
  return (
    <section className="card" aria-labelledby="timeline-h">
      <h2 id="timeline-h">Timeline</h2>
      <div className="row">
        <label className="field">
          <span>Piece</span>
          <select
            value={pieceId}
            onChange={(e) => {
              setPieceId(e.target.value);
              setObjectiveId('');
              setLimit(PAGE);
            }}
          >
            <option value="">All pieces</option>
            {lookups.pieceList.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Objective</span>
          <select
            value={objectiveId}
            onChange={(e) => {
              setObjectiveId(e.target.value);
              setLimit(PAGE);
            }}
          >
            <option value="">All objectives</option>
            {objectiveChoices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.text}
                {!pieceId && lookups.pieces.get(o.pieceId) ? ` (${lookups.pieces.get(o.pieceId)!.title})` : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      {timeline && timeline.items.length === 0 && <p className="muted">Nothing recorded{pieceId || objectiveId ? ' for this filter' : ' yet'}.</p>}
      <ol className="clip-timeline" aria-label="Timeline">
        {timeline?.items.map((item) => {
          const day = dayLabel(item.at);
          const heading = day !== lastDay ? day : null;
          lastDay = day;
          return (
            <li key={`${item.kind}-${item.id}`}>
              {heading && <h3 className="clip-day">{heading}</h3>}
              <TimelineEntry item={item} lookups={lookups} />
            </li>
          );
        })}
      </ol>
      {timeline?.more && (
        <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
          Show older
        </button>
      )}
    </section>
  );
}
