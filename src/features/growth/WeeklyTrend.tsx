// The class's trend over the last weeks: per trait, how many writers were at developing or secure at the end of
// each week, as a table (it reads the same to a screen reader as it looks).
import { useMemo } from 'react';
import { weeklyCountsOf, type WriterTimeline } from '../../domain/growthTimeline';
import { DAY_MS, startOfDay } from '../../domain/marks';
import { formatWhen } from '../../ui/dates';

const WEEKS = 6;

/** The end (Sunday night) of each of the last WEEKS weeks, oldest first; the last is now. */
export function weekEnds(now: number): number[] {
  const d = new Date(startOfDay(now));
  const monday = d.getTime() - ((d.getDay() + 6) % 7) * DAY_MS;
  return Array.from({ length: WEEKS }, (_, i) => (i === WEEKS - 1 ? now : monday - (WEEKS - 2 - i) * 7 * DAY_MS - 1));
}

export function WeeklyTrend({ timelines, traits, names, total, now }: { timelines: readonly WriterTimeline[]; traits: readonly string[]; names: readonly string[]; total: number; now: number }) {
  const ends = useMemo(() => weekEnds(now), [now]);
  const rows = useMemo(() => {
    const counts = weeklyCountsOf(timelines, traits, ends);
    return traits.map((t) => ({ trait: t, counts: counts.get(t)! }));
  }, [timelines, traits, ends]);
  return (
    <table className="growth-table growth-weekly">
      <caption>
        Writers at {names[2]} or {names[3]}, week by week (of {total})
      </caption>
      <thead>
        <tr>
          <th scope="col">Trait</th>
          {ends.map((e, i) => (
            <th key={e} scope="col">
              {i === ends.length - 1 ? 'Now' : `Week of ${formatWhen(e - 6 * DAY_MS, { month: 'short', day: 'numeric' })}`}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ trait, counts }) => (
          <tr key={trait}>
            <th scope="row">{trait}</th>
            {counts.map((c, i) => (
              <td key={ends[i]}>{c[2]! + c[3]!}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
