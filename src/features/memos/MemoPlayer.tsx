// Plays one voice memo from this device's blob store, with a text label naming the student and the time; until the
// blob queue has brought the audio to this device, says it is on its way.
import { useEffect, useId, useMemo } from 'react';
import { db } from '../../db/db';
import { useLiveQueryFor } from '../../db/live';
import { formatClock } from '../../domain/memos';
import { formatWhen } from '../../ui/dates';
import type { MemoRef } from '../../shared/records';

export function memoLabel(memo: MemoRef, studentName: string): string {
  const when = formatWhen(memo.at, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
  return `Voice memo about ${studentName}, ${when} (${formatClock(memo.durationMs)})`;
}

export function MemoPlayer({ memo, studentName, onDelete }: { memo: MemoRef; studentName: string; onDelete?: () => void }) {
  const labelId = useId();
  const row = useLiveQueryFor(memo.sha256, async () => (await db.blobs.get(memo.sha256)) ?? null, []);
  const url = useMemo(() => (row ? URL.createObjectURL(row.blob) : null), [row]);
  useEffect(() => {
    if (!url) return;
    return () => URL.revokeObjectURL(url);
  }, [url]);
  const label = memoLabel(memo, studentName);
  return (
    <div className="memo">
      <p id={labelId} className="memo-label">
        {label}
      </p>
      {row === null && <p className="muted">Voice memo is on its way</p>}
      {url && <audio controls preload="metadata" src={url} aria-labelledby={labelId} />}
      {onDelete && (
        <button type="button" className="danger" aria-label={`Delete ${label}`} onClick={onDelete}>
          Delete memo
        </button>
      )}
    </div>
  );
}
