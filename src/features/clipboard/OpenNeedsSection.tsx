// What this student still needs on the current piece: objectives marked X with no check since.
import type { Piece } from '../../shared/records';
import type { Lookups } from './useStudentPage';

export function OpenNeedsSection({ piece, needs, lookups }: { piece: Piece | null; needs: readonly string[]; lookups: Lookups }) {
  if (!piece) return null;
  return (
    <section className="card" aria-labelledby="needs-h">
      <h2 id="needs-h">Needs support now ({piece.title})</h2>
      {needs.length === 0 ? (
        <p className="muted">Nothing marked X on this piece without a check since.</p>
      ) : (
        <ul>
          {needs.map((id) => (
            <li key={id}>{lookups.objectives.get(id)?.text ?? 'An objective since removed'}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
