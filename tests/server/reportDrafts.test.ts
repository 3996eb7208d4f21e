// Report-comment drafts (schema 7) sync like any class record: a draft pushed from one tablet is pulled on another,
// on both stores, and a later edit of its text wins field by field.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src/shared/protocol';
import type { TestServer } from '../../server/testing';
import { STORES, change, client, json, st, type Client } from './api-helpers';

describe.each(STORES)('report drafts on $name', (store) => {
  let server: TestServer;
  let api: Client;
  const t0 = Date.now();

  beforeEach(async () => {
    server = await store.start();
    api = client(server, (await server.addTeacher('Ms Rivera')).token);
  });
  afterEach(() => server?.close());

  it('round-trips a draft and its later edit to a second tablet', async () => {
    const draft = {
      classId: 'class-a', studentId: 'stu-0', from: '2026-10-01', to: '2026-10-31', text: 'Maya showed a strength.', createdAt: t0, deleted: false,
      sentences: [{ text: 'Maya showed a strength.', evidence: [{ kind: 'conferences', id: 'conf-1', at: t0 - 5 }] }],
    };
    const res = await api.push('tablet-1', [
      change(1, 'classes', 'class-a', { name: 'Room 4', grade: '3', deleted: false }, st(t0)),
      change(2, 'reportDrafts', 'draft-1', draft, st(t0 + 1)),
      change(3, 'reportDrafts', 'draft-1', { text: 'Maya showed a real strength in her leads.' }, st(t0 + 2)),
    ]);
    expect(res.status).toBe(200);
    expect(await json<PushResponse>(res)).toEqual({ ackedThrough: 3, applied: 3 });
    const { records } = await api.pullAll();
    const pulled = records.find((r) => r.table === 'reportDrafts');
    expect(pulled?.fields).toEqual({ ...draft, text: 'Maya showed a real strength in her leads.' });
  });
});
