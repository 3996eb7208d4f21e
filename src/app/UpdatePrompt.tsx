// "Update ready": a new version waits until the teacher accepts, and accepting first flushes any open text.
import { useRegisterSW } from 'virtual:pwa-register/react';
import { flushPendingSaves } from '../db/autosave';

export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    // Tablets stay open for days: look for a new version every hour (a failed check offline is harmless).
    onRegisteredSW(_url, registration) {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), 60 * 60_000);
    },
  });
  if (!needRefresh) return null;
  return (
    <div role="status" className="update-prompt">
      <p>Update ready.</p>
      <button
        type="button"
        onClick={async () => {
          await flushPendingSaves();
          await updateServiceWorker(true);
        }}
      >
        Update now
      </button>
      <button type="button" onClick={() => setNeedRefresh(false)}>
        Later
      </button>
    </div>
  );
}
