// The evidence behind a trait's levels, newest first: each mark or rating with the notes and photos behind it, and a
// rating can be taken back (a tombstone, so it leaves the chart and the heatmap on every device).
import { useState } from 'react';
import type { Evidence } from '../../domain/growth';
import type { Note } from '../../shared/records';
import { formatWhen } from '../../ui/dates';
import { PhotoThumb } from '../clipboard/PhotoThumb';
import { sourceText, type EvidenceLookups } from './EvidenceTable';
import { undoRating } from './growthActions';
import { evidenceNotes } from './reads';

const PAGE = 8;

export function EvidencePanel({ trait, series, notes, names, lookups, objectiveTrait }: { trait: string; series: readonly Evidence[]; notes: readonly Note[]; names: readonly string[]; lookups: EvidenceLookups; objectiveTrait: ReadonlyMap<string, string> }) {
  const [limit, setLimit] = useState(PAGE);
  const newest = [...series].reverse();
  return (
    <section className="growth-evidence" aria-label={`Evidence for ${trait}`}>
      <ul className="plain stack">
        {newest.slice(0, limit).map((e) => {
          const backing = evidenceNotes(e, notes, objectiveTrait).slice(0, 3);
          return (
            <li key={e.id} className="card growth-evidence-item">
              <p>
                <strong>{names[e.level]}</strong> · {formatWhen(e.at, { month: 'short', day: 'numeric', year: 'numeric' })} · {sourceText(e, lookups)}
              </p>
              {backing.map((n) => (
                <div key={n.id} className="growth-note">
                  <p>{n.text || 'A note with no words'}</p>
                  <PhotoThumb note={n} alt={`Photo on the note of ${formatWhen(n.at, { month: 'short', day: 'numeric' })}`} />
                </div>
              ))}
              {e.kind === 'rating' && (
                <button type="button" onClick={() => void undoRating(e.id)}>
                  Remove this rating
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {newest.length > limit && (
        <button type="button" onClick={() => setLimit((l) => l + PAGE * 4)}>
          Show more ({newest.length - limit} older)
        </button>
      )}
    </section>
  );
}
