// Status items in the header; features that run in the background (timer, sync) add theirs here.
import { HeaderTimer } from '../features/timer/HeaderTimer';
import { SyncHeaderStatus } from '../features/sync/SyncHeaderStatus';

export function HeaderStatus() {
  return (
    <div className="header-status">
      <HeaderTimer />
      <SyncHeaderStatus />
    </div>
  );
}
