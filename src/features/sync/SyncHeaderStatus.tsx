// The sync state in the header (synced, N changes waiting, offline, or what to do), linking to the sync settings.
// Shows nothing until the teacher configures a server: without one, nothing ever leaves the device.
import { Link } from 'react-router';
import { useSyncState } from './useSyncState';
import './sync.css';

export function SyncHeaderStatus() {
  const { view } = useSyncState();
  if (!view) return null;
  return (
    <div role="status" aria-label="Sync" className={`sync-status sync-${view.tone}`}>
      <Link to="/settings#sync" className="sync-status-link">
        {view.short}
      </Link>
    </div>
  );
}
