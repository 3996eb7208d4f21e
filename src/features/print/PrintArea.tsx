// The Print area: notes on label sheets, student summaries, group cards, goal cards and a writer's growth page, each printed through the browser's own
// print dialog (no server), so it works offline.
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { useCurrentClass } from '../../session/useCurrentClass';
import { GoalCardsScreen } from './GoalCardsScreen';
import { GroupCardsScreen } from './GroupCardsScreen';
import { GrowthPrintScreen } from './GrowthPrintScreen';
import { LabelsScreen } from './LabelsScreen';
import { SummariesScreen } from './SummariesScreen';
import './print.css';
import { NoClassYet } from '../../ui/NoClassYet';

export default function PrintArea() {
  const { current, loading } = useCurrentClass();
  if (loading) return null;
  if (!current) return <NoClassYet title="Print" />;
  return (
    <div className="print-area">
      <div className="no-print">
        <h1>Print</h1>
        <nav aria-label="What to print" className="print-tabs">
          <NavLink to="/print/labels">Notes on labels</NavLink>
          <NavLink to="/print/summaries">Student summaries</NavLink>
          <NavLink to="/print/cards">Group cards</NavLink>
          <NavLink to="/print/goals">Goal cards</NavLink>
          <NavLink to="/print/growth">Growth page</NavLink>
        </nav>
      </div>
      <Routes>
        <Route path="labels" element={<LabelsScreen key={current.id} classId={current.id} />} />
        <Route path="summaries" element={<SummariesScreen key={current.id} classId={current.id} className={current.name} />} />
        <Route path="cards" element={<GroupCardsScreen key={current.id} classId={current.id} />} />
        <Route path="goals" element={<GoalCardsScreen key={current.id} classId={current.id} />} />
        <Route path="growth/:studentId?" element={<GrowthPrintScreen key={current.id} classId={current.id} className={current.name} />} />
        <Route path="*" element={<Navigate to="/print/labels" replace />} />
      </Routes>
    </div>
  );
}
