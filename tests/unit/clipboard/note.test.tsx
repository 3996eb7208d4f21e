// A quick note: text saved as typed (draft at once, database after a pause or on blur), tags, and the private switch.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { newNote } from '../../../src/features/clipboard/noteActions';
import { NoteScreen } from '../../../src/features/clipboard/NoteScreen';
import { ToastProvider } from '../../../src/features/clipboard/toast';
import { seedClass } from './fixtures';

function renderNote(id: string) {
  return render(
    <MemoryRouter initialEntries={[`/clipboard/note/${id}`]}>
      <ToastProvider>
        <Routes>
          <Route path="/clipboard/note/:noteId" element={<NoteScreen />} />
          <Route path="/clipboard" element={<p>grid</p>} />
        </Routes>
      </ToastProvider>
    </MemoryRouter>,
  );
}

describe('note screen', { timeout: 30_000 }, () => {
  it('keeps a draft from the first keystroke and saves to the database after a short pause', async () => {
    const s = await seedClass();
    const id = await newNote(s.classId, s.ana, s.pieceId);
    renderNote(id);
    const box = await screen.findByLabelText('Note');
    const user = userEvent.setup();
    await user.type(box, 'Adds dial');
    // The draft is written synchronously: a closed tab loses nothing.
    const draft = Object.keys(localStorage).find((k) => k.includes(id));
    expect(draft && JSON.parse(localStorage.getItem(draft)!).value).toBe('Adds dial');
    // No blur, no Done: the pause alone saves it.
    expect(box).toHaveFocus();
    await waitFor(async () => expect((await db.notes.get(id))?.text).toBe('Adds dial'));
  });

  it('saves at once on blur, and tags, context and privacy change with one tap', async () => {
    const user = userEvent.setup();
    const s = await seedClass();
    const id = await newNote(s.classId, s.ana, s.pieceId);
    renderNote(id);
    expect(await screen.findByRole('heading', { name: 'Note: Ana Lopez' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Note'), 'Strong lead');
    await user.click(screen.getByRole('button', { name: 'Conference' }));
    await waitFor(async () => expect((await db.notes.get(id))?.text).toBe('Strong lead'));
    await user.click(await screen.findByRole('button', { name: 'Has an inviting beginning' }));
    await user.click(screen.getByLabelText('Private: stays on this device (never synced)'));
    await waitFor(async () => {
      const n = await db.notes.get(id);
      expect(n?.context).toBe('conference');
      expect(n?.objectiveIds).toEqual([s.lead]);
      expect(n?.private).toBe(true);
    });
    expect(screen.getByRole('button', { name: 'Conference' })).toHaveAttribute('aria-pressed', 'true');
    // Once private, later edits never enter the outbox.
    const before = await db.outbox.count();
    await user.type(screen.getByLabelText('Note'), '!');
    await user.tab();
    await waitFor(async () => expect((await db.notes.get(id))?.text).toBe('Strong lead!'));
    expect(await db.outbox.count()).toBe(before);
  });

  it('drops a note left empty when the teacher is done', async () => {
    const user = userEvent.setup();
    const s = await seedClass();
    const id = await newNote(s.classId, s.bao, s.pieceId);
    renderNote(id);
    await user.click(await screen.findByRole('button', { name: 'Done' }));
    await screen.findByText('grid');
    expect((await db.notes.get(id))?.deleted).toBe(true);
  });

  it('shows who wrote a note when it was a co-teacher', async () => {
    const s = await seedClass();
    const id = await newNote(s.classId, s.bao, s.pieceId);
    const row = (await db.notes.get(id))!;
    await db.notes.put({ ...row, text: 'Shared', _m: { ...row._m, text: { ...row._m.text!, by: 'Ms Rivera' } } });
    renderNote(id);
    expect(await screen.findByText(/written by Ms Rivera/)).toBeInTheDocument();
  });
});
