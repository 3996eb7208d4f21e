// Settings > Sync > Encryption as a teacher uses it, against the real server (SQLite in a temp folder): on by default
// with the warning before the choice, the phrase shown once; on a second tablet the phrase typed, a wrong one refused
// with a clear message and nothing kept.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { create } from '../../../src/db/write';
import { SyncSettings } from '../../../src/features/sync/SyncSettings';
import { writeConfig } from '../../../src/sync/config';
import { E2EE_KEYS } from '../../../src/sync/e2ee/deviceKeys';
import { Keyring } from '../../../src/sync/e2ee/keyring';
import { newRecoveryPhrase } from '../../../src/sync/e2ee/phrase';
import { appSync } from '../../../src/sync/app';
import { startTestServer, type TestServer } from '../../../server/testing';

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function connected(): Promise<{ token: string }> {
  server = await startTestServer();
  const teacher = await server.addTeacher('Ms Rivera');
  await writeConfig(db, { endpoint: server.url, token: teacher.token });
  return teacher;
}

function ui() {
  return render(
    <MemoryRouter>
      <SyncSettings />
    </MemoryRouter>,
  );
}

describe('encryption settings', () => {
  it('is on by default for a new set-up, warns before the choice, shows the phrase once, and seals the class', async () => {
    const user = userEvent.setup();
    await connected();
    const classId = await create('classes', { name: 'Room 12', grade: '4', archived: false, order: 0 });
    await create('students', { classId, firstName: 'Marisol', lastName: 'Quintanilla', order: 0, archived: false, sourceId: null });
    ui();
    const toggle = await screen.findByRole('switch', { name: 'Encrypt what the server keeps' });
    expect(toggle).toBeChecked();
    expect(screen.getByText(/If you lose it, only the server\u2019s copy is lost: your tablets keep everything/)).toBeInTheDocument();

    await user.click(toggle);
    expect(screen.getByText('The server will keep a copy of your classes it can read.')).toBeInTheDocument();
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Show my recovery phrase' }));
    const words = within(screen.getByRole('list', { name: 'Recovery phrase' })).getAllByRole('listitem');
    expect(words).toHaveLength(12);
    await user.click(screen.getByRole('button', { name: 'I have written it down: turn encryption on' }));
    expect(await screen.findByText(/Encryption is on: the server keeps only locked copies/, undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Recovery phrase' })).toBeNull();

    // The key is kept on the tablet and cannot be taken out of it; the class reached the server sealed.
    const kept = (await db.local.get(E2EE_KEYS.keyring))?.value as { kek: CryptoKey };
    expect(kept.kek.extractable).toBe(false);
    await waitFor(async () => expect(await db.outbox.count()).toBe(0), { timeout: 10_000 });
    await appSync.sync({ force: true });
    const stored = JSON.stringify(await server!.db.dump('records'));
    expect(stored).toContain(classId);
    expect(stored).not.toContain('Marisol');
    expect(stored).not.toContain('Room 12');
  });

  it('opens the keys on a second tablet with the phrase; a wrong or mistyped one says what to fix and keeps nothing', async () => {
    const user = userEvent.setup();
    const teacher = await connected();
    const phrase = newRecoveryPhrase();
    const ring = await Keyring.create(phrase, 100_000);
    const res = await fetch(`${server!.url}/api/v1/keyring`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${teacher.token}`, 'Content-Type': 'application/json', 'X-Circulate-Schema': '99' },
      body: JSON.stringify({ vault: ring.vault }),
    });
    expect(res.status).toBe(200);
    ui();
    const box = await screen.findByRole('textbox', { name: 'Recovery phrase' });
    const open = screen.getByRole('button', { name: 'Open my classes' });

    await user.type(box, newRecoveryPhrase());
    await user.click(open);
    expect(await screen.findByRole('alert')).toHaveTextContent('That recovery phrase does not open this teacher\u2019s keys. Check each word; nothing was changed.');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(await db.local.get(E2EE_KEYS.keyring)).toBeUndefined();

    const words = phrase.split(' ');
    await user.clear(box);
    await user.type(box, [...words.slice(0, 2), 'zzzz', ...words.slice(3)].join(' '));
    await user.click(open);
    expect(await screen.findByRole('alert')).toHaveTextContent("Word 3 is not one of the phrase's words. Check its spelling.");
    expect(await db.local.get(E2EE_KEYS.keyring)).toBeUndefined();

    await user.clear(box);
    await user.type(box, phrase);
    await user.click(open);
    expect(await screen.findByText(/Encryption is on/, undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(await db.local.get(E2EE_KEYS.keyring)).toBeDefined();
  });
});
