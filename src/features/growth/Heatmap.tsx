// The class at a glance: a table of writers x traits, each cell the writer's latest level with its trend over the
// last four weeks; a tap on a cell shows its evidence. Colour is never the only signal: every cell names its level.
import { memo, type MouseEvent } from 'react';
import { levelKey, type Level, type Trend } from '../../domain/growth';
import { displayName } from '../../domain/names';
import type { Student } from '../../shared/records';

const ARROWS: Record<Trend, string> = { up: '↑', down: '↓', same: '', new: '' };
const TREND_WORDS: Record<Trend, string> = { up: 'up', down: 'down', same: 'no change', new: 'new' };

export interface HeatmapProps {
  students: readonly Student[];
  traits: readonly string[];
  cells: ReadonlyMap<string, { level: Level; trend: Trend }>;
  names: readonly string[];
  onPick: (studentId: string, trait: string) => void;
}

export const Heatmap = memo(function Heatmap({ students, traits, cells, names, onPick }: HeatmapProps) {
  // One click handler for the table, not one per cell: a 150-writer class has 1,500 cells to mount.
  const onClick = (e: MouseEvent<HTMLTableElement>) => {
    const cell = (e.target as Element).closest<HTMLButtonElement>('button.heat-cell');
    if (cell?.dataset.student && cell.dataset.trait !== undefined) onPick(cell.dataset.student, cell.dataset.trait);
  };
  return (
    <div className="growth-heat-wrap">
      <table className="growth-heat" onClick={onClick}>
        <caption>Each writer's latest level per trait, with the change over four weeks</caption>
        <thead>
          <tr>
            <th scope="col">Writer</th>
            {traits.map((t) => (
              <th key={t} scope="col">
                {t}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {students.map((s) => {
            const name = displayName(s);
            return (
              <tr key={s.id}>
                <th scope="row">{name}</th>
                {traits.map((t) => {
                  const c = cells.get(levelKey(s.id, t));
                  if (!c) return <td key={t} className="heat-empty"><span className="visually-hidden">No evidence</span></td>;
                  const level = names[c.level];
                  return (
                    <td key={t} className={`heat-${c.level}`}>
                      {/* The arrow needs no aria-hidden: the label names the button, and says the trend in words. */}
                      <button type="button" className="heat-cell" aria-label={`${name}, ${t}: ${level}, ${TREND_WORDS[c.trend]}`} data-student={s.id} data-trait={t}>
                        {ARROWS[c.trend] ? `${level} ${ARROWS[c.trend]}` : level}
                      </button>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
