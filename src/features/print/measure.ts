// Measures label text in the browser with the same font the labels print in, so the fitting matches the paper.
import { estimateMeasure, type Measure } from '../../domain/labelFit';

/** One fixed stack on screen and in print: the measure and the printed label must agree on the font. */
export const LABEL_FONT = "Arial, 'Liberation Sans', Helvetica, 'DejaVu Sans', sans-serif";

/**
 * Canvas and page layout can round differently by a hair; measuring a little wide keeps every line inside its label
 * rather than clipped at the edge.
 */
const SAFETY = 1.04;

let cached: Measure | null = null;

export function browserMeasure(): Measure {
  if (cached) return cached;
  let ctx: CanvasRenderingContext2D | null;
  try {
    // jsdom has a canvas element but no 2D context; it then answers null (or throws), and we estimate.
    ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  } catch {
    ctx = null;
  }
  if (!ctx) {
    cached = estimateMeasure;
    return cached;
  }
  const c = ctx;
  const memo = new Map<string, number>();
  let lastFont = '';
  cached = (text, sizePt, bold) => {
    const key = `${bold ? 'b' : 'r'}${sizePt}|${text}`;
    let w = memo.get(key);
    if (w === undefined) {
      const font = `${bold ? '700 ' : ''}${sizePt}pt ${LABEL_FONT}`;
      // Setting the font makes the canvas parse it again, so only when it changes.
      if (font !== lastFont) c.font = lastFont = font;
      // measureText answers in CSS pixels at 96 per inch; the fitting works in points (72 per inch).
      w = c.measureText(text).width * 0.75 * SAFETY;
      if (memo.size > 20000) memo.clear();
      memo.set(key, w);
    }
    return w;
  };
  return cached;
}
