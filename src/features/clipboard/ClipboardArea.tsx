// The Clipboard area: the checklist grid, notes, the student page, pieces and class needs, each on its own sub-path.
import { Navigate, Route, Routes } from 'react-router';
import { useCurrentClass } from '../../app/useCurrentClass';
import { GridScreen } from './GridScreen';
import { NeedsScreen } from './NeedsScreen';
import { NoteScreen } from './NoteScreen';
import { PieceEditor } from './PieceEditor';
import { NewPiece } from './NewPiece';
import { PiecesScreen } from './PiecesScreen';
import { SeenList } from './SeenList';
import { StudentPage } from './StudentPage';
import { ToastProvider } from './toast';
import './clipboard.css';

export default function ClipboardArea() {
  const { current, loading } = useCurrentClass();
  if (loading) return null;
  if (!current) return <Navigate to="/roster" replace />;
  return (
    <ToastProvider>
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
    </ToastProvider>
  );
}
