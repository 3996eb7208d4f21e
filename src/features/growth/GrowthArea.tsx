// The Growth area: the class at a glance (heatmap, what to teach next) and each writer's growth along the continuum.
import { Link, Route, Routes } from 'react-router';
import { useCurrentClass } from '../../session/useCurrentClass';
import { ClassGrowthScreen } from './ClassGrowthScreen';
import { StudentGrowthScreen } from './StudentGrowthScreen';
import { GoalLibraryScreen } from './GoalLibraryScreen';
import './growth.css';

export default function GrowthArea() {
  const { current, loading } = useCurrentClass();
  if (loading) return null;
  if (!current) {
    return (
      <div className="stack">
        <h1>Growth</h1>
        <p>
          Add a class on the <Link to="/roster">Roster</Link> first.
        </p>
      </div>
    );
  }
  return (
    <Routes>
      <Route path="student/:studentId" element={<StudentGrowthScreen />} />
      <Route path="goals" element={<GoalLibraryScreen />} />
      <Route path="*" element={<ClassGrowthScreen key={current.id} classId={current.id} />} />
    </Routes>
  );
}
