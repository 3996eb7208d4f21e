// Session state (never records): the piece the teacher chose in each class, remembered on this device. Chosen on
// the clipboard; the groups area and new conferences follow it (see currentPiece in src/domain/pieces.ts).
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface ChosenPieceState {
  pieceByClass: Record<string, string>;
  setPiece: (classId: string, pieceId: string) => void;
}

// The storage key predates src/session: renaming it would forget every device's choice.
export const useChosenPieces = create<ChosenPieceState>()(
  persist(
    (set) => ({
      pieceByClass: {},
      setPiece: (classId, pieceId) => set((s) => ({ pieceByClass: { ...s.pieceByClass, [classId]: pieceId } })),
    }),
    { name: 'circulate.clipboard' },
  ),
);

/** The piece chosen in a class, as a hook: the screen re-reads when the choice changes. */
export function useChosenPieceId(classId: string | null | undefined): string | null {
  return useChosenPieces((s) => (classId ? (s.pieceByClass[classId] ?? null) : null));
}

/** The piece chosen in a class right now, for actions that run outside render (starting a conference). */
export function chosenPieceId(classId: string): string | null {
  return useChosenPieces.getState().pieceByClass[classId] ?? null;
}
