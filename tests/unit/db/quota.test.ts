// A full disk surfaces as a clear StorageFullError to the caller and the UI, and the write changes nothing.
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/db';
import { isQuotaError, onStorageError, StorageFullError } from '../../../src/db/errors';
import { create, ready } from '../../../src/db/write';

describe('quota errors', () => {
  it('recognises QuotaExceededError however Dexie wraps it', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });

  it('reports a full disk to listeners and rejects with a message that says what to do', async () => {
    await ready();
    const seen: string[] = [];
    const off = onStorageError((e) => seen.push(e.message));
    // The browser refuses the outbox entry, as a full disk would.
    const realAdd = IDBObjectStore.prototype.add;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'outbox') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realAdd.apply(this, args);
    });
    await expect(
      create('classes', { name: 'Room 12', grade: '', archived: false, order: 0 }),
    ).rejects.toBeInstanceOf(StorageFullError);
    spy.mockRestore();
    off();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/out of storage space/);
    expect(await db.classes.count()).toBe(0);
  });
});
