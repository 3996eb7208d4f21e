// Choosing the length before Start: the 10/15/20-minute presets, or any length with tap steppers (no typing).
import { MINUTE_MS } from '../../domain/timer';

export const PRESET_MINUTES = [10, 15, 20] as const;
export const MIN_MINUTES = 1;
export const MAX_MINUTES = 120;

export function clampMinutes(m: number): number {
  return Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, Math.round(m)));
}

/** The stored length in whole minutes, or `fallback` when none is set yet. */
export function minutesOf(durationMs: number, fallback: number): number {
  return durationMs > 0 ? Math.round(durationMs / MINUTE_MS) : fallback;
}

/**
 * `onChange` receives a function of the stored length (in ms) so that steps are applied to the latest stored value.
 * `durationMs` is what to show (the stored length, or the default).
 */
export function DurationPicker({ durationMs, onChange }: { durationMs: number; onChange: (next: (currentMs: number) => number) => void }) {
  const minutes = minutesOf(durationMs, MIN_MINUTES);
  const fallback = minutes;
  const preset = (m: number) => onChange(() => clampMinutes(m) * MINUTE_MS);
  const step = (delta: number) => onChange((current) => clampMinutes(minutesOf(current, fallback) + delta) * MINUTE_MS);
  return (
    <div className="timer-picker">
      <div role="group" aria-label="Preset lengths" className="timer-presets">
        {PRESET_MINUTES.map((m) => (
          <button key={m} type="button" className="timer-preset" aria-pressed={minutes === m} onClick={() => preset(m)}>
            {m} min
          </button>
        ))}
      </div>
      <div role="group" aria-label="Custom length" className="timer-stepper">
        <button type="button" onClick={() => step(-5)} disabled={minutes <= MIN_MINUTES} aria-label="5 minutes shorter">
          −5
        </button>
        <button type="button" onClick={() => step(-1)} disabled={minutes <= MIN_MINUTES} aria-label="1 minute shorter">
          −1
        </button>
        <span className="timer-stepper-value" aria-live="polite">
          {minutes} {minutes === 1 ? 'minute' : 'minutes'}
        </span>
        <button type="button" onClick={() => step(1)} disabled={minutes >= MAX_MINUTES} aria-label="1 minute longer">
          +1
        </button>
        <button type="button" onClick={() => step(5)} disabled={minutes >= MAX_MINUTES} aria-label="5 minutes longer">
          +5
        </button>
      </div>
    </div>
  );
}
