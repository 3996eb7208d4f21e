// "Update ready": a new version waits until the teacher accepts, and accepting first flushes any open text.
import { useRegisterSW } from 'virtual:pwa-register/react';
import { flushPendingSaves } from '../ui/autosave';

export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();
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
