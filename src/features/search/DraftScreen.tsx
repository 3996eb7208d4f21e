// A report-comment draft for one student (placeholder until drafts land).
export function DraftScreen() {
  return <p className="card">Drafts are coming.</p>;
}
