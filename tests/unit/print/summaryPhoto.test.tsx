// A student summary shows a note's photo of the page (from this device's blob store), and says the photo is on its
// way when the blob queue has not brought it yet.
import { Blob as NodeBlob } from 'node:buffer';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryRouter, Route, Routes } from 'react-router';
import { db } from '../../../src/db/db';
import { sha256Hex } from '../../../src/db/memos';
import { create } from '../../../src/db/write';
import PrintArea from '../../../src/features/print/PrintArea';
import { addStudents, createClass } from '../../../src/features/roster/rosterActions';
import { useSession } from '../../../src/session/sessionStore';

beforeAll(() => {
  // jsdom's Blob does not survive fake-indexeddb's structured clone, and jsdom has no object URLs.
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
  Object.assign(URL, { createObjectURL: () => 'blob:photo', revokeObjectURL: () => undefined });
});

describe('student summary photos', () => {
  it("prints a note's photo on its student's page, and a placeholder for one not on this device yet", async () => {
    const classId = await createClass('Room 12');
    useSession.getState().setCurrentClass(classId);
    const [ana = '', bao = ''] = await addStudents(classId, [
      { firstName: 'Ana', lastName: 'Lopez' },
      { firstName: 'Bao', lastName: 'Nguyen' },
    ]);
    const blob = new Blob([new Uint8Array([255, 216, 255, 224, 3, 3])], { type: 'image/jpeg' });
    const sha256 = await sha256Hex(blob);
    await db.blobs.put({ sha256, blob, type: 'image/jpeg', size: blob.size, createdAt: 1 });
    const base = { classId, pieceId: null, objectiveIds: [], context: null, private: false, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null };
    // A photo alone, no text, still belongs on the page.
    await create('notes', { ...base, studentId: ana, text: '', at: Date.UTC(2026, 10, 3, 12), photo: { sha256, type: 'image/jpeg', size: blob.size, width: 1200, height: 1600 } });
    await create('notes', { ...base, studentId: bao, text: 'Bao draft', at: Date.now(), photo: { sha256: 'f'.repeat(64), type: 'image/jpeg', size: 9, width: 10, height: 10 } });
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={['/print']}>
        <Routes>
          <Route path="/print/*" element={<PrintArea />} />
        </Routes>
      </MemoryRouter>,
    );
    await user.click(await screen.findByRole('link', { name: 'Student summaries' }));
    const anaPage = await screen.findByRole('article', { name: 'Summary for Ana Lopez' });
    const img = await within(anaPage).findByRole('img', { name: /^Photo of Ana Lopez's page, Nov 3, 2026$/ });
    expect(img).toHaveAttribute('src', 'blob:photo');
    expect(img).toHaveClass('print-summary-photo');
    const baoPage = screen.getByRole('article', { name: 'Summary for Bao Nguyen' });
    expect(await within(baoPage).findByText('Photo is on its way')).toBeInTheDocument();
    expect(within(baoPage).queryByRole('img')).toBeNull();
    expect(within(anaPage).queryByText('Photo is on its way')).toBeNull();
  });
});
