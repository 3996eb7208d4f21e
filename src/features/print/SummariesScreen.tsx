// Student summaries: one page per student, for the student's file or a parent conference; the whole class prints as
// one job, each student starting a new page.
import { useMemo, useState } from 'react';
import { displayName } from '../../domain/names';
import { buildSummary, SUMMARY_DEFAULTS } from '../../domain/summary';
import { docMargin, PaperChoice } from './PaperChoice';
import { usePaper, useClassPrintData } from './reads';
import { PrintDocument, PrintPreview } from './PrintPreview';
import { StudentSummaryPage } from './StudentSummaryPage';

export function SummariesScreen({ classId, className }: { classId: string; className: string }) {
  const data = useClassPrintData(classId);
  const paper = usePaper() ?? 'letter';
  const [who, setWho] = useState('all');
  const [includePrivate, setIncludePrivate] = useState(false);
  const [printedOn] = useState(() => Date.now());
  const summaries = useMemo(() => {
    if (!data) return [];
    const students = who === 'all' ? data.students : data.students.filter((s) => s.id === who);
    return students.map((s) => buildSummary(s, data, { ...SUMMARY_DEFAULTS, includePrivate }));
  }, [data, who, includePrivate]);
  const margin = docMargin(paper);

  return (
    <PrintDocument paper={paper} margin={margin}>
      <div className="no-print stack">
        <section className="card" aria-labelledby="print-sum-h">
          <h2 id="print-sum-h">Student summaries</h2>
          <label className="field">
            <span>Students</span>
            <select value={who} onChange={(e) => setWho(e.target.value)}>
              <option value="all">Whole class, a page each</option>
              {data?.students.map((s) => (
                <option key={s.id} value={s.id}>
                  {displayName(s)}
                </option>
              ))}
            </select>
          </label>
          <PaperChoice paper={paper} />
          <label className="print-choice">
            <input type="checkbox" checked={includePrivate} onChange={(e) => setIncludePrivate(e.target.checked)} />
            <span>Include private notes</span>
          </label>
          <p role="status">{summaries.length === 0 ? 'No students in this class yet.' : `${summaries.length} ${summaries.length === 1 ? 'page' : 'pages'}, one per student.`}</p>
          <p className="muted">In the print dialog choose Actual size (100%) and turn off headers and footers.</p>
          <button type="button" className="primary" disabled={summaries.length === 0} onClick={() => window.print()}>
            Print summaries
          </button>
        </section>
      </div>
      <PrintPreview paper={paper} label="Preview of the student summaries">
        {summaries.map((s) => (
          <StudentSummaryPage key={s.studentId} summary={s} className={className} printedOn={printedOn} />
        ))}
      </PrintPreview>
    </PrintDocument>
  );
}
