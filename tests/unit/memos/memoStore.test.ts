// Memos saved as they record: chunks persist one by one, a cut-off recording is recovered into a finished memo on
// the note (through the write path), and deleting or retention removes the audio and the note's reference.
import { Blob as NodeBlob } from 'node:buffer';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/db';
import { appendChunk, applyMemoRetention, applyStoredMemoRetention, MEMO_RETENTION_KEY, deleteMemo, finishMemo, mediaUsage, recoverMemos, sha256Hex, startMemo } from '../../../src/db/memos';
import { create, repo } from '../../../src/db/write';

// jsdom's Blob does not survive fake-indexeddb's structured clone; Node's does, as a browser's does.
beforeAll(() => {
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
});

const bytes = (...b: number[]) => new Blob([new Uint8Array(b)], { type: 'audio/webm' });

async function note(): Promise<string> {
  return create('notes', { classId: 'c1', studentId: 's1', pieceId: null, text: '', objectiveIds: [], context: null, private: false, at: 1, printedAt: null, photoId: null, groupSessionId: null, conferenceId: null });
}

describe('memo chunks', () => {
  it('keeps each chunk as it arrives and recovers a cut-off recording at start-up', async () => {
    const noteId = await note();
    const id = await startMemo({ table: 'notes', id: noteId }, 'audio/webm;codecs=opus', 1000);
    await appendChunk(id, 0, bytes(1, 2), 2000);
    await appendChunk(id, 1, bytes(3), 3000);
    // The tab closes here: the chunks are on disk, the note has no memo yet.
    expect(await db.memoChunks.count()).toBe(2);
    expect((await db.notes.get(noteId))?.memos).toBeUndefined();
    const outboxBefore = await db.outbox.count();

    expect(await recoverMemos()).toBe(1);
    const memos = (await db.notes.get(noteId))?.memos ?? [];
    expect(memos).toHaveLength(1);
    const ref = memos[0]!;
    expect(ref).toMatchObject({ id, type: 'audio/webm', size: 3, durationMs: 2000, at: 1000 });
    expect(ref.sha256).toBe(await sha256Hex(bytes(1, 2, 3)));
    const stored = await db.blobs.get(ref.sha256);
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(await db.memoChunks.count()).toBe(0);
    // The reference went through the write path, so it syncs.
    expect(await db.outbox.count()).toBe(outboxBefore + 1);
    expect((await db.notes.get(noteId))?._m.memos).toBeDefined();
    // Nothing left to recover.
    expect(await recoverMemos()).toBe(0);
  });

  it('adds the memo once when finishing runs again after a crash', async () => {
    const noteId = await note();
    const id = await startMemo({ table: 'notes', id: noteId }, 'audio/mp4', 1000);
    await appendChunk(id, 0, bytes(9), 1500);
    await finishMemo(id);
    await db.memos.update(id, { status: 'recording' });
    await finishMemo(id);
    expect((await db.notes.get(noteId))?.memos).toHaveLength(1);
  });

  it('drops a recording that saved nothing', async () => {
    const noteId = await note();
    await startMemo({ table: 'notes', id: noteId }, 'audio/webm', 1000);
    expect(await recoverMemos()).toBe(0);
    expect(await db.memos.count()).toBe(0);
    expect((await db.notes.get(noteId))?.memos).toBeUndefined();
  });

  it('deletes a memo: its audio goes and the note no longer lists it', async () => {
    const noteId = await note();
    const id = await startMemo({ table: 'notes', id: noteId }, 'audio/webm', 1000);
    await appendChunk(id, 0, bytes(4, 5), 2000);
    const ref = await finishMemo(id);
    expect(await mediaUsage()).toMatchObject({ memos: { count: 1, bytes: 2 } });
    await deleteMemo({ table: 'notes', id: noteId }, id);
    expect((await db.notes.get(noteId))?.memos).toEqual([]);
    expect(await db.blobs.get(ref!.sha256)).toBeUndefined();
    expect(await mediaUsage()).toMatchObject({ memos: { count: 0, bytes: 0 } });
  });

  it('retention deletes only memos older than the chosen days', async () => {
    const DAY = 86_400_000;
    const now = 100 * DAY;
    const noteId = await note();
    for (const [i, age] of [5, 40, 95].entries()) {
      const id = await startMemo({ table: 'notes', id: noteId }, 'audio/webm', now - age * DAY);
      await appendChunk(id, 0, bytes(i + 1), now - age * DAY + 1000);
      await finishMemo(id);
    }
    expect(await applyMemoRetention(null, now)).toBe(0);
    expect(await applyMemoRetention(30, now)).toBe(2);
    const left = (await db.notes.get(noteId))?.memos ?? [];
    expect(left.map((m) => m.at)).toEqual([now - 5 * DAY]);
    expect(await db.blobs.count()).toBe(1);
    expect(repo.db).toBe(db);
  });

  it('applies the stored retention at start-up', async () => {
    const DAY = 86_400_000;
    const now = 400 * DAY;
    const noteId = await note();
    const id = await startMemo({ table: 'notes', id: noteId }, 'audio/webm', now - 200 * DAY);
    await appendChunk(id, 0, bytes(7), now - 200 * DAY + 1000);
    await finishMemo(id);
    expect(await applyStoredMemoRetention(now)).toBe(0);
    await db.local.put({ key: MEMO_RETENTION_KEY, value: 180 });
    expect(await applyStoredMemoRetention(now)).toBe(1);
    expect((await db.notes.get(noteId))?.memos).toEqual([]);
  });
});
