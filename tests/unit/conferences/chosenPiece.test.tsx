// The piece the teacher chose on the clipboard is the piece a new conference links to, not the class's newest.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import ClipboardArea from '../../../src/features/clipboard/ClipboardArea';
import { createPiece } from '../../../src/features/clipboard/pieceActions';
import { makeClass, renderAt } from './helpers';

describe('conferences and the chosen piece', { timeout: 30_000 }, () => {
  it('a conference started after choosing piece B on the clipboard links to B', async () => {
    const user = userEvent.setup();
    const { classId, ids } = await makeClass(['Ana Lopez', 'Bao Nguyen']);
    await createPiece({ classId, title: 'Newest piece', genre: 'narrative', startDate: '2026-11-10' }, []);
    const chosen = await createPiece({ classId, title: 'Piece B', genre: 'opinion', startDate: '2026-11-02' }, []);

    render(
      <MemoryRouter initialEntries={['/clipboard/pieces']}>
        <Routes>
          <Route path="/clipboard/*" element={<ClipboardArea />} />
        </Routes>
      </MemoryRouter>,
    );
    await user.click(await screen.findByRole('button', { name: 'Open checklist for Piece B' }, { timeout: 15_000 }));
    cleanup();

    renderAt(`/conferences/new/${ids[0]}`);
    await screen.findByRole('heading', { name: 'Conference with Ana Lopez' }, { timeout: 15_000 });
    await waitFor(() => expect(screen.getByLabelText('Piece')).toHaveValue(chosen));
    const [conference] = await db.conferences.toArray();
    expect(conference?.pieceId).toBe(chosen);
  });
});
