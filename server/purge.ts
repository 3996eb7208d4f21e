// POST /api/v1/purge-plain: encryption was turned on for some classes and the tablet has re-sent them sealed, so the
// server drops what it still kept of the plain copy (the field history of those classes, and of the teacher's own
// records when asked). The current values were replaced by the sealed re-send itself.

import type { Hono } from 'hono';
import { API_BASE } from '../src/shared/protocol';
import type { ApiEnv } from './app';
import { readBodyText } from './body';
import { ApiError } from './errors';
import type { Store } from './store/types';

const CLASS_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_CLASSES = 500;

function parse(text: string): { classIds: string[]; self: boolean } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'malformed-json', 'The request body is not valid JSON');
  }
  const body = json as { classIds?: unknown; self?: unknown } | null;
  if (typeof body !== 'object' || body === null) throw new ApiError(400, 'invalid-request', 'The body must be {"classIds": [...], "self": true|false}');
  const { classIds, self } = body;
  if (!Array.isArray(classIds) || classIds.length > MAX_CLASSES) throw new ApiError(400, 'invalid-request', `classIds: must be a list of at most ${MAX_CLASSES} class ids`);
  classIds.forEach((id, i) => {
    if (typeof id !== 'string' || !CLASS_ID.test(id)) throw new ApiError(400, 'invalid-request', `classIds[${i}]: must be a class id (1-64 letters, digits, - or _)`);
  });
  if (typeof self !== 'boolean') throw new ApiError(400, 'invalid-request', 'self: must be true or false');
  return { classIds: classIds as string[], self };
}

export function mountPurgeRoute(app: Hono<ApiEnv>, store: Store): void {
  app.post(`${API_BASE}/purge-plain`, async (c) => {
    const { classIds, self } = parse(await readBodyText(c.req.raw, 64 * 1024));
    const me = c.get('teacher').id;
    const members = await store.transaction((tx) => tx.classMembers(classIds));
    const notMine = classIds.find((id) => !members.get(id)?.has(me));
    if (notMine !== undefined) throw new ApiError(403, 'forbidden', `classIds: you do not teach class ${notMine}`);
    const dropped = await store.dropHistory(me, classIds, self);
    c.set('counts', `classes=${classIds.length} dropped=${dropped}`);
    return c.json({ dropped });
  });
}
