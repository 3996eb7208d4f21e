// Set-up and PDF reading for the print end-to-end tests: a class, a piece and notes made through the Roster and
// Clipboard screens as a teacher would, and text positions pulled out of a printed PDF with pdfjs-dist.
import { expect, type Page } from '@playwright/test';
import { classWithPiece } from './clipboard';

export async function classWithNotes(page: Page, names: string[], notes: readonly { student: string; text: string }[]): Promise<void> {
  await classWithPiece(page, names.join('\n'));
  for (const n of notes) {
    await page.getByRole('button', { name: `Note for ${n.student}` }).click();
    await expect(page.getByRole('heading', { name: `Note: ${n.student}` })).toBeVisible();
    await page.getByLabel('Note', { exact: true }).fill(n.text);
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('button', { name: `Note for ${n.student}` })).toBeVisible();
  }
}

export interface PdfText {
  page: number;
  str: string;
  /** Left edge and baseline, in points from the page's top-left corner. */
  x: number;
  baseline: number;
  width: number;
  /** Font size in points (the text's height above and below the baseline is within it). */
  size: number;
}

export interface PdfDoc {
  pages: { width: number; height: number }[];
  items: PdfText[];
}

export async function readPdf(buf: Buffer): Promise<PdfDoc> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfDoc['pages'] = [];
  const items: PdfText[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const vp = page.getViewport({ scale: 1 });
    pages.push({ width: vp.width, height: vp.height });
    const content = await page.getTextContent();
    for (const it of content.items) {
      if (!('str' in it) || it.str.trim() === '') continue;
      const [a = 0, b = 0, , , e = 0, f = 0] = it.transform as number[];
      items.push({ page: p - 1, str: it.str, x: e, baseline: vp.height - f, width: it.width, size: Math.hypot(a, b) });
    }
  }
  await doc.destroy();
  return { pages, items };
}

export const squash = (s: string) => s.replace(/\s+/g, '');
