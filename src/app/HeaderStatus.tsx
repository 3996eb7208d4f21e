// Status items in the header; features that run in the background (timer, sync) add theirs here.
export function HeaderStatus() {
  return <div className="header-status" />;
}
