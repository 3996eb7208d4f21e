// Goal cards: a quarter page per student with a current goal (the goal, its trait, the strategy to try, a question
// to ask oneself, and boxes to tick), four to a sheet, to cut and tape to a desk or a writing folder.
import { useMemo } from 'react';
import { buildGoalCards } from '../../domain/growthPrint';
import { chunk } from '../../domain/summary';
import { useLibrary } from '../growth/libraryReads';
import { PaperChoice } from './PaperChoice';
import { PageStyle, PrintPage, PrintPreview } from './PrintPreview';
import { useClassPrintData, usePaper } from './reads';

const PER_PAGE = 4;

export function GoalCardsScreen({ classId }: { classId: string }) {
  const data = useClassPrintData(classId);
  const library = useLibrary();
  const paper = usePaper() ?? 'letter';
  const cards = useMemo(() => (data && library ? buildGoalCards(data.students, data.goals, library) : []), [data, library]);
  const pages = chunk(cards, PER_PAGE);

  return (
    <div className="print-cards">
      <PageStyle paper={paper} />
      <div className="no-print stack">
        <section className="card" aria-labelledby="print-goals-h">
          <h2 id="print-goals-h">Goal cards</h2>
          <PaperChoice paper={paper} />
          <p role="status">
            {cards.length === 0
              ? 'No student has a goal yet: set one in a conference.'
              : `${cards.length} ${cards.length === 1 ? 'card' : 'cards'} on ${pages.length} ${pages.length === 1 ? 'page' : 'pages'}, four to a page.`}
          </p>
          <p className="muted">In the print dialog choose Actual size (100%) and turn off headers and footers; cut along the dashed lines.</p>
          <button type="button" className="primary" disabled={cards.length === 0} onClick={() => window.print()}>
            Print goal cards
          </button>
        </section>
      </div>
      {pages.length > 0 && (
        <PrintPreview paper={paper} label="Preview of the goal cards">
          {pages.map((four, i) => (
            <PrintPage key={i} paper={paper} className="print-goal-page">
              {four.map((c) => (
                <article key={c.studentId} className="print-goal-card" aria-label={`Goal card for ${c.name}`}>
                  <h2>{c.name}</h2>
                  <p className="print-meta">My writing goal{c.trait ? ` · ${c.trait}` : ''}</p>
                  <p className="print-goal-text">{c.goal}</p>
                  {c.strategy && (
                    <>
                      <h3>Try this</h3>
                      <p>{c.strategy}</p>
                    </>
                  )}
                  {c.prompt && (
                    <>
                      <h3>Ask yourself</h3>
                      <p>{c.prompt}</p>
                    </>
                  )}
                  <p className="print-goal-checks">☐ Not yet &nbsp; ☐ Starting to &nbsp; ☐ Yes, I can</p>
                </article>
              ))}
            </PrintPage>
          ))}
        </PrintPreview>
      )}
    </div>
  );
}
