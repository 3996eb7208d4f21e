// A trait's evidence as a table: the chart's data for screen readers (visually hidden beside the chart) and the
// list the teacher opens, where each row's notes and photos are one tap away.
import type { Evidence } from '../../domain/growth';
import type { Objective, Piece } from '../../shared/records';
import { formatWhen } from '../../ui/dates';

export interface EvidenceLookups {
  objectives: ReadonlyMap<string, Objective>;
  pieces: ReadonlyMap<string, Piece>;
}

export function sourceText(e: Evidence, l: EvidenceLookups): string {
  if (e.kind === 'rating') return 'Rating';
  const piece = e.pieceId ? l.pieces.get(e.pieceId)?.title : undefined;
  const objective = e.objectiveId ? l.objectives.get(e.objectiveId)?.text : undefined;
  return `Checklist${piece ? `, ${piece}` : ''}${objective ? `: ${objective}` : ''}`;
}

export function EvidenceTable({ trait, series, names, lookups, hidden }: { trait: string; series: readonly Evidence[]; names: readonly string[]; lookups: EvidenceLookups; hidden?: boolean }) {
  return (
    <table className={hidden ? 'visually-hidden' : 'growth-table'}>
      <caption>{trait}: every piece of evidence, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Level</th>
          <th scope="col">From</th>
        </tr>
      </thead>
      <tbody>
        {series.map((e) => (
          <tr key={e.id}>
            <td>{formatWhen(e.at, { year: 'numeric', month: 'short', day: 'numeric' })}</td>
            <td>{names[e.level]}</td>
            <td>{sourceText(e, lookups)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
