// A writer's growth on one page for a parent conference: each trait's chart with its latest level and trend, the
// current goal with its strategy, and the last conferences' strengths and next steps.
import type { GrowthPage } from '../../domain/growthPrint';
import type { Trend } from '../../domain/growth';
import { ConferencePoint, printDay } from './ConferencePoint';
import { TraitChart } from '../growth/TraitChart';

const day = printDay;

const TREND_TEXT: Record<Trend, string> = {
  up: 'up in the last four weeks',
  down: 'down in the last four weeks',
  same: 'steady over the last four weeks',
  new: 'first seen in the last four weeks',
};

export function GrowthReportPage({ page, className, names, printedOn }: { page: GrowthPage; className: string; names: readonly string[]; printedOn: number }) {
  return (
    <article className="print-doc-page print-growth" aria-label={`Growth report for ${page.name}`}>
      <header className="print-summary-head">
        <h2>{page.name}</h2>
        <p>
          {className} · Growth as a writer · {day(printedOn)}
        </p>
      </header>
      <p className="print-growth-key">
        Levels, lowest to highest: {names.join(', ')}. Each dot is a checklist mark, each square a rating in a conference.
      </p>
      {page.traits.length === 0 ? (
        <p className="print-none">No evidence recorded yet.</p>
      ) : (
        <div className="print-growth-traits">
          {page.traits.map((t) => (
            <section key={t.trait} className="print-growth-trait">
              <h3>
                {t.trait}: {names[t.latest]}
              </h3>
              <p className="print-meta">{TREND_TEXT[t.trend]}</p>
              <TraitChart trait={t.trait} series={t.series} names={names} span={page.span} size="print" />
            </section>
          ))}
        </div>
      )}
      {page.moreTraits > 0 && <p className="print-meta">And {page.moreTraits} more traits in the app.</p>}
      <section className="print-summary-section">
        <h3>Current goal</h3>
        {page.goal ? (
          <p>
            {page.goal.text}
            {page.goal.trait && <span className="print-meta"> ({page.goal.trait})</span>}
            {page.goal.strategy && <> Strategy: {page.goal.strategy}.</>}
            {page.goal.selfCheck && <span className="print-meta"> Self-check: {page.goal.selfCheck}.</span>}
          </p>
        ) : (
          <p className="print-none">None set yet.</p>
        )}
      </section>
      <section className="print-summary-section">
        <h3>From our conferences</h3>
        {page.conferences.length === 0 ? (
          <p className="print-none">None recorded yet.</p>
        ) : (
          <ul>
            {page.conferences.map((c, i) => (
              <ConferencePoint key={i} c={c} />
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
