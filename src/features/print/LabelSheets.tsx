// Label sheets as they print: each note's fitted lines in its label's box, used labels left blank; and the one-page
// alignment test that outlines every label, to hold against a real sheet.
import type { FittedLabel } from '../../domain/labelFit';
import { labelBox, labelsPerSheet, placeLabels, sheetsNeeded, type Offset, type SheetSpec } from '../../domain/labels';
import { DEFAULT_FIT } from '../../domain/labelFit';
import { LABEL_FONT } from './measure';
import { PrintPage } from './PrintPreview';

export interface LabelItem {
  key: string;
  noteId: string;
  fitted: FittedLabel;
}

function boxStyle(spec: SheetSpec, index: number, offset: Offset) {
  const b = labelBox(spec, index, offset);
  const u = spec.unit;
  return { left: `${b.x}${u}`, top: `${b.y}${u}`, width: `${b.width}${u}`, height: `${b.height}${u}` };
}

export function LabelSheets({ spec, offset, items, startAt }: { spec: SheetSpec; offset: Offset; items: readonly LabelItem[]; startAt: number }) {
  const places = placeLabels(spec, items.length, startAt);
  const sheets = Math.max(1, sheetsNeeded(spec, items.length, startAt));
  const per = labelsPerSheet(spec);
  return (
    <>
      {Array.from({ length: sheets }, (_, sheet) => (
        <PrintPage key={sheet} paper={spec.paper} className="print-sheet" label={`Sheet ${sheet + 1} of ${sheets}`}>
          {sheet === 0 &&
            Array.from({ length: Math.min(per, startAt - 1) }, (_, index) => (
              <div key={`used-${index}`} className="print-label print-label-used" style={boxStyle(spec, index, offset)} aria-hidden="true">
                used
              </div>
            ))}
          {items.map((item, i) => {
            const p = places[i];
            if (!p || p.sheet !== sheet) return null;
            const f = item.fitted;
            return (
              <div
                key={item.key}
                className="print-label"
                data-label={p.index + 1}
                style={{ ...boxStyle(spec, p.index, offset), fontSize: `${f.sizePt}pt`, lineHeight: DEFAULT_FIT.lineHeight, padding: `${DEFAULT_FIT.padPt}pt`, fontFamily: LABEL_FONT }}
              >
                {f.headerLines.map((l, j) => (
                  <div key={`h${j}`} className="print-label-head">
                    {l}
                  </div>
                ))}
                {f.lines.map((l, j) => (
                  <div key={`l${j}`}>{l}</div>
                ))}
              </div>
            );
          })}
        </PrintPage>
      ))}
    </>
  );
}

export function AlignmentPage({ spec, offset }: { spec: SheetSpec; offset: Offset }) {
  return (
    <PrintPage paper={spec.paper} className="print-sheet">
      <p className="print-align-help" style={{ fontFamily: LABEL_FONT }}>
        Alignment test for {spec.name}. Print on plain paper at Actual size, lay it over a label sheet and hold both up to
        the light: each box should sit on a label.
      </p>
      {Array.from({ length: labelsPerSheet(spec) }, (_, index) => (
        <div key={index} className="print-label print-label-outline" style={{ ...boxStyle(spec, index, offset), fontFamily: LABEL_FONT }}>
          <span className="print-cross-h" />
          <span className="print-cross-v" />
          <span className="print-label-num">{index + 1}</span>
        </div>
      ))}
    </PrintPage>
  );
}
