// A small shape per stage (circle, triangle, diamond, square) so the stage never depends on colour alone.
import type { TimerStage } from '../../domain/timer';
import './timer.css';

const SHAPES: Record<TimerStage, string> = {
  idle: 'M12 3a9 9 0 1 1 0 18a9 9 0 1 1 0-18z',
  plenty: 'M12 3a9 9 0 1 1 0 18a9 9 0 1 1 0-18z',
  warning: 'M12 3L22 21H2z',
  final: 'M12 2L22 12L12 22L2 12z',
  done: 'M4 4h16v16H4z',
  overtime: 'M4 4h16v16H4z',
};

export function StageMark({ stage, className }: { stage: TimerStage; className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={SHAPES[stage]} fill="var(--timer-color, #0072b2)" stroke="var(--ink)" strokeWidth="2" strokeLinejoin="round" />
    </svg>
  );
}
