// A writer's growth page for a parent conference: choose the writer and the paper, see the page, print it. One page
// on US Letter or A4 (the page holds at most what fits; see GROWTH_PAGE_LIMITS).
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { buildGrowthPage } from '../../domain/growthPrint';
import { displayName } from '../../domain/names';
import { useStudents } from '../../db/hooks';
import { TRAIT_ORDER, useStudentGrowth } from '../growth/reads';
import { GrowthReportPage } from './GrowthReportPage';
import { docMargin, PaperChoice } from './PaperChoice';
import { PrintDocument, PrintPreview } from './PrintPreview';
import { usePaper } from './reads';

export function GrowthPrintScreen({ classId, className }: { classId: string; className: string }) {
  const students = useStudents(classId);
  const params = useParams();
  const navigate = useNavigate();
  const studentId = params.studentId ?? students?.[0]?.id ?? '';
  const data = useStudentGrowth(classId, studentId);
  const paper = usePaper() ?? 'letter';
  const [printedOn] = useState(() => Date.now());
  const page = useMemo(
    () => (data?.student ? buildGrowthPage({ student: data.student, evidence: data.evidence, traitOrder: TRAIT_ORDER, goals: data.goals, checks: data.checks, conferences: data.conferences, now: printedOn }) : null),
    [data, printedOn],
  );
  const margin = docMargin(paper);

  return (
    <PrintDocument paper={paper} margin={margin}>
      <div className="no-print stack">
        <section className="card" aria-labelledby="print-growth-h">
          <h2 id="print-growth-h">Growth page for a parent conference</h2>
          <label className="field">
            <span>Student</span>
            <select value={studentId} onChange={(e) => navigate(`/print/growth/${e.target.value}`, { replace: true })}>
              {students?.map((s) => (
                <option key={s.id} value={s.id}>
                  {displayName(s)}
                </option>
              ))}
            </select>
          </label>
          <PaperChoice paper={paper} />
          <p role="status">{!students ? '' : students.length === 0 ? 'No students in this class yet.' : page ? `One page for ${page.name}.` : ''}</p>
          <p className="muted">In the print dialog choose Actual size (100%) and turn off headers and footers.</p>
          <button type="button" className="primary" disabled={!page} onClick={() => window.print()}>
            Print growth page
          </button>
        </section>
      </div>
      {page && data && (
        <PrintPreview paper={paper} label="Preview of the growth page">
          <GrowthReportPage page={page} className={className} names={data.levelNames} printedOn={printedOn} />
        </PrintPreview>
      )}
    </PrintDocument>
  );
}
