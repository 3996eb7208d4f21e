// The on-screen preview of what prints: real-size pages, zoomed to fit the screen, shown at 100% when printing.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { paperSize, pageCss, type PaperSize } from '../../domain/labels';

const CSS_PX: Record<'in' | 'mm', number> = { in: 96, mm: 96 / 25.4 };

/** A page exactly the paper's size, so positions in inches or millimetres land where the paper has them. */
export function PrintPage({ paper, className, children, label }: { paper: PaperSize; className?: string; children: ReactNode; label?: string }) {
  const size = paperSize(paper);
  return (
    <div className={['print-page', className].filter(Boolean).join(' ')} style={{ width: `${size.width}${size.unit}`, height: `${size.height}${size.unit}` }} role={label ? 'group' : undefined} aria-label={label}>
      {children}
    </div>
  );
}

/** The page rule for this print job; mounted only while its screen is, so each screen prints on its own paper. */
export function PageStyle({ paper, margin = '0' }: { paper: PaperSize; margin?: string }) {
  return <style>{pageCss(paper, margin)}</style>;
}

/** A document printed with page margins (summaries, a growth page): its page size and margin as CSS variables, and
 * its page rule. */
export function PrintDocument({ paper, margin, children }: { paper: PaperSize; margin: string; children: ReactNode }) {
  const size = paperSize(paper);
  return (
    <div className="print-summaries" style={{ ['--print-page-w' as string]: `${size.width}${size.unit}`, ['--print-page-h' as string]: `${size.height}${size.unit}`, ['--print-margin' as string]: margin }}>
      <PageStyle paper={paper} margin={margin} />
      {children}
    </div>
  );
}

export function PrintPreview({ paper, label, children }: { paper: PaperSize; label: string; children: ReactNode }) {
  const frame = useRef<HTMLElement>(null);
  const [zoom, setZoom] = useState(0.6);
  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    const size = paperSize(paper);
    const pagePx = size.width * CSS_PX[size.unit];
    const fit = () => setZoom(Math.max(0.2, Math.min(1, (el.clientWidth - 24) / pagePx)));
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    return () => ro.disconnect();
  }, [paper]);
  return (
    <section ref={frame} className="print-preview" aria-label={label}>
      <div className="print-pages" style={{ zoom }}>
        {children}
      </div>
    </section>
  );
}
