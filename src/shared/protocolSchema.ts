// The push body's schema (valibot): what the reference server accepts, worded for its 400s. Kept apart from
// protocol.ts so the app, which only builds push bodies, never loads the validator.
import * as v from 'valibot';
import { SYNCED_TABLES, type TableName } from './records';
import { MAX_PUSH_CHANGES } from './protocolLimits';
import { DEPTH_PROBLEM, FIELD_NAME, isGoodBy, MAX_BY_LENGTH, RESERVED_FIELD_NAMES, withinDepth } from './fieldRules';

const stamp = v.pipe(v.string(), v.regex(/^\d{15}-[0-9a-z]{6}-[a-z0-9-]{1,40}$/, 'must be an HLC stamp'));
const fieldMeta = v.strictObject({
  t: stamp,
  by: v.pipe(v.string(), v.check(isGoodBy, `must be a name of at most ${MAX_BY_LENGTH} characters, without control characters`)),
});
// valibot's record() leaves `__proto__`, `prototype` and `constructor` out of its output without a word; the server
// refuses those names before the schema runs (server/validate.ts), so the schema never sees them.
const fieldName = v.pipe(
  v.string(),
  v.regex(FIELD_NAME, 'is not a field name (a letter, then up to 63 letters, digits or _)'),
  v.check((n) => !RESERVED_FIELD_NAMES.has(n), 'is a reserved name a change may not carry'),
);
const fieldValue = v.pipe(v.unknown(), v.check((x) => withinDepth(x), DEPTH_PROBLEM));
const sameNames = (a: object, b: object) => Object.keys(a).every((f) => Object.hasOwn(b, f));
const recordId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, - or _'));

export const ChangeSchema = v.pipe(
  v.strictObject({
    /** Per-client change counter: strictly increasing within a client, so a retried batch is applied once. */
    n: v.pipe(v.number(), v.integer(), v.minValue(1)),
    table: v.picklist(SYNCED_TABLES as unknown as [TableName, ...TableName[]]),
    id: recordId,
    fields: v.record(fieldName, fieldValue),
    meta: v.record(fieldName, fieldMeta),
  }),
  v.check((c) => sameNames(c.fields, c.meta) && sameNames(c.meta, c.fields), 'fields and meta must name the same fields'),
  v.check((c) => Object.keys(c.meta).length > 0, 'a change must carry at least one field'),
);

export const PushRequestSchema = v.strictObject({
  clientId: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/, 'must be lower-case letters, digits or -')),
  schema: v.pipe(v.number(), v.integer()),
  changes: v.pipe(v.array(ChangeSchema), v.maxLength(MAX_PUSH_CHANGES)),
});

export type Change = v.InferOutput<typeof ChangeSchema>;
export type PushRequest = v.InferOutput<typeof PushRequestSchema>;
