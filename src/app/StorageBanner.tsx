// Shows storage failures (a full disk) in words the teacher can act on; the data layer reports them here.
import { useEffect, useState } from 'react';
import { onStorageError } from '../db/errors';

export function StorageBanner() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => onStorageError((e) => setMessage(e.message)), []);
  if (!message) return null;
  return (
    <div role="alert" className="banner banner-error">
      <p>{message}</p>
      <button type="button" onClick={() => setMessage(null)}>
        Dismiss
      </button>
    </div>
  );
}
