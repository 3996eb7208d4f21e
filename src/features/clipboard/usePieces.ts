// The current class's pieces and the one the teacher is working on (remembered per class, else the newest).
import { useLiveQueryFor } from '../../db/live';
import type { Piece } from '../../shared/records';
import { useClipboardStore } from './clipboardStore';
import { useClipboardData } from './dataContext';
import { classPieces } from './queries';

export function usePieces(classId: string | undefined): Piece[] | undefined {
  const { db } = useClipboardData();
  return useLiveQueryFor(classId, async () => (classId ? classPieces(db, classId) : []), [db]);
}

export function useCurrentPiece(classId: string | undefined): { pieces: Piece[] | undefined; piece: Piece | null; choose: (id: string) => void } {
  const pieces = usePieces(classId);
  const chosen = useClipboardStore((s) => (classId ? s.pieceByClass[classId] : undefined));
  const setPiece = useClipboardStore((s) => s.setPiece);
  const piece = pieces ? currentOf(pieces, chosen) : null;
  return { pieces, piece, choose: (id) => classId && setPiece(classId, id) };
}

/** The piece being worked on: the one chosen on this device if it is still open, else the newest. */
export function currentOf(pieces: readonly Piece[], chosen: string | undefined): Piece | null {
  return pieces.find((p) => p.id === chosen && !p.deleted && !p.archived) ?? pieces.find((p) => !p.deleted && !p.archived) ?? null;
}
