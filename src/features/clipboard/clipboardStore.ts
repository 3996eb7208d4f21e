// Clipboard UI state (never records): the piece the teacher is working on in each class, remembered on this device.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface ClipboardState {
  pieceByClass: Record<string, string>;
  setPiece: (classId: string, pieceId: string) => void;
}

export const useClipboardStore = create<ClipboardState>()(
  persist(
    (set) => ({
      pieceByClass: {},
      setPiece: (classId, pieceId) => set((s) => ({ pieceByClass: { ...s.pieceByClass, [classId]: pieceId } })),
    }),
    { name: 'circulate.clipboard' },
  ),
);
