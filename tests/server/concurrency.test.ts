// Many devices pushing at once while another keeps pulling with its cursor: every version of every record reaches
// the puller, nothing is skipped. On PostgreSQL two server processes share one database, as behind a load balancer.

import { afterEach, describe, expect, it } from 'vitest';
import type { PulledRecord } from '../../src/shared/protocol';
import type { TestServer } from '../../server/testing';
import { STORES, change, client, st, type Client } from './api-helpers';

describe.each(STORES)('concurrent pushes and pulls on $name', (store) => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    // The second server shares the first one's schema, so it closes first.
    for (const s of servers.reverse()) await s.close();
    servers.length = 0;
  });

  it('loses no version: a cursor-following puller ends with exactly the final records', async () => {
    const first = await store.start();
    servers.push(first);
    const second = store.name === 'postgres' ? await store.start({ pgSchema: first.pgSchema }) : first;
    if (second !== first) servers.push(second);
    const teacher = await first.addTeacher('Ms Rivera');
    const apis: Client[] = [client(first, teacher.token), client(second, teacher.token)];
    const t0 = Date.now();
    await apis[0]!.push('setup', [change(1, 'classes', 'class-a', { name: 'Room 4' }, st(t0))]);

    const devices = ['dev1', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6'];
    let done = false;
    const pushing = Promise.all(
      devices.map(async (d, di) => {
        for (let round = 0; round < 12; round++) {
          // Half the ids are shared between devices: concurrent edits of the same notes.
          const changes = Array.from({ length: 5 }, (_, i) =>
            change(round * 5 + i + 1, 'notes', i < 2 ? `shared-${i}` : `${d}-${round}-${i}`, { classId: 'class-a', text: `${d} r${round}` }, st(t0 + 10 + round * 10 + i, d)),
          );
          const res = await apis[(di + round) % 2]!.push(`tablet-${d}`, changes);
          expect(res.status).toBe(200);
        }
      }),
    ).finally(() => {
      done = true;
    });

    const seen = new Map<string, PulledRecord>();
    let cursor = '0';
    let turn = 0;
    const follow = async () => {
      const r = await apis[turn++ % 2]!.pullAll(cursor, 7);
      for (const rec of r.records) seen.set(`${rec.table}/${rec.id}`, rec);
      cursor = r.cursor;
    };
    while (!done) await follow();
    await pushing;
    await follow();

    const final = await apis[0]!.pullAll();
    expect(final.records.length).toBe(1 + 2 + devices.length * 12 * 3);
    expect(seen.size).toBe(final.records.length);
    for (const rec of final.records) expect(seen.get(`${rec.table}/${rec.id}`)).toEqual(rec);
    // The shared notes' losing writes were kept.
    expect((await first.db.history({ scope: '', table: 'notes', id: 'shared-0' })).length).toBeGreaterThan(0);
  });
});
