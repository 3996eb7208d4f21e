// The words shown under the clock for each stage, so a stage never depends on colour alone.
import { describeRemaining, type TimerStage } from '../../domain/timer';

export function stageCaption(stage: TimerStage, remaining: number, paused: boolean): string {
  if (paused) return `Paused, ${describeRemaining(remaining).toLowerCase()}`;
  switch (stage) {
    case 'idle':
      return 'Ready';
    case 'plenty':
      return 'Writing time';
    case 'warning':
    case 'final':
      return describeRemaining(remaining);
    case 'done':
      return 'Time is up';
    case 'overtime':
      return 'Time is up: overtime';
  }
}
