// The Clipboard area: the checklist grid, notes, the student page, pieces and class needs, each on its own sub-path.
// Only the grid (the screen the app opens on) is in the first download; the others load when first opened.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useCurrentClass } from '../../session/useCurrentClass';
import { GridScreen } from './GridScreen';
import { ToastProvider } from './toast';
import './clipboard.css';

const StudentPage = lazy(() => import('./StudentPage').then((m) => ({ default: m.StudentPage })));
const NoteScreen = lazy(() => import('./NoteScreen').then((m) => ({ default: m.NoteScreen })));
const PiecesScreen = lazy(() => import('./PiecesScreen').then((m) => ({ default: m.PiecesScreen })));
const NewPiece = lazy(() => import('./NewPiece').then((m) => ({ default: m.NewPiece })));
const PieceEditor = lazy(() => import('./PieceEditor').then((m) => ({ default: m.PieceEditor })));
const NeedsScreen = lazy(() => import('./NeedsScreen').then((m) => ({ default: m.NeedsScreen })));
const SeenList = lazy(() => import('./SeenList').then((m) => ({ default: m.SeenList })));

export default function ClipboardArea() {
  const { current, loading } = useCurrentClass();
  if (loading) return null;
  if (!current) return <Navigate to="/roster" replace />;
  return (
    <ToastProvider>
      <Suspense fallback={null}>
        <Routes>
          <Route index element={<GridScreen />} />
          <Route path="student/:studentId" element={<StudentPage />} />
          <Route path="note/:noteId" element={<NoteScreen />} />
          <Route path="pieces" element={<PiecesScreen />} />
          <Route path="pieces/new" element={<NewPiece />} />
          <Route path="pieces/:pieceId" element={<PieceEditor />} />
          <Route path="needs" element={<NeedsScreen />} />
          <Route path="students" element={<SeenList />} />
          <Route path="*" element={<Navigate to="/clipboard" replace />} />
        </Routes>
      </Suspense>
    </ToastProvider>
  );
}
