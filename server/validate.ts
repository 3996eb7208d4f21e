// Turns valibot issues into a 400 message that says where the problem is (which change, which field) and what was
// expected, without repeating the submitted value (which could be a student's name or a note).

import * as v from 'valibot';
import { ApiError } from './errors';

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const p of issue.path ?? []) {
    const key = (p as { key?: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || 'body';
}

function describe(issue: v.BaseIssue<unknown>): string {
  // valibot's own messages start "Invalid ..." and quote the received value; ours (regex, check) are plain advice.
  if (!issue.message.startsWith('Invalid ')) return issue.message;
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'is not a known field';
  if (issue.expected === undefined || issue.expected === null) return `is invalid (${issue.type})`;
  if (issue.received === 'undefined') return `is missing (expected ${issue.expected})`;
  return `expected ${issue.expected}`;
}

export function summariseIssues(issues: readonly v.BaseIssue<unknown>[], max = 5): string {
  const parts = issues.slice(0, max).map((i) => `${pathOf(i)}: ${describe(i)}`);
  if (issues.length > max) parts.push(`and ${issues.length - max} more`);
  return parts.join('; ');
}

export function parseOr400<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, input);
  if (!r.success) throw new ApiError(400, 'invalid-request', summariseIssues(r.issues));
  return r.output;
}
