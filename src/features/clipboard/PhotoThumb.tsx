// Shows a note's photo from this device's blob store through an object URL released when the photo goes away; until
// the blob queue has brought the bytes to this device, a placeholder says the photo is on its way.
import { useLiveQueryFor } from '../../db/live';
import { db } from '../../db/db';
import { useEffect, useMemo } from 'react';
import type { Note } from '../../shared/records';

export function PhotoThumb({ note, alt, large, className }: { note: Pick<Note, 'photo' | 'photoId'>; alt: string; large?: boolean; className?: string }) {
  const ref = note.photo ?? null;
  const sha = ref?.sha256 ?? '';
  const row = useLiveQueryFor(sha, async () => (sha ? ((await db.blobs.get(sha)) ?? null) : null), []);
  const url = useMemo(() => (row ? URL.createObjectURL(row.blob) : null), [row]);
  useEffect(() => {
    if (!url) return;
    return () => URL.revokeObjectURL(url);
  }, [url]);
  if (!ref && !note.photoId) return null;
  // A ref whose bytes are not here yet, or a photo still on a tablet that has not updated (photoId, before schema 5).
  if (row === null || !ref) return <p className="muted photo-pending">Photo is on its way</p>;
  if (!row || !url) return null;
  return <img className={className ?? (large ? 'clip-photo-large' : 'clip-photo')} src={url} alt={alt} width={ref.width} height={ref.height} />;
}
