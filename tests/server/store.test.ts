// The stores directly: transactions started together (which SQLite commits as one group) succeed or roll back
// each on its own, and sequence numbers only ever grow.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dropPostgresSchema, openPostgresStore } from '../../server/store/postgres';
import { openSqliteStore } from '../../server/store/sqlite';
import { StoreRefusal, type Store, type StoredRecord } from '../../server/store/types';
import { STORES } from './api-helpers';

describe.each(STORES)('store on $name', ({ name }) => {
  let store: Store | undefined;
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(async () => {
    await store?.close();
    await cleanup();
  });

  async function open(): Promise<Store> {
    if (name === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'circulate-store-'));
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
      return openSqliteStore(dir);
    }
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set. Start one: export TEST_DATABASE_URL=$(bash scripts/pg-test.sh start)');
    const schema = `store_${randomBytes(5).toString('hex')}`;
    cleanup = () => dropPostgresSchema(url, schema);
    return openPostgresStore(url, { schema });
  }

  const rec = (id: string): StoredRecord => ({ scope: 't1', table: 'settings', id, classId: null, fields: { value: id }, meta: { value: { t: '000000000000001-000000-a', by: 'x' } } });

  it('rolls back only the transaction that failed among ones started together', async () => {
    store = await open();
    const s = store;
    const results = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((id) =>
        s.transaction(async (tx) => {
          await tx.setClientHigh('t1', `client-${id}`, 1);
          await tx.lockClient('t1', `client-${id}`);
          await tx.writeRecords([rec(id)], 1);
          if (id === 'b') throw new StoreRefusal(403, 'forbidden', 'no');
          return id;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const ids = (await s.dump('records')).map((r) => r.id).sort();
    expect(ids).toEqual(['a', 'c', 'd']);
    const seqs = (await s.pull('t1', 0, 10)).records.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(3);
  });

  it('gives a rewritten record a higher sequence number than any before', async () => {
    store = await open();
    await store.transaction((tx) => tx.writeRecords([rec('a'), rec('b')], 1));
    await store.transaction((tx) => tx.writeRecords([rec('a')], 2));
    const page = await store.pull('t1', 0, 10);
    expect(page.records.map((r) => r.id)).toEqual(['b', 'a']);
    expect(page.records[1]!.seq).toBeGreaterThan(page.records[0]!.seq);
    expect(JSON.parse(page.records[1]!.fields)).toEqual({ value: 'a' });
  });
});
