// One trait's growth over the year as plain SVG: the four levels as labelled rows, each piece of evidence a point in
// time order (a circle for a checklist mark, a square for a rating), joined by a line. Plain SVG rather than a chart
// library: a step chart on four levels is a few dozen lines, needs no dependency in the download, prints crisply and
// carries real <text> labels; the same data is in a table beside it for screen readers.
import type { Evidence } from '../../domain/growth';
import { formatWhen } from '../../ui/dates';

const RIGHT = 12;
const TOP = 12;

/** The screen's chart, and the print's narrower one (two to a row on paper, its words still at a readable size). */
const SIZES = { screen: { W: 640, H: 150, LEFT: 96, ROW: 30 }, print: { W: 340, H: 112, LEFT: 78, ROW: 22 } } as const;
export type ChartSize = keyof typeof SIZES;

export interface ChartSpan {
  from: number;
  to: number;
}

export function TraitChart({ trait, series, names, span, size = 'screen' }: { trait: string; series: readonly Evidence[]; names: readonly string[]; span: ChartSpan; size?: ChartSize }) {
  const { W, H, LEFT, ROW } = SIZES[size];
  const levelY = (level: number) => TOP + (3 - level) * ROW;
  const width = W - LEFT - RIGHT;
  const x = (at: number) => LEFT + (span.to > span.from ? ((at - span.from) / (span.to - span.from)) * width : width / 2);
  const last = series[series.length - 1];
  const label = `${trait}: ${series.length} piece${series.length === 1 ? '' : 's'} of evidence${last ? `, latest ${names[last.level]} on ${formatWhen(last.at, { month: 'short', day: 'numeric' })}` : ''}`;
  // The print chart is narrow: a year's twelve month names would touch, so it names every other month.
  const months = monthTicks(span).filter((_, i, all) => size === 'screen' || all.length <= 6 || i % 2 === 0);
  return (
    <svg className={`growth-chart growth-chart-${size}`} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
      {names.map((name, level) => (
        <g key={level}>
          <line x1={LEFT} x2={W - RIGHT} y1={levelY(level)} y2={levelY(level)} className="growth-grid" />
          <text x={LEFT - 6} y={levelY(level) + 5} textAnchor="end" className="growth-level-label">
            {name}
          </text>
        </g>
      ))}
      {months.map((m) => (
        <text key={m} x={x(m)} y={H - 8} textAnchor="middle" className="growth-month">
          {formatWhen(m, { month: 'short' })}
        </text>
      ))}
      {series.length > 1 && <polyline className="growth-line" points={series.map((e) => `${x(e.at).toFixed(1)},${levelY(e.level)}`).join(' ')} />}
      {series.map((e) =>
        e.kind === 'rating' ? (
          <rect key={e.id} className="growth-point rating" x={x(e.at) - 5} y={levelY(e.level) - 5} width={10} height={10} />
        ) : (
          <circle key={e.id} className="growth-point mark" cx={x(e.at)} cy={levelY(e.level)} r={4} />
        ),
      )}
    </svg>
  );
}

/** The first of each month inside the span (at most 12 labels). */
function monthTicks({ from, to }: ChartSpan): number[] {
  const out: number[] = [];
  const d = new Date(from);
  d.setDate(1);
  d.setHours(0, 0, 0, 0);
  d.setMonth(d.getMonth() + 1);
  while (d.getTime() <= to && out.length < 12) {
    out.push(d.getTime());
    d.setMonth(d.getMonth() + 1);
  }
  return out;
}
