// A screen's one-step action (unlock, turn on, save): busy while it runs, and what went wrong said in words after.
import { useState } from 'react';

export function useAttempt(): {
  busy: boolean;
  problem: string | null;
  setProblem: (p: string | null) => void;
  attempt: (fn: () => Promise<void>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const attempt = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, setProblem, attempt };
}
