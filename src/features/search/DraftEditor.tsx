// One report-comment draft: the teacher's words (saved as they type), the evidence each drafted sentence came from,
// and copy, CSV, print and delete.
import { useState } from 'react';
import { Link } from 'react-router';
import { AutosaveField } from '../../ui/AutosaveField';
import { formatWhen } from '../../ui/dates';
import { downloadText, today } from '../settings/download';
import { deleteDraft, draftCsv } from './draftActions';
import type { ReportDraft, Student } from '../../shared/records';

const KIND: Record<string, string> = { conferences: 'Conference', notes: 'Note', goals: 'Goal', goalChecks: 'Self-check', marks: 'Checklist' };
const day = (ms: number) => formatWhen(ms, { day: 'numeric', month: 'short', year: 'numeric' });

export function DraftEditor({ draft, student, onPrint }: { draft: ReportDraft; student: Student; onPrint: () => void }) {
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(draft.text);
      setCopied('Copied. Paste it into the report card.');
    } catch {
      setCopied('This browser did not allow copying: select the text and copy it by hand.');
    }
  };
  return (
    <section className="card" aria-labelledby="draft-edit-h">
      <h2 id="draft-edit-h">
        Comment for {draft.from} to {draft.to}
      </h2>
      <AutosaveField table="reportDrafts" recordId={draft.id} field="text" value={draft.text} label="Comment (saved as you type)" multiline rows={8} className="draft-text" />
      <div className="row">
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" onClick={onPrint}>
          Print with summary
        </button>
        <button type="button" onClick={() => downloadText(draftCsv(student, [draft]), `circulate-comment-${today()}.csv`, 'text/csv')}>
          Export (CSV)
        </button>
        <button type="button" onClick={() => void deleteDraft(draft.id)}>
          Delete draft
        </button>
      </div>
      <p role="status" className="muted">
        {copied}
      </p>
      <h3>Evidence</h3>
      <ol className="draft-evidence" aria-label="Evidence">
        {draft.sentences.map((s, i) => (
          <li key={i}>
            {s.text}{' '}
            {s.evidence.map((e) => (
              <Link key={`${e.kind}:${e.id}`} to={`/clipboard/student/${student.id}`} state={{ focus: `${e.kind}:${e.id}` }}>
                {KIND[e.kind] ?? e.kind}, {day(e.at)}
              </Link>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
