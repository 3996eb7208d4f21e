// Laying out a label job in the browser: 90 notes (three sheets of a week's jots, some long enough to continue on a
// second label) fitted onto Avery 5160 labels with the canvas measure the Print screen uses. The preview re-lays out
// on every tap (sheet, start label, which notes): a warm layout within 100 ms keeps a tap's feedback immediate; the
// first one (canvas and font start-up, every word measured) within 500 ms when the screen opens.
import { fitLabel } from '../../src/domain/labelFit';
import { AVERY_5160, pointsPerUnit } from '../../src/domain/labels';
import { browserMeasure } from '../../src/features/print/measure';
import { median, type Metrics } from '../types';

const NOTES = 90;
const WORDS = ['dialogue', 'lead', 'hooks', 'the', 'reader', 'rushes', 'ending', 'try', 'a', 'sketch', 'plan', 'strong', 'voice', 'setting', 'Zoë', 'ليلى'];

function noteText(i: number, run: number): string {
  const n = 4 + ((i * 7) % 30) + (i % 17 === 0 ? 90 : 0);
  return Array.from({ length: n }, (_, k) => `${WORDS[(i + k) % WORDS.length]}${k === 0 ? run : ''}`).join(' ');
}

function layout(run: number): number {
  const ppu = pointsPerUnit(AVERY_5160.unit);
  const box = { width: AVERY_5160.labelWidth * ppu, height: AVERY_5160.labelHeight * ppu };
  const measure = browserMeasure();
  const t0 = performance.now();
  let labels = 0;
  for (let i = 0; i < NOTES; i++) labels += fitLabel({ header: `Student ${i % 28} · 11/22/26`, text: noteText(i, run) }, box, measure).length;
  const ms = performance.now() - t0;
  if (labels < NOTES) throw new Error('fewer labels than notes');
  return ms;
}

export default async function (): Promise<Metrics> {
  const cold = layout(0);
  const warm: number[] = [];
  for (let r = 0; r < 7; r++) warm.push(layout(1));
  return {
    'print-label-layout-cold': { value: Math.round(cold), unit: 'ms', budget: 500, note: `${NOTES} notes, first layout (every word measured)` },
    'print-label-layout-warm': { value: Math.round(median(warm)), unit: 'ms', budget: 100, note: `${NOTES} notes, same notes again (median of 7)` },
  };
}
