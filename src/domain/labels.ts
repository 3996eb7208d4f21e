// Label-sheet geometry: which sheets Circulate prints on, and where each label sits on the page, in the sheet's own
// unit (inches for US Letter sheets, millimetres for A4), so print CSS can position labels without rounding drift.

export type SheetUnit = 'in' | 'mm';
export type PaperSize = 'letter' | 'a4';

export interface SheetSpec {
  id: string;
  name: string;
  /** Other product numbers with the same layout, shown so the teacher recognises the box in the cupboard. */
  compatible: string[];
  paper: PaperSize;
  unit: SheetUnit;
  pageWidth: number;
  pageHeight: number;
  columns: number;
  rows: number;
  labelWidth: number;
  labelHeight: number;
  /** Page edge to the top edge of the first row. */
  topMargin: number;
  /** Page edge to the left edge of the first column. */
  sideMargin: number;
  /** Left edge to left edge of neighbouring columns (label width plus the gap). */
  pitchX: number;
  /** Top edge to top edge of neighbouring rows. */
  pitchY: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A printer's drift, measured with the alignment test: positive x moves right, positive y moves down. */
export interface Offset {
  x: number;
  y: number;
}

export const AVERY_5160: SheetSpec = {
  id: 'avery-5160',
  name: 'Avery 5160 (US Letter, 30 labels)',
  compatible: ['5160', '5260', '5960', '8160', '18160'],
  paper: 'letter',
  unit: 'in',
  pageWidth: 8.5,
  pageHeight: 11,
  columns: 3,
  rows: 10,
  labelWidth: 2.625,
  labelHeight: 1,
  topMargin: 0.5,
  sideMargin: 0.1875,
  pitchX: 2.75,
  pitchY: 1,
};

export const AVERY_L7160: SheetSpec = {
  id: 'avery-l7160',
  name: 'Avery L7160 (A4, 21 labels)',
  compatible: ['L7160', 'J8160'],
  paper: 'a4',
  unit: 'mm',
  pageWidth: 210,
  pageHeight: 297,
  columns: 3,
  rows: 7,
  labelWidth: 63.5,
  labelHeight: 38.1,
  topMargin: 15.15,
  sideMargin: 7.25,
  pitchX: 66.04,
  pitchY: 38.1,
};

export const SHEETS: readonly SheetSpec[] = [AVERY_5160, AVERY_L7160];

export function sheetById(id: string): SheetSpec {
  return SHEETS.find((s) => s.id === id) ?? AVERY_5160;
}

export function labelsPerSheet(spec: SheetSpec): number {
  return spec.columns * spec.rows;
}

/** Points per unit: print CSS and PDFs measure in points (1/72 in). */
export function pointsPerUnit(unit: SheetUnit): number {
  return unit === 'in' ? 72 : 72 / 25.4;
}

/**
 * The box of label `index` (0-based, across then down, as labels are numbered on the sheet), shifted by the printer
 * offset. Indexes outside the sheet are a caller's mistake, so they throw rather than land off the page.
 */
export function labelBox(spec: SheetSpec, index: number, offset: Offset = { x: 0, y: 0 }): Box {
  if (!Number.isInteger(index) || index < 0 || index >= labelsPerSheet(spec)) {
    throw new RangeError(`Label ${index} is not on a ${spec.name} sheet`);
  }
  const col = index % spec.columns;
  const row = Math.floor(index / spec.columns);
  return {
    x: spec.sideMargin + col * spec.pitchX + offset.x,
    y: spec.topMargin + row * spec.pitchY + offset.y,
    width: spec.labelWidth,
    height: spec.labelHeight,
  };
}

export interface Placement {
  /** 0-based sheet. */
  sheet: number;
  /** 0-based label on that sheet. */
  index: number;
}

/**
 * Where `count` labels go when printing starts at label `startAt` (1-based, as the teacher counts) of a partly used
 * first sheet; later sheets start at their first label.
 */
export function placeLabels(spec: SheetSpec, count: number, startAt = 1): Placement[] {
  const per = labelsPerSheet(spec);
  const first = clampStart(spec, startAt) - 1;
  const out: Placement[] = [];
  for (let i = 0; i < count; i++) {
    const n = first + i;
    out.push({ sheet: Math.floor(n / per), index: n % per });
  }
  return out;
}

/** "Start at label N" limited to the sheet: the teacher's number is 1-based. */
export function clampStart(spec: SheetSpec, startAt: number): number {
  if (!Number.isFinite(startAt)) return 1;
  return Math.min(labelsPerSheet(spec), Math.max(1, Math.round(startAt)));
}

/** Sheets needed for `count` labels starting at `startAt`. */
export function sheetsNeeded(spec: SheetSpec, count: number, startAt = 1): number {
  if (count <= 0) return 0;
  return Math.ceil((clampStart(spec, startAt) - 1 + count) / labelsPerSheet(spec));
}

/** Page size and margin for print CSS: the sheet is positioned absolutely, so the page has no margin of its own. */
export function pageCss(paper: PaperSize, margin = '0'): string {
  return `@page { size: ${paper === 'a4' ? 'A4' : 'letter'}; margin: ${margin}; }`;
}

export function paperSize(paper: PaperSize): { width: number; height: number; unit: SheetUnit } {
  return paper === 'a4' ? { width: 210, height: 297, unit: 'mm' } : { width: 8.5, height: 11, unit: 'in' };
}
