// The Find area: search across the class's written records, and report-comment drafts for one student.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useCurrentClass } from '../../session/useCurrentClass';
import { SearchScreen } from './SearchScreen';
import './search.css';

const DraftScreen = lazy(() => import('./DraftScreen').then((m) => ({ default: m.DraftScreen })));

export default function SearchArea() {
  const { current, loading } = useCurrentClass();
  if (loading) return null;
  if (!current) return <Navigate to="/roster" replace />;
  return (
    <Suspense fallback={null}>
      <Routes>
        <Route index element={<SearchScreen />} />
        <Route path="draft/:studentId" element={<DraftScreen />} />
        <Route path="*" element={<Navigate to="/find" replace />} />
      </Routes>
    </Suspense>
  );
}
