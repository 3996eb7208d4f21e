// Report-comment drafts for one student: choose the dates, draft from the evidence, edit, copy, export or print the
// comment with the student's summary (on the paper chosen in Print). Drafts sync, so they are on the second tablet.
import { useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useParams } from 'react-router';
import { displayName } from '../../domain/names';
import { buildSummary, SUMMARY_DEFAULTS } from '../../domain/summary';
import { useCurrentClass } from '../../session/useCurrentClass';
import { today } from '../settings/download';
import { StudentSummaryPage } from '../print/StudentSummaryPage';
import { useClassPrintData, usePaper } from '../print/reads';
import { docMargin } from '../print/PaperChoice';
import { PrintDocument } from '../print/PrintPreview';
import { DraftEditor } from './DraftEditor';
import { makeDraft } from './draftActions';
import { useStudentDrafts, useStudentForDraft } from './draftReads';
import '../print/print.css';

function monthsAgo(n: number): string {
  const d = new Date();
  d.setMonth(d.getMonth() - n);
  return today(d);
}

export function DraftScreen() {
  const { studentId = '' } = useParams();
  const student = useStudentForDraft(studentId);
  const drafts = useStudentDrafts(studentId);
  const { current } = useCurrentClass();
  const [from, setFrom] = useState(() => monthsAgo(3));
  const [to, setTo] = useState(() => today());
  const [message, setMessage] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [printedOn] = useState(() => Date.now());
  /** The words being printed, as shown in the editor (the stored ones may be an autosave pause behind). */
  const [printing, setPrinting] = useState<string | null>(null);
  const paper = usePaper() ?? 'letter';
  const classData = useClassPrintData(student?.classId ?? '');
  const summary = useMemo(() => (student && classData ? buildSummary(student, classData, SUMMARY_DEFAULTS) : null), [student, classData]);
  if (student === undefined || drafts === undefined) return null;
  if (student === null)
    return (
      <p className="card">
        This student is not on this device. <Link to="/find">Back to Find</Link>
      </p>
    );
  const draft = drafts.find((d) => d.id === chosen) ?? drafts[0] ?? null;
  // The print dialog copies the page when it opens, so the words are on the page before it is called.
  const print = (text: string) => {
    flushSync(() => setPrinting(text));
    window.print();
    setPrinting(null);
  };
  const onMake = async () => {
    const r = await makeDraft(student.id, from, to);
    setMessage(r.ok ? 'Drafted. Edit it below.' : r.message);
    if (r.ok) setChosen(r.id);
  };
  return (
    <>
      <div className="stack no-print">
        <section className="card" aria-labelledby="draft-h">
          <h1 id="draft-h">Report comment for {displayName(student)}</h1>
          <p className="muted">Drafted from conferences, checklist marks, notes and goals in the dates you choose; private notes are never used.</p>
          <div className="row">
            <label className="field">
              <span>First day</span>
              <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label className="field">
              <span>Last day</span>
              <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
            <button type="button" className="primary" onClick={() => void onMake()}>
              Draft a comment
            </button>
          </div>
          <p role="status">{message}</p>
          {drafts.length > 1 && (
            <label className="field">
              <span>Drafts</span>
              <select value={draft?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
                {drafts.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.from} to {d.to}
                  </option>
                ))}
              </select>
            </label>
          )}
          <Link to="/find">Back to Find</Link>
        </section>
        {draft && <DraftEditor key={draft.id} draft={draft} student={student} onPrint={print} />}
      </div>
      {draft && (
        <div className="draft-print" aria-hidden="true">
          <PrintDocument paper={paper} margin={docMargin(paper)}>
            <p className="draft-print-comment">{printing ?? draft.text}</p>
            {summary && <StudentSummaryPage summary={summary} className={current?.name ?? ''} printedOn={printedOn} />}
          </PrintDocument>
        </div>
      )}
    </>
  );
}
