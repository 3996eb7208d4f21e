// The clipboard's one undo toast, shared by its screens so an undo offered on one survives a move to the next.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { UndoToast } from '../../ui/UndoToast';

interface ToastRequest {
  message: string;
  onUndo: () => void;
}

const ToastContext = createContext<(t: ToastRequest) => void>(() => {});

export function useUndoToast(): (t: ToastRequest) => void {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<(ToastRequest & { token: number }) | null>(null);
  const show = useCallback((t: ToastRequest) => setToast({ ...t, token: Date.now() + Math.random() }), []);
  const dismiss = useCallback(() => setToast(null), []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      {toast && <UndoToast message={toast.message} token={toast.token} onUndo={toast.onUndo} onDismiss={dismiss} />}
    </ToastContext.Provider>
  );
}
