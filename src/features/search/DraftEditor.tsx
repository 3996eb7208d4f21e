// One report-comment draft: the teacher's words (saved as they type), the evidence each drafted sentence came from,
// and copy, CSV, print and delete. Copy and print take the words as shown, not as last saved: a tap within the
// autosave's pause must not copy or print the comment without its last edit.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useAutosaveField } from '../../db/useAutosaveField';
import { formatWhen } from '../../ui/dates';
import { downloadText, today } from '../settings/download';
import { deleteDraft, draftCsv, dropSentences } from './draftActions';
import { useUnbackedSentences } from './draftReads';
import type { ReportDraft, Student } from '../../shared/records';

const KIND: Record<string, string> = { conferences: 'Conference', notes: 'Note', goals: 'Goal', goalChecks: 'Self-check', marks: 'Checklist' };
const day = (ms: number) => formatWhen(ms, { day: 'numeric', month: 'short', year: 'numeric' });

export function DraftEditor({ draft, student, onPrint }: { draft: ReportDraft; student: Student; onPrint: (text: string) => void }) {
  const [copied, setCopied] = useState('');
  const fieldId = useId();
  const text = useAutosaveField('reportDrafts', draft.id, 'text', draft.text);
  const unbacked = useUnbackedSentences(draft);
  const gone = unbacked?.size ?? 0;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text.value);
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
      <div className="field">
        <label htmlFor={fieldId}>Comment (saved as you type)</label>
        <textarea id={fieldId} rows={8} className="draft-text" {...text} />
      </div>
      <div className="row">
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" onClick={() => onPrint(text.value)}>
          Print with summary
        </button>
        <button type="button" onClick={() => downloadText(draftCsv(student, [{ ...draft, text: text.value }]), `circulate-comment-${today()}.csv`, 'text/csv')}>
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
      {gone > 0 && (
        <div className="draft-unbacked">
          <p role="status">
            {gone === 1 ? 'A drafted sentence came' : `${gone} drafted sentences came`} from a record since deleted or made private: check the comment before you use it.
          </p>
          <button type="button" onClick={() => unbacked && void dropSentences(draft, unbacked, text.value)}>
            Take {gone === 1 ? 'it' : 'them'} out of the comment
          </button>
        </div>
      )}
      {/* Drawn once it is known which sentences are still backed, so a withdrawn note's words never flash up. */}
      {unbacked && (
        <ol className="draft-evidence" aria-label="Evidence">
          {draft.sentences.map((s, i) =>
            unbacked.has(i) ? (
              <li key={i} className="muted">
                A sentence from a record no longer here.
              </li>
            ) : (
              <li key={i}>
                {s.text}{' '}
                {s.evidence.map((e) => (
                  <Link key={`${e.kind}:${e.id}`} to={`/clipboard/student/${student.id}`} state={{ focus: `${e.kind}:${e.id}` }}>
                    {KIND[e.kind] ?? e.kind}, {day(e.at)}
                  </Link>
                ))}
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
