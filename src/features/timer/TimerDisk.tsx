// The disappearing disk: a sector that empties clockwise as time runs out, coloured and patterned by stage
// (the pattern keeps the stages apart for colour-blind students). Reusable by the group and conference timers.
import { useId } from 'react';
import type { TimerStage } from '../../domain/timer';
import { useReducedMotion } from './useReducedMotion';
import './timer.css';

/** Path of a sector from 12 o'clock, clockwise, covering `fraction` of a circle centred at (50, 50). */
export function sectorPath(fraction: number, r = 46): string {
  const f = Math.min(1, Math.max(0, fraction));
  if (f <= 0) return '';
  if (f >= 0.9999) return `M50 ${50 - r}A${r} ${r} 0 1 1 49.999 ${50 - r}Z`;
  const a = f * 2 * Math.PI;
  const x = 50 + r * Math.sin(a);
  const y = 50 - r * Math.cos(a);
  const large = f > 0.5 ? 1 : 0;
  return `M50 50L50 ${50 - r}A${r} ${r} 0 ${large} 1 ${x.toFixed(3)} ${y.toFixed(3)}Z`;
}

/** Under reduced motion the disk moves in 60 clock-like steps instead of continuously. */
export function steppedFraction(fraction: number, reducedMotion: boolean): number {
  return reducedMotion ? Math.ceil(fraction * 60) / 60 : fraction;
}

/** `reducedMotion` defaults to the device's prefers-reduced-motion setting. */
export function TimerDisk({ fraction, stage, reducedMotion, size }: { fraction: number; stage: TimerStage; reducedMotion?: boolean; size?: number | string }) {
  const prefersReduced = useReducedMotion();
  const stepped = reducedMotion ?? prefersReduced;
  const id = useId().replace(/:/g, '');
  const fill = stage === 'warning' ? `url(#${id}-stripes)` : stage === 'final' ? `url(#${id}-dots)` : undefined;
  return (
    <svg className={`timer-disk timer-stage-${stage}`} viewBox="0 0 100 100" width={size} height={size} aria-hidden="true" focusable="false" data-fraction={fraction.toFixed(3)}>
      <defs>
        <pattern id={`${id}-stripes`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" className="timer-disk-fill" />
          <rect width="3" height="8" fill="rgba(0,0,0,0.28)" />
        </pattern>
        <pattern id={`${id}-dots`} width="7" height="7" patternUnits="userSpaceOnUse">
          <rect width="7" height="7" className="timer-disk-fill" />
          <circle cx="3.5" cy="3.5" r="1.8" fill="rgba(0,0,0,0.4)" />
        </pattern>
      </defs>
      <circle cx="50" cy="50" r="46" className="timer-disk-empty" />
      {fraction > 0 && <path d={sectorPath(steppedFraction(fraction, stepped))} className="timer-disk-fill" style={fill ? { fill } : undefined} />}
      <circle cx="50" cy="50" r="46" className="timer-disk-rim" />
    </svg>
  );
}
