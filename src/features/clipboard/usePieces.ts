// The current class's pieces and the one the teacher is working on (remembered per class, else the newest).
import { db } from '../../db/db';
import { useLiveQueryFor } from '../../db/live';
import type { Piece } from '../../shared/records';
import { currentPiece } from '../../domain/pieces';
import { useChosenPieceId, useChosenPieces } from '../../session/chosenPiece';
import { classPieces } from './reads';

export function usePieces(classId: string | undefined): Piece[] | undefined {
  return useLiveQueryFor(classId, async () => (classId ? classPieces(db, classId) : []), []);
}

export function useCurrentPiece(classId: string | undefined): { pieces: Piece[] | undefined; piece: Piece | null; choose: (id: string) => void } {
  const pieces = usePieces(classId);
  const chosen = useChosenPieceId(classId);
  const setPiece = useChosenPieces((s) => s.setPiece);
  const piece = pieces ? currentPiece(pieces, chosen) : null;
  return { pieces, piece, choose: (id) => classId && setPiece(classId, id) };
}
