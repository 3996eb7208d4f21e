// Timer maths shared by the classroom timer, the group table timer and the conference clock.
// The state holds the END INSTANT (or the frozen remaining time when paused), never counted ticks: a reload or a
// sleeping tablet loses nothing because the remaining time is always `endsAt - now`.

export type TimerStatus = 'idle' | 'running' | 'paused';
/** countdown: shows the time left; countup: shows the time spent (durationMs is an optional target, 0 = none). */
export type TimerMode = 'countdown' | 'countup';

export interface TimerState {
  status: TimerStatus;
  /** The length the timer was set to, moved by +/- a minute so the disk stays proportional. */
  durationMs: number;
  /** When it reaches zero (running only). */
  endsAt: number | null;
  /** The remaining time frozen at pause (paused only); may be negative if paused in overtime. */
  pausedRemainingMs: number | null;
  /** When it was first started (kept across pause/resume), null when idle. */
  startedAt: number | null;
  mode: TimerMode;
}

/**
 * Stages as time runs out. 'done' is the first few seconds after the end (the visual signal), then 'overtime'.
 * A count-up clock without a target stays 'plenty'.
 */
export type TimerStage = 'idle' | 'plenty' | 'warning' | 'final' | 'done' | 'overtime';

export const MINUTE_MS = 60_000;
/** Warning stage and the optional cue: two minutes left (less for short timers, see stageThresholds). */
export const WARNING_MS = 2 * MINUTE_MS;
export const FINAL_MS = 30_000;
/** How long the end signal ('done') lasts before the stage becomes 'overtime'. */
export const DONE_MS = 10_000;
/** The longest timer we accept: a school day is never longer. */
export const MAX_DURATION_MS = 4 * 60 * MINUTE_MS;

export const IDLE_TIMER: TimerState = {
  status: 'idle',
  durationMs: 0,
  endsAt: null,
  pausedRemainingMs: null,
  startedAt: null,
  mode: 'countdown',
};

function clampDuration(ms: number): number {
  if (!Number.isFinite(ms)) return 0;
  return Math.min(MAX_DURATION_MS, Math.max(0, Math.round(ms)));
}

export function startTimer(durationMs: number, now: number, mode: TimerMode = 'countdown'): TimerState {
  const d = clampDuration(durationMs);
  return { status: 'running', durationMs: d, endsAt: now + d, pausedRemainingMs: null, startedAt: now, mode };
}

/** Time left; negative once it has passed the end (overtime). Idle: the set duration. */
export function remainingMs(s: TimerState, now: number): number {
  if (s.status === 'running' && s.endsAt !== null) return s.endsAt - now;
  if (s.status === 'paused' && s.pausedRemainingMs !== null) return s.pausedRemainingMs;
  return s.durationMs;
}

/** Time spent running (pauses excluded), for count-up clocks such as the conference clock. */
export function elapsedMs(s: TimerState, now: number): number {
  if (s.status === 'idle') return 0;
  return Math.max(0, s.durationMs - remainingMs(s, now));
}

export function pauseTimer(s: TimerState, now: number): TimerState {
  if (s.status !== 'running') return s;
  return { ...s, status: 'paused', pausedRemainingMs: remainingMs(s, now), endsAt: null };
}

export function resumeTimer(s: TimerState, now: number): TimerState {
  if (s.status !== 'paused' || s.pausedRemainingMs === null) return s;
  return { ...s, status: 'running', endsAt: now + s.pausedRemainingMs, pausedRemainingMs: null };
}

/**
 * Add (or remove, with a negative delta) time. Removing never takes the remaining time below zero, and does nothing
 * in overtime; adding in overtime brings the timer back before its end. The duration moves by the same amount, so the
 * elapsed time is unchanged. Idle: changes the duration that Start will use.
 */
export function adjustTimer(s: TimerState, deltaMs: number, now: number): TimerState {
  if (!Number.isFinite(deltaMs) || deltaMs === 0) return s;
  if (s.status === 'idle') return { ...s, durationMs: clampDuration(s.durationMs + deltaMs) };
  const rem = remainingMs(s, now);
  let applied = deltaMs;
  if (deltaMs < 0) applied = rem <= 0 ? 0 : Math.max(deltaMs, -rem);
  applied = Math.min(applied, MAX_DURATION_MS - s.durationMs);
  if (applied === 0) return s;
  const durationMs = s.durationMs + applied;
  if (s.status === 'running' && s.endsAt !== null) return { ...s, durationMs, endsAt: s.endsAt + applied };
  return { ...s, durationMs, pausedRemainingMs: rem + applied };
}

/** Back to idle, keeping the length and mode so Start runs the same timer again. */
export function resetTimer(s: TimerState): TimerState {
  return { ...IDLE_TIMER, durationMs: s.durationMs, mode: s.mode };
}

/** Thresholds for a timer of this length: 2 min / 30 s, but at most a third / a sixth of a short timer. */
export function stageThresholds(durationMs: number): { warningMs: number; finalMs: number } {
  return { warningMs: Math.min(WARNING_MS, durationMs / 3), finalMs: Math.min(FINAL_MS, durationMs / 6) };
}

export function stageOf(s: TimerState, now: number): TimerStage {
  if (s.status === 'idle') return 'idle';
  if (s.mode === 'countup' && s.durationMs === 0) return 'plenty';
  const rem = remainingMs(s, now);
  if (rem <= -DONE_MS) return 'overtime';
  if (rem <= 0) return 'done';
  const { warningMs, finalMs } = stageThresholds(s.durationMs);
  if (rem <= finalMs) return 'final';
  if (rem <= warningMs) return 'warning';
  return 'plenty';
}

/** The part of the disk still showing: 1 at the start, 0 at the end (and after). */
export function fractionLeft(s: TimerState, now: number): number {
  if (s.status === 'idle') return 1;
  if (s.durationMs <= 0) return 0;
  return Math.min(1, Math.max(0, remainingMs(s, now) / s.durationMs));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function clock(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const sec = totalSeconds % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(sec)}` : `${m}:${pad2(sec)}`;
}

/**
 * A countdown reading: "12:05", "1:00:00". Seconds round UP while time is left, so a fresh 10-minute timer reads
 * "10:00" and "0:00" appears only at the end. Overtime (negative) reads "+0:42": the time PAST the end, rounded down.
 */
export function formatClock(ms: number): string {
  if (!Number.isFinite(ms)) return '0:00';
  if (ms > 0) return clock(Math.ceil(ms / 1000));
  const over = Math.floor(-ms / 1000);
  return over === 0 ? '0:00' : `+${clock(over)}`;
}

/** A count-up reading ("4:07"): whole seconds spent, rounded down. */
export function formatElapsed(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0:00';
  return clock(Math.floor(ms / 1000));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Words for a screen reader or a caption: "2 minutes left", "30 seconds left", "Time is up", "3 minutes over". */
export function describeRemaining(ms: number): string {
  if (ms <= 0) {
    const over = Math.floor(-ms / 1000);
    if (over < 60) return over === 0 ? 'Time is up' : `Time is up, ${plural(over, 'second')} over`;
    return `Time is up, ${plural(Math.floor(over / 60), 'minute')} over`;
  }
  const secs = Math.ceil(ms / 1000);
  if (secs < 60) return `${plural(secs, 'second')} left`;
  const mins = Math.ceil(secs / 60);
  return `${plural(mins, 'minute')} left`;
}

/** What a screen reader hears when the stage changes (not every second). */
export function stageAnnouncement(stage: TimerStage, remaining: number): string {
  switch (stage) {
    case 'warning':
    case 'final':
      return describeRemaining(remaining);
    case 'done':
    case 'overtime':
      return 'Time is up';
    default:
      return '';
  }
}

/** True when the remaining time went from above `thresholdMs` to at or below it between two readings. */
export function crossedBelow(prevRemaining: number, remaining: number, thresholdMs: number): boolean {
  return prevRemaining > thresholdMs && remaining <= thresholdMs;
}

/** Parse a stored value defensively: anything unusable becomes the idle timer (never throws on old rows). */
export function normalizeTimer(v: unknown): TimerState {
  if (!v || typeof v !== 'object') return IDLE_TIMER;
  const o = v as Partial<TimerState>;
  const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  const status: TimerStatus = o.status === 'running' || o.status === 'paused' ? o.status : 'idle';
  const mode: TimerMode = o.mode === 'countup' ? 'countup' : 'countdown';
  const s: TimerState = {
    status,
    durationMs: clampDuration(num(o.durationMs) ?? 0),
    endsAt: num(o.endsAt),
    pausedRemainingMs: num(o.pausedRemainingMs),
    startedAt: num(o.startedAt),
    mode,
  };
  if (status === 'running' && s.endsAt === null) return { ...IDLE_TIMER, durationMs: s.durationMs, mode };
  if (status === 'paused' && s.pausedRemainingMs === null) return { ...IDLE_TIMER, durationMs: s.durationMs, mode };
  return s;
}
