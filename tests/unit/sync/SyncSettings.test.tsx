// Settings > Sync and the header status, as a teacher uses them: type the address and token, test, sync.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/db';
import { SyncHeaderStatus } from '../../../src/features/sync/SyncHeaderStatus';
import { SyncSettings } from '../../../src/features/sync/SyncSettings';
import { KEYS } from '../../../src/sync/config';
import { fakeServer, type FakeServer } from './fakeServer';

let server: FakeServer;

beforeEach(() => {
  server = fakeServer('tok-123');
  vi.stubGlobal('fetch', server.fetch);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function ui() {
  return render(
    <MemoryRouter>
      <SyncHeaderStatus />
      <SyncSettings />
    </MemoryRouter>,
  );
}

describe('sync settings', () => {
  it('refuses an address that is not one, and saves nothing', async () => {
    const user = userEvent.setup();
    ui();
    await user.type(await screen.findByLabelText('Server address'), 'sync dot school');
    await user.tab();
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter the server\u2019s full address, starting with https://');
    expect(await db.local.get(KEYS.endpoint)).toBeUndefined();
    expect(server.requests).toHaveLength(0);
    expect(screen.queryByRole('status', { name: 'Sync' })).toBeNull();
  });

  it('tests the connection and names the teacher, then syncs and shows it in the header', async () => {
    const user = userEvent.setup();
    ui();
    await user.type(await screen.findByLabelText('Server address'), 'https://sync.example.org');
    await user.type(screen.getByLabelText('Token'), 'tok-123');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Connection' })).toHaveTextContent('Connected as Ms Rivera.'));
    expect((await db.local.get(KEYS.endpoint))?.value).toBe('https://sync.example.org');
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Sync' })).toHaveTextContent('Synced'));
    expect(screen.getByText(/^Today at/)).toBeInTheDocument();
  });

  it('says what to do when the token is wrong', async () => {
    const user = userEvent.setup();
    ui();
    await user.type(await screen.findByLabelText('Server address'), 'https://sync.example.org');
    await user.type(screen.getByLabelText('Token'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Connection' })).toHaveTextContent('The server refused the token: check it in Settings.'));
  });
});
