// Session state (never records): the current class, remembered across visits on this device.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface SessionState {
  currentClassId: string | null;
  setCurrentClass: (id: string | null) => void;
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      currentClassId: null,
      setCurrentClass: (id) => set({ currentClassId: id }),
    }),
    { name: 'circulate.session' },
  ),
);
