// What a change may name and hold: field names and value shapes that every store keeps exactly. The server's
// validation and the device's write path both apply these, so nothing is acknowledged that would not come back.

/** A field name: a letter, then up to 63 letters, digits or `_` (what the app's records use). */
export const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * Names a change may not carry even though they match FIELD_NAME: the record's own `id`, and every name an ordinary
 * JavaScript object already answers to (`constructor`, `toString`, ...), which code written with `in` or `obj[name]`
 * would mistake for a field that is there.
 */
export const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set(['id', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

/** How many arrays or objects a field value may nest (the app's deepest is 3); bounds the work a value can cost. */
export const MAX_VALUE_DEPTH = 32;

/** `by`: the teacher's name, at most 200 characters, no control characters or unpaired surrogates. */
export const MAX_BY_LENGTH = 200;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const BAD_TEXT = /[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why this field name cannot be stored, or undefined when it can. Worded to follow "fields.<name>: ". */
export function fieldNameProblem(name: string): string | undefined {
  if (!FIELD_NAME.test(name)) return 'is not a field name (a letter, then up to 63 letters, digits or _)';
  if (RESERVED_FIELD_NAMES.has(name)) return 'is a reserved name a change may not carry';
  return undefined;
}

/** Whether a value nests at most MAX_VALUE_DEPTH arrays or objects. Walks without recursion, so no input overflows it. */
export function withinDepth(value: unknown, max = MAX_VALUE_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return true;
  // Most object values hold only plain ones (a sealed value, a seal reference, a photo's ref): no walk for those.
  let flat = true;
  for (const k in value) {
    const child = (value as Record<string, unknown>)[k];
    if (typeof child === 'object' && child !== null) {
      flat = false;
      break;
    }
  }
  if (flat) return max >= 1;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (depth > max) return false;
    for (const child of Object.values(v as object)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return true;
}

export const DEPTH_PROBLEM = `nests more than ${MAX_VALUE_DEPTH} arrays or objects`;

/** Whether `by` is a name every store keeps as it was sent. */
export function isGoodBy(by: string): boolean {
  return by.length <= MAX_BY_LENGTH && !BAD_TEXT.test(by);
}

/** A field's place in a message: `.name`, or a quoted, shortened form when the name itself is odd. */
export function fieldPlace(name: string): string {
  return /^[A-Za-z0-9_$]{1,64}$/.test(name) ? `.${name}` : `[${JSON.stringify(name.slice(0, 40))}]`;
}

/** The first problem with a change's fields, as "<place>: <what to fix>", or undefined when every one can be stored. */
export function fieldsProblem(fields: Record<string, unknown>, place = 'fields'): string | undefined {
  for (const name of Object.keys(fields)) {
    const bad = fieldNameProblem(name);
    if (bad) return `${place}${fieldPlace(name)}: ${bad}`;
    if (!withinDepth(fields[name])) return `${place}${fieldPlace(name)}: ${DEPTH_PROBLEM}`;
  }
  return undefined;
}
