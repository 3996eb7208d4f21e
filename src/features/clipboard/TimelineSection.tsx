// The student's record in time order, newest first, filterable by piece and objective; older items on request.
import { SelectField } from '../../ui/SelectField';
import { dayLabel } from './timeline';
import { TimelineEntry } from './TimelineEntry';
import type { TimelineFilter } from './reads';
import type { Lookups, Timeline } from './useStudentPage';

/** How many entries the timeline shows at first, and how many more each "Show older" adds. */
export const TIMELINE_PAGE = 40;

const scrollTo = (el: HTMLElement | null) => el?.scrollIntoView?.({ block: 'center' });

interface Props {
  timeline: Timeline;
  lookups: Lookups;
  studentName: string;
  filter: TimelineFilter;
  /** The record a search result opened ("notes:<id>"), marked and scrolled to. */
  focus?: string | null;
  onFilter: (f: TimelineFilter) => void;
  onMore: () => void;
}

export function TimelineSection({ timeline, lookups, studentName, filter, focus, onFilter, onMore }: Props) {
  const pieceId = filter.pieceId ?? '';
  const objectiveId = filter.objectiveId ?? '';
  const objectiveChoices = [...lookups.objectives.values()]
    .filter((o) => !pieceId || o.pieceId === pieceId)
    .sort((a, b) => (a.pieceId === b.pieceId ? a.order - b.order : (lookups.pieces.get(b.pieceId)?.startDate ?? '').localeCompare(lookups.pieces.get(a.pieceId)?.startDate ?? '')));
  const days = timeline.items.map((item) => dayLabel(item.at));
  return (
    <section className="card" aria-labelledby="timeline-h">
      <h2 id="timeline-h">Timeline</h2>
      <div className="row">
        <SelectField
          label="Piece"
          value={pieceId}
          choices={lookups.pieceList.map((p) => ({ value: p.id, label: p.title }))}
          none="All pieces"
          onChange={(v) => onFilter({ pieceId: v || null, objectiveId: null })}
        />
        <SelectField
          label="Objective"
          value={objectiveId}
          choices={objectiveChoices.map((o) => {
            const piece = pieceId ? undefined : lookups.pieces.get(o.pieceId);
            return { value: o.id, label: piece ? `${o.text} (${piece.title})` : o.text };
          })}
          none="All objectives"
          onChange={(v) => onFilter({ pieceId: filter.pieceId, objectiveId: v || null })}
        />
      </div>
      {timeline.items.length === 0 && <p className="muted">Nothing recorded{pieceId || objectiveId ? ' for this filter' : ' yet'}.</p>}
      <ol className="clip-timeline" aria-label="Timeline">
        {timeline.items.map((item, i) => {
          const heading = i === 0 || days[i] !== days[i - 1] ? days[i] : null;
          const focused = focus === `${item.kind}s:${item.id}`;
          return (
            <li key={`${item.kind}-${item.id}`} className={focused ? 'clip-focused' : undefined} aria-current={focused ? 'true' : undefined} ref={focused ? scrollTo : undefined}>
              {heading && <h3 className="clip-day">{heading}</h3>}
              <TimelineEntry item={item} lookups={lookups} studentName={studentName} />
            </li>
          );
        })}
      </ol>
      {timeline.more && (
        <button type="button" onClick={onMore}>
          Show older
        </button>
      )}
    </section>
  );
}
