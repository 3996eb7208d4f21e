// Voice memos on a note or a conference: one tap records, one tap stops, each chunk saved as it arrives; the finished
// memos play back here and can be deleted.
import { useId } from 'react';
import { deleteMemo, type MemoOwner } from '../../db/memos';
import { formatClock, MAX_MEMO_MS, spokenLength } from '../../domain/memos';
import type { MemoRef } from '../../shared/records';
import { MemoPlayer } from './MemoPlayer';
import { useMemoRecorder } from './useMemoRecorder';
import './memos.css';

interface Props {
  table: MemoOwner['table'];
  ownerId: string;
  memos: readonly MemoRef[];
  studentName: string;
}

export function MemoSection({ table, ownerId, memos, studentName }: Props) {
  const headingId = useId();
  const rec = useMemoRecorder(table, ownerId);
  const recording = rec.state === 'recording';
  return (
    <section aria-labelledby={headingId} className="stack memos">
      <h2 id={headingId}>Voice memos</h2>
      {memos.length > 0 && (
        <ul className="memo-list">
          {memos.map((m) => (
            <li key={m.id}>
              <MemoPlayer memo={m} studentName={studentName} onDelete={() => void deleteMemo({ table, id: ownerId }, m.id)} />
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        {recording ? (
          <button type="button" className="danger memo-stop" onClick={rec.stop}>
            Stop
          </button>
        ) : (
          <button type="button" className="primary" disabled={rec.state !== 'idle'} onClick={() => void rec.start()}>
            Record memo
          </button>
        )}
        {(recording || rec.state === 'saving') && (
          <span role="timer" aria-label="Recording time" className="memo-clock">
            {formatClock(rec.elapsedMs)}
          </span>
        )}
        {recording && <span className="muted">of {formatClock(MAX_MEMO_MS)} at most ({spokenLength(MAX_MEMO_MS)})</span>}
      </div>
      <p role="status" className="visually-hidden">
        {rec.announcement}
      </p>
      {rec.state === 'saving' && <p className="muted">Saving the memo...</p>}
      {rec.state === 'idle' && rec.announcement.startsWith('Stopped at') && <p className="muted">{rec.announcement}</p>}
      {rec.error && (
        <p className="error" role="alert">
          {rec.error}
        </p>
      )}
    </section>
  );
}
