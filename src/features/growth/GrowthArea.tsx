// The Growth area: the class at a glance (heatmap, what to teach next) and each writer's growth along the continuum.
import { Route, Routes } from 'react-router';
import { useCurrentClass } from '../../session/useCurrentClass';
import { ClassGrowthScreen } from './ClassGrowthScreen';
import { StudentGrowthScreen } from './StudentGrowthScreen';
import { GoalLibraryScreen } from './GoalLibraryScreen';
import './growth.css';
import { NoClassYet } from '../../ui/NoClassYet';

export default function GrowthArea() {
  const { current, loading } = useCurrentClass();
  if (loading) return null;
  if (!current) return <NoClassYet title="Growth" />;
  return (
    <Routes>
      <Route path="student/:studentId" element={<StudentGrowthScreen />} />
      <Route path="goals" element={<GoalLibraryScreen />} />
      <Route path="*" element={<ClassGrowthScreen key={current.id} classId={current.id} />} />
    </Routes>
  );
}
