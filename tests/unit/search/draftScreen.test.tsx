// The report-comment draft screen through the real write path: a draft from the student's evidence, each sentence
// linking to the record it came from, edited with autosave, copied with a visible confirmation, bad dates refused; a
// sentence whose note was made private afterwards is no longer cited, and comes out of the comment on request.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { create, update } from '../../../src/db/write';
import { DraftScreen } from '../../../src/features/search/DraftScreen';
import { useSession } from '../../../src/session/sessionStore';
import { seedClass } from '../clipboard/fixtures';

function renderDraft(studentId: string) {
  return render(
    <MemoryRouter initialEntries={[`/find/draft/${studentId}`]}>
      <Routes>
        <Route path="/find/draft/:studentId" element={<DraftScreen />} />
        <Route path="/clipboard/student/:id" element={<p>Timeline</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('draft screen', { timeout: 30_000 }, () => {
  it('drafts from evidence, links each sentence to it, saves edits as typed and confirms a copy', async () => {
    const user = userEvent.setup();
    const s = await seedClass();
    useSession.getState().setCurrentClass(s.classId);
    await create('conferences', { classId: s.classId, studentId: s.ana, kind: 'teacher', partnerId: null, pieceId: s.pieceId, objectiveId: null, strengths: 'Strong verbs in the lead', trait: 'Word Choice', nextStep: 'Add a detail to the middle', at: Date.now() - 86_400_000, minutes: 4, goalId: null });
    await create('notes', { classId: s.classId, studentId: s.ana, pieceId: null, text: 'private worry about home', objectiveIds: [], context: null, private: true, at: Date.now(), printedAt: null, photoId: null, groupSessionId: null, conferenceId: null });
    renderDraft(s.ana);
    await user.click(await screen.findByRole('button', { name: 'Draft a comment' }));
    const comment = await screen.findByLabelText('Comment (saved as you type)');
    expect((comment as HTMLTextAreaElement).value).toMatch(/strong verbs/i);
    expect((comment as HTMLTextAreaElement).value).not.toMatch(/worry/);
    const evidence = await screen.findByRole('list', { name: 'Evidence' });
    expect(evidence.textContent).not.toMatch(/worry/);
    expect(screen.getAllByRole('link', { name: /^Conference,/ }).length).toBeGreaterThan(0);

    await user.clear(comment);
    await user.type(comment, 'Ana writes strong verbs.');
    await waitFor(async () => expect((await db.reportDrafts.toArray())[0]?.text).toBe('Ana writes strong verbs.'));

    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByText('Copied. Paste it into the report card.')).toBeTruthy();
    expect(await navigator.clipboard.readText()).toBe('Ana writes strong verbs.');
    // Copied straight after typing, inside the autosave's pause: the words as shown, not as last saved.
    await user.type(comment, ' She rereads.');
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe('Ana writes strong verbs. She rereads.');

    await user.click(screen.getAllByRole('link', { name: /^Conference,/ })[0]!);
    expect(await screen.findByText('Timeline')).toBeTruthy();
  });

  it('stops citing a note made private after the draft, and takes its sentence out of the comment on request', async () => {
    const user = userEvent.setup();
    const s = await seedClass();
    useSession.getState().setCurrentClass(s.classId);
    await create('conferences', { classId: s.classId, studentId: s.ana, kind: 'teacher', partnerId: null, pieceId: s.pieceId, objectiveId: null, strengths: 'Strong verbs in the lead', trait: 'Word Choice', nextStep: '', at: Date.now() - 86_400_000, minutes: 4, goalId: null });
    const noteId = await create('notes', { classId: s.classId, studentId: s.ana, pieceId: null, text: 'Ana misses her grandmother', objectiveIds: [], context: null, private: false, at: Date.now(), printedAt: null, photoId: null, groupSessionId: null, conferenceId: null });
    renderDraft(s.ana);
    await user.click(await screen.findByRole('button', { name: 'Draft a comment' }));
    const comment = (await screen.findByLabelText('Comment (saved as you type)')) as HTMLTextAreaElement;
    const evidence = await screen.findByRole('list', { name: 'Evidence' });
    await waitFor(() => expect(evidence.textContent).toMatch(/grandmother/));
    expect(screen.queryByRole('button', { name: /out of the comment/ })).toBeNull();

    await update('notes', noteId, { private: true });
    expect(await screen.findByText(/^A drafted sentence came from a record since deleted or made private/)).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Evidence' }).textContent).not.toMatch(/grandmother/);
    expect(screen.getByRole('list', { name: 'Evidence' }).textContent).toMatch(/strong verbs/i);
    expect(comment.value).toMatch(/grandmother/);

    await user.click(screen.getByRole('button', { name: 'Take it out of the comment' }));
    await waitFor(() => expect(comment.value).not.toMatch(/grandmother/));
    expect(comment.value).toMatch(/strong verbs/i);
    const [draft] = await db.reportDrafts.toArray();
    expect(JSON.stringify(draft)).not.toMatch(/grandmother/);
    expect(draft!.sentences).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /out of the comment/ })).toBeNull();
  });

  it('refuses a first day after the last and writes nothing', async () => {
    const user = userEvent.setup();
    const s = await seedClass();
    useSession.getState().setCurrentClass(s.classId);
    renderDraft(s.ana);
    const first = await screen.findByLabelText('First day');
    await user.clear(first);
    await user.type(first, '2099-01-01');
    await user.click(screen.getByRole('button', { name: 'Draft a comment' }));
    expect(await screen.findByText('The first day is after the last day: swap them.')).toBeTruthy();
    expect(await db.reportDrafts.count()).toBe(0);
  });
});
