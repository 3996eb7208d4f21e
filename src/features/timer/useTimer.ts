// useTimer(key): one persisted timer (the classroom timer, a group's table timer, a conference clock).
// The state lives in IndexedDB under `timer:<key>`; the display refreshes ~4 times a second while running, but the time
// itself always comes from Date.now() against the stored end instant.
import { useCallback, useEffect, useState } from 'react';
import { getLocal, setLocal, useLocal } from '../../db/local';
import {
  adjustTimer,
  elapsedMs as elapsedOf,
  IDLE_TIMER,
  normalizeTimer,
  pauseTimer,
  remainingMs as remainingOf,
  resetTimer,
  resumeTimer,
  stageOf,
  startTimer,
  type TimerMode,
  type TimerStage,
  type TimerState,
} from '../../domain/timer';

/** Keys: 'classroom' for the main timer, `group:<groupId>`, `conference:<id>`. */
export const CLASSROOM_TIMER = 'classroom';
export const TICK_MS = 250;

export function timerStorageKey(key: string): string {
  return `timer:${key}`;
}

// Each key's changes run one after another, so two quick taps (+1, +1) both count even before the first write lands.
const queues = new Map<string, Promise<unknown>>();

/** Apply a change to the stored timer, reading the latest stored state first. Resolves to the new state. */
export function changeTimer(key: string, change: (s: TimerState, now: number) => TimerState): Promise<TimerState> {
  const storageKey = timerStorageKey(key);
  const prev = queues.get(storageKey) ?? Promise.resolve();
  const next = prev
    .catch(() => undefined)
    .then(async () => {
      const current = normalizeTimer(await getLocal<unknown>(storageKey));
      const updated = change(current, Date.now());
      if (updated !== current) await setLocal(storageKey, updated);
      return updated;
    });
  queues.set(storageKey, next);
  return next;
}

/** Re-render every `intervalMs` while `active`. Only the display is refreshed: the time is read from the clock. */
export function useTick(active: boolean, intervalMs = TICK_MS): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setTick((n) => n + 1), intervalMs);
    return () => clearInterval(id);
  }, [active, intervalMs]);
  return tick;
}

/** The wall clock at this render. Reading it during render is the point: a timer shows the time now. */
function readClock(): number {
  return Date.now();
}

export interface UseTimer {
  /** The stored state (idle until loaded). */
  state: TimerState;
  loading: boolean;
  remainingMs: number;
  elapsedMs: number;
  stage: TimerStage;
  now: number;
  start: (durationMs: number, mode?: TimerMode) => Promise<TimerState>;
  pause: () => Promise<TimerState>;
  resume: () => Promise<TimerState>;
  adjust: (deltaMs: number) => Promise<TimerState>;
  reset: () => Promise<TimerState>;
  /**
   * Set the length of an idle timer (what Start will run); ignored while running or paused. Pass a function of the
   * stored length for relative steps, so quick taps each count even before the previous one is stored.
   */
  setDuration: (durationMs: number | ((currentMs: number) => number)) => Promise<TimerState>;
}

export function useTimer(key: string): UseTimer {
  const raw = useLocal<unknown>(timerStorageKey(key), null);
  const loading = raw === undefined;
  const state = loading ? IDLE_TIMER : normalizeTimer(raw);
  useTick(state.status === 'running');
  const at = readClock();
  const start = useCallback((d: number, mode?: TimerMode) => changeTimer(key, (_s, t) => startTimer(d, t, mode)), [key]);
  const pause = useCallback(() => changeTimer(key, pauseTimer), [key]);
  const resume = useCallback(() => changeTimer(key, resumeTimer), [key]);
  const adjust = useCallback((delta: number) => changeTimer(key, (s, t) => adjustTimer(s, delta, t)), [key]);
  const reset = useCallback(() => changeTimer(key, (s) => resetTimer(s)), [key]);
  const setDuration = useCallback(
    (d: number | ((currentMs: number) => number)) =>
      changeTimer(key, (s) => {
        if (s.status !== 'idle') return s;
        const ms = typeof d === 'function' ? d(s.durationMs) : d;
        return adjustTimer({ ...s, durationMs: 0 }, ms, 0);
      }),
    [key],
  );
  return {
    state,
    loading,
    remainingMs: remainingOf(state, at),
    elapsedMs: elapsedOf(state, at),
    stage: stageOf(state, at),
    now: at,
    start,
    pause,
    resume,
    adjust,
    reset,
    setDuration,
  };
}
