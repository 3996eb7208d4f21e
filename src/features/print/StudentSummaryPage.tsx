// One student's page: strengths, current goal, recent notes (with a note's photo of the page), conferences and
// groups, and nothing of anyone else's.
import { ConferencePoint, printDay } from './ConferencePoint';
import { PhotoThumb } from '../clipboard/PhotoThumb';
import type { StudentSummary } from '../../domain/summary';

const day = printDay;

function Section({ title, empty, children }: { title: string; empty: boolean; children: React.ReactNode }) {
  return (
    <section className="print-summary-section">
      <h3>{title}</h3>
      {empty ? <p className="print-none">None recorded yet.</p> : children}
    </section>
  );
}

export function StudentSummaryPage({ summary, className, printedOn }: { summary: StudentSummary; className: string; printedOn: number }) {
  const s = summary;
  return (
    <article className="print-doc-page print-summary" aria-label={`Summary for ${s.name}`}>
      <header className="print-summary-head">
        <h2>{s.name}</h2>
        <p>
          {className} · Writing summary · {day(printedOn)}
        </p>
      </header>
      <Section title="Strengths" empty={s.strengths.length === 0}>
        <ul>
          {s.strengths.map((t, i) => (
            <li key={i}>{t}</li>
          ))}
        </ul>
      </Section>
      <Section title="Current goal" empty={!s.goal}>
        {s.goal && (
          <p>
            {s.goal.text} <span className="print-meta">(set {day(s.goal.setAt)}{s.goal.selfCheck ? `; self-check: ${s.goal.selfCheck}` : ''})</span>
          </p>
        )}
      </Section>
      <Section title="Recent notes" empty={s.notes.length === 0}>
        <ul>
          {s.notes.map((n, i) => (
            <li key={i}>
              <span className="print-meta">{day(n.at)}:</span> {n.text}
              {n.photo && <PhotoThumb note={{ photo: n.photo, photoId: null }} alt={`Photo of ${s.name}'s page, ${day(n.at)}`} className="print-summary-photo" />}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Conferences" empty={s.conferences.length === 0}>
        <ul>
          {s.conferences.map((c, i) => (
            <ConferencePoint key={i} c={c} />
          ))}
        </ul>
      </Section>
      <Section title="Groups" empty={s.groups.length === 0}>
        <ul>
          {s.groups.map((g, i) => (
            <li key={i}>
              {g.name} <span className="print-meta">({g.kind}{g.focus ? `; focus: ${g.focus}` : ''})</span>
            </li>
          ))}
        </ul>
      </Section>
    </article>
  );
}
