// The student's words for a self-evaluation against a goal.
import { formatWhen } from '../../ui/dates';
import type { SelfEvaluation } from '../../shared/records';

export const SELF_EVALUATIONS: readonly { value: SelfEvaluation; label: string }[] = [
  { value: 'not-yet', label: 'not yet' },
  { value: 'starting', label: 'starting to' },
  { value: 'yes', label: 'yes!' },
];

export function selfEvalLabel(v: SelfEvaluation): string {
  return SELF_EVALUATIONS.find((s) => s.value === v)?.label ?? v;
}

export function shortDate(ms: number): string {
  return formatWhen(ms, { month: 'short', day: 'numeric' });
}
