// The keyring relay under /api/v1: a teacher's wrapped vault (GET/PUT /keyring), the public keys of a class's
// teachers (GET /classes/:id/teachers) and class keys shared between them (PUT/GET /key-shares). The server only
// ever holds wrapped keys; access follows class membership exactly as records do.

import type { Hono } from 'hono';
import type { ClassTeachersResponse, ReceivedShare, Vault } from '../src/shared/e2ee';
import { SharePutSchema, VaultPutSchema } from '../src/shared/e2eeSchema';
import { API_BASE } from '../src/shared/protocol';
import type { ApiEnv } from './app';
import { readBodyText } from './body';
import { ApiError } from './errors';
import type { KeyStore } from './store/keys';
import { parseOr400 } from './validate';

const MAX_KEY_BODY = 1024 * 1024;
const CLASS_ID = /^[A-Za-z0-9_-]{1,64}$/;

async function jsonBody(req: Request): Promise<unknown> {
  const text = await readBodyText(req, MAX_KEY_BODY);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'malformed-json', 'The request body is not valid JSON');
  }
}

/** The parts of a vault that are set once, by the phrase: a second phrase for the same teacher is refused. */
const identity = (v: Vault) => JSON.stringify([v.kdf.name, v.kdf.iterations, v.kdf.salt, v.check, v.privateKey, v.publicJwk.x, v.publicJwk.y]);

/**
 * A tablet's vault merged into the stored one: the same phrase and key pair, and every class key either has (a
 * union), so two tablets adding keys at once both keep theirs.
 */
export function mergeVault(old: Vault | undefined, incoming: Vault): Vault {
  if (!old) return incoming;
  if (identity(old) !== identity(incoming)) {
    throw new ApiError(409, 'keyring-differs', 'This teacher\u2019s keys were set up with another recovery phrase: enter that phrase on this tablet');
  }
  const seen = new Set(old.classKeys.map((k) => `${k.classId}\u0000${k.keyId}`));
  const added = incoming.classKeys.filter((k) => !seen.has(`${k.classId}\u0000${k.keyId}`));
  return added.length ? { ...old, classKeys: [...old.classKeys, ...added] } : old;
}

export function mountKeyRoutes(app: Hono<ApiEnv>, keys: KeyStore, now: () => number): void {
  app.get(`${API_BASE}/keyring`, async (c) => {
    const vault = await keys.vault(c.get('teacher').id);
    if (!vault) throw new ApiError(404, 'no-keyring', 'No keyring is set up for this teacher yet');
    return c.json({ vault });
  });

  app.put(`${API_BASE}/keyring`, async (c) => {
    const { vault } = parseOr400(VaultPutSchema, await jsonBody(c.req.raw));
    const stored = await keys.updateVault(c.get('teacher').id, (old) => mergeVault(old, vault as Vault), now());
    return c.json({ vault: stored });
  });

  app.get(`${API_BASE}/classes/:classId/teachers`, async (c) => {
    const classId = c.req.param('classId');
    if (!CLASS_ID.test(classId)) throw new ApiError(400, 'invalid-request', 'The path must name a class id: 1-64 letters, digits, - or _');
    const teachers = await keys.classTeachers(classId);
    // Whether the class exists is not said to someone who does not teach it.
    if (!teachers.some((t) => t.id === c.get('teacher').id)) throw new ApiError(404, 'not-found', 'No such class among the classes you teach');
    const body: ClassTeachersResponse = { teachers };
    return c.json(body);
  });

  app.put(`${API_BASE}/key-shares`, async (c) => {
    const { to, share } = parseOr400(SharePutSchema, await jsonBody(c.req.raw));
    const me = c.get('teacher').id;
    const teachers = await keys.classTeachers(share.classId);
    if (!teachers.some((t) => t.id === me)) throw new ApiError(403, 'forbidden', `share.classId: you do not teach class ${share.classId}`);
    if (!teachers.some((t) => t.id === to)) throw new ApiError(403, 'forbidden', `to: teacher ${to} does not teach class ${share.classId}; share the class with them first`);
    await keys.putShare(me, to, share as ReceivedShare['share'], now());
    return c.body(null, 204);
  });

  app.get(`${API_BASE}/key-shares`, async (c) => {
    const shares = await keys.sharesFor(c.get('teacher').id);
    return c.json({ shares });
  });
}
