// US Letter or A4 for summaries and group cards, remembered on this device.
import type { PaperSize } from '../../domain/labels';
import { setPaper } from './reads';

export function PaperChoice({ paper }: { paper: PaperSize }) {
  return (
    <fieldset className="print-paper">
      <legend>Paper</legend>
      <div className="print-choices">
        {(
          [
            ['letter', 'US Letter'],
            ['a4', 'A4'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="print-choice">
            <input type="radio" name="print-paper" checked={paper === value} onChange={() => void setPaper(value)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Page margins for documents: the browser repeats them on every page, so a long summary's second page has them too. */
export const docMargin = (paper: PaperSize) => (paper === 'a4' ? '12mm' : '0.5in');
