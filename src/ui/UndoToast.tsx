// A short-lived message with an Undo button (teachers mis-tap while walking): shown for a few seconds, then gone.
import { useEffect } from 'react';

export const UNDO_MS = 5000;

interface Props {
  /** What just happened, in words ("Ana Lopez, Adds details: needs support"). Changing it restarts the timer. */
  message: string;
  /** Distinguishes two toasts with the same message, so each restarts the timer. */
  token: string | number;
  onUndo: () => void;
  onDismiss: () => void;
  ms?: number;
}

export function UndoToast({ message, token, onUndo, onDismiss, ms = UNDO_MS }: Props) {
  useEffect(() => {
    const t = setTimeout(onDismiss, ms);
    return () => clearTimeout(t);
  }, [token, ms, onDismiss]);
  return (
    <div className="toast" role="status" aria-live="polite">
      <span>{message}</span>
      <button
        type="button"
        onClick={() => {
          onUndo();
          onDismiss();
        }}
      >
        Undo
      </button>
    </div>
  );
}
