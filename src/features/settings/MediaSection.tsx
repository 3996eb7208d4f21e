// Photos and voice memos on this device: how much room each takes, and how long memos are kept.
import { useState } from 'react';
import { useLiveQuery } from '../../db/live';
import { useLocal } from '../../db/local';
import { MEMO_RETENTION_KEY, mediaUsage, memosPastRetentionOnDevice, setMemoRetention } from '../../db/memos';
import { MEMO_RETENTION_CHOICES, retentionLabel } from '../../domain/retention';

export function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function MediaSection() {
  const usage = useLiveQuery(() => mediaUsage(), []);
  const days = useLocal<number | null>(MEMO_RETENTION_KEY, null);
  const [status, setStatus] = useState('');
  const choose = async (choice: number | null) => {
    const going = (await memosPastRetentionOnDevice(choice)).length;
    const sure = going === 0 || window.confirm(`Delete ${plural(going, 'voice memo', 'voice memos')} older than ${choice} days from this device now? This cannot be undone.`);
    if (!sure) return;
    const gone = await setMemoRetention(choice);
    setStatus(`Voice memos: ${choice === null ? 'kept until you delete them' : `deleted after ${choice} days`}.${gone > 0 ? ` Deleted ${plural(gone, 'memo', 'memos')}.` : ''}`);
  };
  return (
    <section className="card" aria-labelledby="media-h">
      <h2 id="media-h">Photos and voice memos</h2>
      {usage && (
        <dl>
          <dt>Photos</dt>
          <dd>
            {plural(usage.photos.count, 'photo', 'photos')}, {formatMb(usage.photos.bytes)}
          </dd>
          <dt>Voice memos</dt>
          <dd>
            {plural(usage.memos.count, 'memo', 'memos')}, {formatMb(usage.memos.bytes)}
          </dd>
        </dl>
      )}
      <fieldset>
        <legend>Delete voice memos after</legend>
        <div className="row">
          {MEMO_RETENTION_CHOICES.map((c) => (
            <button key={String(c)} type="button" aria-pressed={days !== undefined && days === c} onClick={() => void choose(c)}>
              {retentionLabel(c)}
            </button>
          ))}
        </div>
      </fieldset>
      <p role="status">{status}</p>
    </section>
  );
}
