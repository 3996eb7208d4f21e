// Fitting a note onto a label: the largest font size (down to a readable minimum) at which the name, date and note
// fit; a note too long even then continues on the next label, marked "(cont.)". Lines are decided here, not by the
// browser, so what the preview shows is exactly what prints, and the fitting can be tested without a browser.

/** Width in points of `text` set at `sizePt` (bold for the name-and-date line). */
export type Measure = (text: string, sizePt: number, bold: boolean) => number;

export interface FitOptions {
  maxPt: number;
  /** Smaller than this is hard to read on a label held at arm's length. */
  minPt: number;
  stepPt: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Inner padding on every side, in points, so text stays clear of the die cut. */
  padPt: number;
}

export const DEFAULT_FIT: FitOptions = { maxPt: 11, minPt: 7, stepPt: 0.5, lineHeight: 1.15, padPt: 5 };

export const CONT_MARK = '(cont.)';

export interface LabelContent {
  /** The student's name and the date. */
  header: string;
  text: string;
}

export interface FittedLabel {
  sizePt: number;
  headerLines: string[];
  lines: string[];
  /** 1-based part of the note this label holds, of `parts`. */
  part: number;
  parts: number;
}

interface Piece {
  text: string;
  /** Part of a word broken across lines: joins the next piece without a space. */
  glue: boolean;
}

export function normalizeText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Breaks a word wider than the line into pieces that each fit (at least one character per piece). */
function breakWord(word: string, width: number, sizePt: number, bold: boolean, measure: Measure): Piece[] {
  if (measure(word, sizePt, bold) <= width) return [{ text: word, glue: false }];
  const pieces: Piece[] = [];
  let cur = '';
  for (const ch of Array.from(word)) {
    if (cur && measure(cur + ch, sizePt, bold) > width) {
      pieces.push({ text: cur, glue: true });
      cur = ch;
    } else {
      cur += ch;
    }
  }
  pieces.push({ text: cur, glue: false });
  return pieces;
}

function joinPieces(pieces: readonly Piece[]): string {
  let out = '';
  pieces.forEach((p, i) => {
    const prev = pieces[i - 1];
    out += (i === 0 || prev?.glue ? '' : ' ') + p.text;
  });
  return out;
}

/**
 * Greedy word wrap: lines of pieces, each line no wider than `width` unless one character alone is. A line's width
 * is its words' widths plus its spaces', so each word is measured once per size however long the note.
 */
function wrapPieces(text: string, width: number, sizePt: number, bold: boolean, measure: Measure): Piece[][] {
  const words = normalizeText(text).split(' ').filter(Boolean);
  const space = measure(' ', sizePt, bold);
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let lineWidth = 0;
  for (const word of words) {
    for (const piece of breakWord(word, width, sizePt, bold, measure)) {
      const w = measure(piece.text, sizePt, bold);
      const gap = line.length === 0 || line[line.length - 1]?.glue ? 0 : space;
      if (line.length === 0 || lineWidth + gap + w <= width) {
        line.push(piece);
        lineWidth += gap + w;
      } else {
        lines.push(line);
        line = [piece];
        lineWidth = w;
      }
    }
  }
  if (line.length) lines.push(line);
  return lines;
}

export function wrapText(text: string, width: number, sizePt: number, bold: boolean, measure: Measure): string[] {
  return wrapPieces(text, width, sizePt, bold, measure).map(joinPieces);
}

function sizesFrom(opts: FitOptions): number[] {
  const steps = Math.max(0, Math.round((opts.maxPt - opts.minPt) / opts.stepPt));
  return Array.from({ length: steps + 1 }, (_, i) => Math.round((opts.maxPt - i * opts.stepPt) * 100) / 100);
}

function capacity(heightPt: number, sizePt: number, opts: FitOptions): number {
  return Math.floor(heightPt / (sizePt * opts.lineHeight) + 1e-9);
}

/**
 * Lays one note out on as many labels as it needs (usually one). `box` is the label's size in points. Every label
 * carries the header (with "(cont.)" after the first), so a label peeled off alone still names its student.
 */
export function fitLabel(content: LabelContent, box: { width: number; height: number }, measure: Measure, opts: FitOptions = DEFAULT_FIT): FittedLabel[] {
  const width = box.width - 2 * opts.padPt;
  const height = box.height - 2 * opts.padPt;
  const out: Omit<FittedLabel, 'parts'>[] = [];
  let rest = normalizeText(content.text);
  for (;;) {
    const header = out.length === 0 ? content.header : `${content.header} ${CONT_MARK}`;
    let fitted: Omit<FittedLabel, 'parts'> | null = null;
    for (const size of sizesFrom(opts)) {
      const headerLines = wrapText(header, width, size, true, measure);
      const lines = wrapText(rest, width, size, false, measure);
      if (headerLines.length + lines.length <= capacity(height, size, opts)) {
        fitted = { sizePt: size, headerLines, lines, part: out.length + 1 };
        break;
      }
    }
    if (fitted) {
      out.push(fitted);
      break;
    }
    // Even the smallest size is too big: fill this label and carry the rest over, always moving at least one line.
    const size = opts.minPt;
    const cap = capacity(height, size, opts);
    const headerLines = wrapText(header, width, size, true, measure).slice(0, Math.max(1, cap - 1));
    const take = Math.max(1, cap - headerLines.length);
    const body = wrapPieces(rest, width, size, false, measure);
    out.push({ sizePt: size, headerLines, lines: body.slice(0, take).map(joinPieces), part: out.length + 1 });
    rest = joinPieces(body.slice(take).flat());
    if (!rest) break;
  }
  return out.map((l) => ({ ...l, parts: out.length }));
}

/**
 * A measure for when no canvas is at hand (tests, a browser without one): a generous average glyph width, so an
 * estimate errs towards a smaller font rather than text running off the label.
 */
export const estimateMeasure: Measure = (text, sizePt, bold) => Array.from(text).length * sizePt * (bold ? 0.62 : 0.56);
