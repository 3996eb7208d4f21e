// The sync words: every state the header and Settings can show.
import { describe, expect, it } from 'vitest';
import { syncView } from '../../../src/features/sync/statusText';
import type { SyncStatus } from '../../../src/sync/engine';

const base: SyncStatus = { phase: 'synced', lastSyncAt: 1, error: null, retryAt: null, failures: 0 };

describe('syncView', () => {
  it('shows nothing when no server is configured', () => {
    expect(syncView(base, 3, false, true, 1)).toBeNull();
  });

  it('says synced, or how many changes are waiting', () => {
    expect(syncView(base, 0, true, true, 1)?.short).toBe('Synced');
    expect(syncView(base, 1, true, true, 1)?.short).toBe('1 change waiting');
    expect(syncView({ ...base, phase: 'syncing' }, 12, true, true, 1)?.short).toBe('12 changes waiting');
    expect(syncView({ ...base, phase: 'idle' }, 0, true, true, null)?.short).toBe('Not synced yet');
  });

  it('says offline when the device has no network, with what is waiting', () => {
    expect(syncView(base, 2, true, false, 1)).toMatchObject({ short: 'Offline: 2 changes waiting', tone: 'offline' });
    expect(syncView(base, 0, true, false, 1)?.short).toBe('Offline');
  });

  it('turns errors into what to do, short in the header and whole in Settings', () => {
    const auth = syncView({ ...base, phase: 'error', error: { kind: 'auth', message: 'The server refused the token: check it in Settings.' } }, 1, true, true, 1);
    expect(auth).toMatchObject({ short: 'Sync stopped: check the token in Settings', long: 'The server refused the token: check it in Settings.', tone: 'error' });
    const old = syncView({ ...base, phase: 'error', error: { kind: 'outdated', message: 'x' } }, 0, true, true, 1);
    expect(old?.short).toBe('App out of date: reload to update');
    const unreachable = syncView({ ...base, phase: 'offline', error: { kind: 'offline', message: 'Can\u2019t reach the server.' } }, 4, true, true, 1);
    expect(unreachable).toMatchObject({ short: 'Can\u2019t reach the server: 4 changes waiting', tone: 'offline' });
  });
});
