// Settings > Sync and the header status, as a teacher uses them: type the address and token, test, sync.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/db';
import { SyncHeaderStatus } from '../../../src/features/sync/SyncHeaderStatus';
import { SyncSettings } from '../../../src/features/sync/SyncSettings';
import { KEYS } from '../../../src/sync/config';
import { create } from '../../../src/db/write';
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
  it("counts the photos and memos waiting, leaving out a private note's", async () => {
    const note = (text: string, priv: boolean, sha256: string) =>
      create('notes', { classId: 'c1', studentId: 's1', pieceId: null, text, objectiveIds: [], context: null, private: priv, at: 1, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null, photo: { sha256, type: 'image/jpeg', size: 3, width: 1, height: 1 } });
    const entry = (dir: 'up' | 'down', sha256: string, id: string) => ({ key: `${dir}:c1:${sha256}`, dir, classId: 'c1', sha256, type: 'image/jpeg', owner: { table: 'notes' as const, id }, state: 'pending' as const, attempts: 0, nextAt: 0 });
    const shared = await note('shared', false, 'a'.repeat(64));
    const secret = await note('secret', true, 'b'.repeat(64));
    const pulled = await note('from the other tablet', false, 'c'.repeat(64));
    await db.blobQueue.bulkPut([entry('up', 'a'.repeat(64), shared), entry('up', 'b'.repeat(64), secret), entry('down', 'c'.repeat(64), pulled)]);
    ui();
    expect(await screen.findByText('1 to send, 1 on the way to this tablet')).toBeInTheDocument();
    await db.blobQueue.bulkUpdate([{ key: `up:c1:${'a'.repeat(64)}`, changes: { state: 'done' } }, { key: `down:c1:${'c'.repeat(64)}`, changes: { state: 'done' } }]);
    expect(await screen.findByText('None waiting')).toBeInTheDocument();
  });

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
