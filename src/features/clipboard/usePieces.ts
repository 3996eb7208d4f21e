// The current class's pieces and the one the teacher is working on (remembered per class, else the newest).
import { useLiveQuery } from 'dexie-react-hooks';
import type { Piece } from '../../db/types';
import { useClipboardStore } from './clipboardStore';
import { useClipboardData } from './dataContext';
import { classPieces } from './queries';

export function usePieces(classId: string | undefined): Piece[] | undefined {
  const { db } = useClipboardData();
  return useLiveQuery(async () => (classId ? classPieces(db, classId) : []), [db, classId]);
}

export function useCurrentPiece(classId: string | undefined): { pieces: Piece[] | undefined; piece: Piece | null; choose: (id: string) => void } {
  const pieces = usePieces(classId);
  const chosen = useClipboardStore((s) => (classId ? s.pieceByClass[classId] : undefined));
  const setPiece = useClipboardStore((s) => s.setPiece);
  const piece = pieces?.find((p) => p.id === chosen) ?? pieces?.[0] ?? null;
  return { pieces, piece, choose: (id) => classId && setPiece(classId, id) };
}
