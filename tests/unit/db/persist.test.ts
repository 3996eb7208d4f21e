// Persistent storage is asked for once, after the teacher's first real change, not on load.
import { describe, expect, it, vi } from 'vitest';
import { create, ready } from '../../../src/db/write';
import { storageReport } from '../../../src/db/storage';

describe('persistent storage', () => {
  it('asks the browser once, after the first write', async () => {
    const persist = vi.fn(async () => true);
    const persisted = vi.fn(async () => false);
    const estimate = vi.fn(async () => ({ usage: 2048, quota: 1 << 30 }));
    Object.defineProperty(navigator, 'storage', { value: { persist, persisted, estimate }, configurable: true });
    await ready();
    expect(persist).not.toHaveBeenCalled();
    await create('classes', { name: 'Room 12', grade: '', archived: false, order: 0 });
    await create('classes', { name: 'Room 14', grade: '', archived: false, order: 1 });
    await vi.waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
    expect(await storageReport()).toEqual({ persistent: false, usage: 2048, quota: 1 << 30 });
  });
});
