// Turns valibot issues into a 400 message that says where the problem is (which change, which field) and what was
// expected, without repeating the submitted value (which could be a student's name or a note); and a fast check
// of a push body that is plainly valid.

import * as v from 'valibot';
import { SYNCED_TABLES } from '../src/shared/records';
import { MAX_PUSH_CHANGES, type PushRequest } from '../src/shared/protocol';
import { fieldNameProblem, fieldPlace, isGoodBy, withinDepth } from '../src/shared/fieldRules';
import { PushRequestSchema } from '../src/shared/protocolSchema';
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

const CLIENT_ID = /^[a-z0-9-]{1,64}$/;
const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;
const STAMP = /^\d{15}-[0-9a-z]{6}-[a-z0-9-]{1,40}$/;
const TABLES: ReadonlySet<unknown> = new Set(SYNCED_TABLES);

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function hasExactly(o: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(o).length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(o, k));
}

function isChange(c: unknown): boolean {
  if (!isPlainObject(c) || !hasExactly(c, ['n', 'table', 'id', 'fields', 'meta'])) return false;
  const { n, table, id, fields, meta } = c;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || !TABLES.has(table)) return false;
  if (typeof id !== 'string' || !RECORD_ID.test(id) || !isPlainObject(fields) || !isPlainObject(meta)) return false;
  const names = Object.keys(meta);
  if (names.length === 0 || Object.keys(fields).length !== names.length) return false;
  for (const k of names) {
    if (fieldNameProblem(k) || !Object.prototype.hasOwnProperty.call(fields, k) || !withinDepth(fields[k])) return false;
    const m = meta[k];
    if (!isPlainObject(m) || !hasExactly(m, ['t', 'by'])) return false;
    if (typeof m.t !== 'string' || !STAMP.test(m.t) || typeof m.by !== 'string' || !isGoodBy(m.by)) return false;
  }
  return true;
}

/**
 * The push body when it is plainly valid, checked by hand: valibot's generic walk was the largest cost of a big push.
 * It accepts only what PushRequestSchema accepts (tests/server/validate.test.ts checks that); anything else,
 * valid or not, returns undefined and goes through the schema, which also words the 400.
 */
export function fastPushRequest(input: unknown): PushRequest | undefined {
  if (!isPlainObject(input) || !hasExactly(input, ['clientId', 'schema', 'changes'])) return undefined;
  const { clientId, schema, changes } = input;
  if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId) || typeof schema !== 'number' || !Number.isInteger(schema)) return undefined;
  if (!Array.isArray(changes) || changes.length > MAX_PUSH_CHANGES || !changes.every(isChange)) return undefined;
  return input as unknown as PushRequest;
}

/**
 * Refuses field names no store would keep as sent, naming the place. Runs on the parsed body before the schema,
 * because valibot's record() drops `__proto__`, `prototype` and `constructor` silently: a change carrying one would
 * otherwise be acknowledged without it.
 */
function refuseBadNames(input: unknown): void {
  const changes = isPlainObject(input) ? input.changes : undefined;
  if (!Array.isArray(changes)) return;
  changes.forEach((c: unknown, i) => {
    if (!isPlainObject(c)) return;
    for (const part of ['fields', 'meta'] as const) {
      const o = c[part];
      if (!isPlainObject(o)) continue;
      for (const name of Object.keys(o)) {
        const bad = fieldNameProblem(name);
        if (bad) throw new ApiError(400, 'invalid-request', `changes[${i}].${part}${fieldPlace(name)}: ${bad}`);
      }
    }
  });
}

/** A push body, checked: the fast path when plainly valid, else the schema, which words the 400. */
export function parsePushRequest(input: unknown): PushRequest {
  const fast = fastPushRequest(input);
  if (fast) return fast;
  refuseBadNames(input);
  return parseOr400(PushRequestSchema, input);
}
