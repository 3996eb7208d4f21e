// Printer calibration for this device: nudge every label right/left and down/up by taps, in the sheet's own unit,
// then print the one-page alignment test to check against a real sheet.
import type { Offset, SheetSpec } from '../../domain/labels';
import { setOffset } from './reads';

/** 1/32 in or 0.5 mm: finer than a printer's usual drift, coarse enough that a few taps fix it. */
const step = (spec: SheetSpec) => (spec.unit === 'in' ? 1 / 32 : 0.5);

function describe(v: number, unit: string, plus: string, minus: string): string {
  const r = Math.round(Math.abs(v) * 1000) / 1000;
  if (r === 0) return `no shift ${plus} or ${minus}`;
  return `${r} ${unit} ${v > 0 ? plus : minus}`;
}

export function Calibration({ spec, offset, onTestPrint }: { spec: SheetSpec; offset: Offset; onTestPrint: () => void }) {
  const s = step(spec);
  const move = (dx: number, dy: number) => {
    const round = (v: number) => Math.round(v * 10000) / 10000;
    void setOffset(spec.id, { x: round(offset.x + dx), y: round(offset.y + dy) });
  };
  const stepText = spec.unit === 'in' ? '1/32 in' : '0.5 mm';
  return (
    <section className="card print-calibration no-print" aria-labelledby="print-align-h">
      <h2 id="print-align-h">Printer alignment</h2>
      <p className="muted">
        If text lands off the labels, print the test page on plain paper, lay it over a label sheet, and move the labels
        here. This is kept on this device for {spec.name}.
      </p>
      <p role="status" aria-live="polite">
        Labels shifted {describe(offset.x, spec.unit, 'right', 'left')}, {describe(offset.y, spec.unit, 'down', 'up')}.
      </p>
      <div className="print-nudge" role="group" aria-label={`Move every label by ${stepText}`}>
        <button type="button" onClick={() => move(0, -s)}>Move up</button>
        <button type="button" onClick={() => move(-s, 0)}>Move left</button>
        <button type="button" onClick={() => move(s, 0)}>Move right</button>
        <button type="button" onClick={() => move(0, s)}>Move down</button>
      </div>
      <div className="row">
        <button type="button" onClick={onTestPrint}>
          Print alignment test
        </button>
        <button type="button" onClick={() => void setOffset(spec.id, { x: 0, y: 0 })} disabled={offset.x === 0 && offset.y === 0}>
          Reset alignment
        </button>
      </div>
    </section>
  );
}
