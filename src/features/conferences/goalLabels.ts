// The student's words for a self-evaluation against a goal.
import type { SelfEvaluation } from '../../db/types';

export const SELF_EVALUATIONS: readonly { value: SelfEvaluation; label: string }[] = [
  { value: 'not-yet', label: 'not yet' },
  { value: 'starting', label: 'starting to' },
  { value: 'yes', label: 'yes!' },
];

export function selfEvalLabel(v: SelfEvaluation): string {
  return SELF_EVALUATIONS.find((s) => s.value === v)?.label ?? v;
}

export function shortDate(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}
