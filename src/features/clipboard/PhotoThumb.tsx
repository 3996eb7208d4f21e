// Shows a stored photo (a local Blob) through an object URL that is released when the photo goes away.
import { db } from '../../db/db';
import { useLiveQueryFor } from '../../db/live';
import { useEffect, useMemo } from 'react';

export function PhotoThumb({ photoId, alt, large }: { photoId: string; alt: string; large?: boolean }) {
  const photo = useLiveQueryFor(photoId, async () => (await db.photos.get(photoId)) ?? null, []);
  const url = useMemo(() => (photo ? URL.createObjectURL(photo.blob) : null), [photo]);
  useEffect(() => {
    if (!url) return;
    return () => URL.revokeObjectURL(url);
  }, [url]);
  if (photo === null) return <p className="muted">The photo is not on this device.</p>;
  if (!photo || !url) return null;
  return <img className={large ? 'clip-photo-large' : 'clip-photo'} src={url} alt={alt} width={photo.width} height={photo.height} />;
}
