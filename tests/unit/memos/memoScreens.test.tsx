// The memo controls as the teacher meets them: a refused, missing or unsupported microphone says what to do; Settings
// shows photos' and memos' space and asks before retention deletes memos.
import { Blob as NodeBlob } from 'node:buffer';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/db';
import { appendChunk, finishMemo, startMemo } from '../../../src/db/memos';
import { MAX_MEMO_MS } from '../../../src/domain/memos';
import { create } from '../../../src/db/write';
import { MemoSection } from '../../../src/features/memos/MemoSection';
import { MediaSection } from '../../../src/features/settings/MediaSection';

beforeAll(() => {
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
});

function withMic(getUserMedia: () => Promise<MediaStream>): void {
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
  vi.stubGlobal('MediaRecorder', Object.assign(function MediaRecorder() {}, { isTypeSupported: () => true }));
}

describe('MemoSection', () => {
  it('says the browser cannot record when there is no MediaRecorder', async () => {
    const user = userEvent.setup({ delay: null });
    render(<MemoSection table="notes" ownerId="n1" memos={[]} studentName="Ana Lopez" />);
    await user.click(screen.getByRole('button', { name: 'Record memo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/This browser cannot record audio/);
  });

  it('tells a refused microphone from a missing one, and what to do', async () => {
    const user = userEvent.setup({ delay: null });
    withMic(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const { unmount } = render(<MemoSection table="notes" ownerId="n1" memos={[]} studentName="Ana Lopez" />);
    await user.click(screen.getByRole('button', { name: 'Record memo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Allow the microphone for this site/);
    unmount();

    withMic(() => Promise.reject(new DOMException('none', 'NotFoundError')));
    render(<MemoSection table="notes" ownerId="n1" memos={[]} studentName="Ana Lopez" />);
    await user.click(screen.getByRole('button', { name: 'Record memo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/No microphone was found/);
    expect(screen.getByRole('button', { name: 'Record memo' })).toBeEnabled();
  });
});

/** A MediaRecorder that hands over one chunk when stopped, as a browser's does. */
class FakeRecorder {
  static isTypeSupported = (t: string) => t === 'audio/mp4';
  state: 'inactive' | 'recording' = 'inactive';
  mimeType = 'audio/mp4';
  ondataavailable: ((e: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  start() {
    this.state = 'recording';
  }
  stop() {
    this.state = 'inactive';
    this.ondataavailable?.({ data: new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/mp4' }) });
    this.onstop?.();
  }
}

describe('recording', () => {
  it('stops itself at the cap, says so, and the memo is on the note', async () => {
    const user = userEvent.setup({ delay: null });
    const noteId = await create('notes', { classId: 'c1', studentId: 's1', pieceId: null, text: '', objectiveIds: [], context: null, private: false, at: 1, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null });
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: async () => ({ getTracks: () => [] }) }, configurable: true });
    vi.stubGlobal('MediaRecorder', FakeRecorder);
    render(<MemoSection table="notes" ownerId={noteId} memos={[]} studentName="Ana Lopez" />);
    await user.click(screen.getByRole('button', { name: 'Record memo' }));
    expect(await screen.findByRole('button', { name: 'Stop' })).toBeInTheDocument();
    expect(screen.getByRole('timer', { name: 'Recording time' })).toHaveTextContent('00:00');
    // Three minutes and a bit later:
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + MAX_MEMO_MS + 2000);
    // Shown on screen and announced once.
    expect(await screen.findAllByText('Stopped at the limit of 3 minutes. Memo saved, 3 minutes.')).toHaveLength(2);
    expect(screen.getByRole('status')).toHaveTextContent('Stopped at the limit of 3 minutes.');
    const memos = (await db.notes.get(noteId))?.memos ?? [];
    expect(memos).toMatchObject([{ type: 'audio/mp4', size: 3, durationMs: MAX_MEMO_MS }]);
  });
});

describe('MediaSection', () => {
  it('shows the space memos take and confirms how many a shorter retention deletes', async () => {
    const user = userEvent.setup({ delay: null });
    const noteId = await create('notes', { classId: 'c1', studentId: 's1', pieceId: null, text: '', objectiveIds: [], context: null, private: false, at: 1, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null });
    const old = Date.now() - 100 * 86_400_000;
    for (const at of [old, old + 1000, Date.now()]) {
      const id = await startMemo({ table: 'notes', id: noteId }, 'audio/webm', at);
      await appendChunk(id, 0, new Blob([new Uint8Array(300 * 1024 + (at % 7))]), at + 500);
      await finishMemo(id);
    }
    render(<MediaSection />);
    expect(await screen.findByText('3 memos, 0.9 MB')).toBeInTheDocument();
    expect(screen.getByText('0 photos, 0.0 MB')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Never' })).toHaveAttribute('aria-pressed', 'true');

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await user.click(screen.getByRole('button', { name: '90 days' }));
    // The screen counts what would go (an IndexedDB read) before it asks: wait for the question, not for the click.
    await waitFor(() => expect(confirm).toHaveBeenCalledTimes(1));
    expect(confirm).toHaveBeenLastCalledWith(expect.stringMatching(/^Delete 2 voice memos older than 90 days/));
    expect(await db.memos.count()).toBe(3);
    expect(screen.getByRole('button', { name: 'Never' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('button', { name: '90 days' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Voice memos: deleted after 90 days. Deleted 2 memos.'));
    expect(await db.memos.count()).toBe(1);
    expect((await db.notes.get(noteId))?.memos).toHaveLength(1);
    await waitFor(() => expect(screen.getByRole('button', { name: '90 days' })).toHaveAttribute('aria-pressed', 'true'));
    expect(await screen.findByText('1 memo, 0.3 MB')).toBeInTheDocument();
  });
});
