// One conference as a printed page lists it (the summary and the growth page): its day, trait, strength and next step.
import { formatWhen } from '../../ui/dates';

export const printDay = (ms: number) => formatWhen(ms, { year: 'numeric', month: 'short', day: 'numeric' });

export function ConferencePoint({ c }: { c: { at: number; kind?: string; trait?: string | null; strengths?: string; nextStep?: string } }) {
  return (
    <li>
      <span className="print-meta">
        {printDay(c.at)}
        {c.kind === 'peer' ? ' (peer)' : ''}
        {c.trait ? ` · ${c.trait}` : ''}:
      </span>{' '}
      {c.strengths && <>Strength: {c.strengths}. </>}
      {c.nextStep && <>Next step: {c.nextStep}.</>}
    </li>
  );
}
