// Notes onto label sheets: choose the notes, the sheet and the first free label, check the preview, print, and
// mark the notes printed only once the teacher says the sheet came out right.
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useStudents } from '../../db/hooks';
import { displayName } from '../../domain/names';
import { fitLabel } from '../../domain/labelFit';
import { clampStart, labelsPerSheet, pointsPerUnit, sheetById, sheetsNeeded, SHEETS } from '../../domain/labels';
import { dayKey, labelHeader, rangeProblem, selectNotes, type NoteFilter } from '../../domain/printSelection';
import { Calibration } from './Calibration';
import { AlignmentPage, LabelSheets, type LabelItem } from './LabelSheets';
import { browserMeasure } from './measure';
import { NoteChooser, type ChooserState } from './NoteChooser';
import { markPrinted, setSheetId, useClassNotes, useOffset, useSheetId } from './reads';
import { PageStyle, PrintPreview } from './PrintPreview';

type Job = 'labels' | 'alignment';

function toFilter(c: ChooserState): NoteFilter {
  switch (c.kind) {
    case 'range':
      return { kind: 'range', from: c.from, to: c.to };
    case 'student':
      return { kind: 'student', studentId: c.studentId };
    default:
      return { kind: c.kind };
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function LabelsScreen({ classId }: { classId: string }) {
  const students = useStudents(classId);
  const notes = useClassNotes(classId);
  const sheetId = useSheetId();
  const specId = sheetId ?? '';
  const spec = sheetById(specId);
  const offset = useOffset(spec.id) ?? { x: 0, y: 0 };
  // "Today" is the day the teacher last chose notes, so a screen left open overnight catches up on the next tap.
  const [now, setNow] = useState(() => Date.now());
  const [chooser, setChooserState] = useState<ChooserState>(() => ({ kind: 'unprinted', from: dayKey(now), to: dayKey(now), studentId: '' }));
  const setChooser = (c: ChooserState) => {
    setNow(Date.now());
    setChooserState(c);
  };
  const [startChoice, setStartAt] = useState(1);
  const startAt = clampStart(spec, startChoice);
  const [job, setJob] = useState<Job>('labels');
  const [confirm, setConfirm] = useState<string[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const studentId = chooser.studentId || students?.[0]?.id || '';
  const problem = chooser.kind === 'range' ? rangeProblem(chooser.from, chooser.to) : null;
  const byId = useMemo(() => new Map((students ?? []).map((s) => [s.id, s])), [students]);

  const selected = useMemo(() => {
    if (!notes || !students || problem) return [];
    const order = new Map(students.map((s, i) => [s.id, i]));
    return selectNotes(notes, toFilter({ ...chooser, studentId }), order, now);
  }, [notes, students, chooser, studentId, problem, now]);

  const items = useMemo<LabelItem[]>(() => {
    const sheet = sheetById(specId);
    const ppu = pointsPerUnit(sheet.unit);
    const box = { width: sheet.labelWidth * ppu, height: sheet.labelHeight * ppu };
    const measure = browserMeasure();
    return selected.flatMap((n) => {
      const s = byId.get(n.studentId);
      const header = labelHeader(s ? displayName(s) : '', n.at);
      return fitLabel({ header, text: n.text }, box, measure).map((fitted) => ({ key: `${n.id}-${fitted.part}`, noteId: n.id, fitted }));
    });
  }, [selected, specId, byId]);

  const continued = items.filter((i) => i.fitted.part === 1 && i.fitted.parts > 1);
  const sheets = sheetsNeeded(spec, items.length, startAt);

  useEffect(() => {
    const back = () => setJob('labels');
    window.addEventListener('afterprint', back);
    return () => window.removeEventListener('afterprint', back);
  }, []);

  const print = (j: Job) => {
    // Rendered first, then printed: the page must already show this job when the print dialog copies it.
    flushSync(() => {
      setMessage(null);
      setConfirm(null);
      setJob(j);
    });
    window.print();
    if (j === 'labels') setConfirm([...new Set(items.map((i) => i.noteId))]);
  };

  return (
    <div className="print-labels" data-job={job}>
      <PageStyle paper={spec.paper} />
      <div className="no-print stack">
        <NoteChooser state={{ ...chooser, studentId }} onChange={setChooser} students={students ?? []} problem={problem} />
        <fieldset className="card">
          <legend>Label sheet</legend>
          <div className="print-choices">
            {SHEETS.map((s) => (
              <label key={s.id} className="print-choice">
                <input type="radio" name="print-sheet" checked={s.id === spec.id} onChange={() => void setSheetId(s.id)} />
                <span>
                  {s.name}
                  <span className="muted"> · also {s.compatible.filter((c) => !s.name.includes(c)).join(', ')}</span>
                </span>
              </label>
            ))}
          </div>
          <label className="field print-start">
            <span>Start at label</span>
            <select value={startAt} onChange={(e) => setStartAt(Number(e.target.value))} aria-describedby="print-start-help">
              {Array.from({ length: labelsPerSheet(spec) }, (_, i) => (
                <option key={i} value={i + 1}>
                  {i + 1}
                </option>
              ))}
            </select>
          </label>
          <p id="print-start-help" className="muted">
            Labels are counted across, then down. For a partly used sheet, pick the first label still on it.
          </p>
        </fieldset>
        <section className="card" aria-labelledby="print-go-h">
          <h2 id="print-go-h">Ready to print</h2>
          <p role="status">
            {items.length === 0
              ? 'No notes match: choose other notes above.'
              : `${plural(selected.length, 'note')} on ${plural(items.length, 'label')}, ${plural(sheets, 'sheet')}.`}
          </p>
          {continued.length > 0 && (
            <ul className="print-continued" aria-label="Notes that continue on a second label">
              {continued.map((c) => (
                <li key={c.key}>
                  {c.fitted.headerLines.join(' ')}: continues on {c.fitted.parts} labels, marked “(cont.)”.
                </li>
              ))}
            </ul>
          )}
          <p className="muted">In the print dialog choose Actual size (100%), not Fit to page, and turn off headers and footers.</p>
          <button type="button" className="primary" disabled={items.length === 0} onClick={() => print('labels')}>
            Print labels
          </button>
          {confirm && (
            <div className="print-confirm" role="group" aria-labelledby="print-confirm-q">
              <p id="print-confirm-q">Did the sheet come out right?</p>
              <div className="row">
                <button
                  type="button"
                  className="primary"
                  onClick={async () => {
                    const ids = confirm;
                    await markPrinted(ids);
                    setConfirm(null);
                    setMessage(`Marked ${plural(ids.length, 'note')} as printed.`);
                  }}
                >
                  Yes, mark them printed
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setConfirm(null);
                    setMessage('Nothing was marked as printed. If the text was off the labels, adjust the printer alignment below, then print again.');
                  }}
                >
                  No, print again later
                </button>
              </div>
            </div>
          )}
          {message && <p role="status">{message}</p>}
        </section>
      </div>
      <PrintPreview paper={spec.paper} label="Preview of the label sheets">
        <LabelSheets spec={spec} offset={offset} items={items} startAt={startAt} />
      </PrintPreview>
      <div className="print-alignment">
        <AlignmentPage spec={spec} offset={offset} />
      </div>
      <Calibration spec={spec} offset={offset} onTestPrint={() => print('alignment')} />
    </div>
  );
}
