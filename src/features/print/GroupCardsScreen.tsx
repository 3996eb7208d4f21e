// Group cards: half a page per group (members, focus, teaching point), two to a sheet, to cut and take to the table.
import { useMemo } from 'react';
import { buildGroupCard, chunk } from '../../domain/summary';
import { PaperChoice } from './PaperChoice';
import { usePaper, useClassPrintData } from './reads';
import { PageStyle, PrintPage, PrintPreview } from './PrintPreview';

export function GroupCardsScreen({ classId }: { classId: string }) {
  const data = useClassPrintData(classId);
  const paper = usePaper() ?? 'letter';
  const cards = useMemo(() => (data ? data.activeGroups.map((g) => buildGroupCard(g, data.students, data.objectives)) : []), [data]);
  const pages = chunk(cards, 2);

  return (
    <div className="print-cards">
      <PageStyle paper={paper} />
      <div className="no-print stack">
        <section className="card" aria-labelledby="print-cards-h">
          <h2 id="print-cards-h">Group cards</h2>
          <PaperChoice paper={paper} />
          <p role="status">
            {cards.length === 0 ? 'No groups in this class yet.' : `${cards.length} ${cards.length === 1 ? 'card' : 'cards'} on ${pages.length} ${pages.length === 1 ? 'page' : 'pages'}, two to a page.`}
          </p>
          <p className="muted">In the print dialog choose Actual size (100%) and turn off headers and footers; cut along the dashed line.</p>
          <button type="button" className="primary" disabled={cards.length === 0} onClick={() => window.print()}>
            Print group cards
          </button>
        </section>
      </div>
      {pages.length > 0 && (
        <PrintPreview paper={paper} label="Preview of the group cards">
          {pages.map((pair, i) => (
            <PrintPage key={i} paper={paper} className="print-card-page">
              {pair.map((c) => (
                <article key={c.groupId} className="print-card" aria-label={`Card for ${c.name}`}>
                  <h2>{c.name}</h2>
                  <p className="print-meta">
                    {c.kind}
                    {c.minutes ? ` · ${c.minutes} minutes` : ''}
                  </p>
                  <h3>Focus</h3>
                  <p>{c.focus ?? 'No focus chosen.'}</p>
                  <h3>Teaching point</h3>
                  <p>{c.teachingPoint.trim() || 'None written yet.'}</p>
                  <h3>Members</h3>
                  <ul className="print-card-members">
                    {c.members.map((m, j) => (
                      <li key={j}>{m}</li>
                    ))}
                  </ul>
                </article>
              ))}
            </PrintPage>
          ))}
        </PrintPreview>
      )}
    </div>
  );
}
