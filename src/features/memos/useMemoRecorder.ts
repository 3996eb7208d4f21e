// The recorder behind "Record memo": MediaRecorder in the first format the browser records, a chunk saved to the
// device every second, a hard length cap, and what to tell the teacher when the microphone is refused or missing.
import { useCallback, useEffect, useRef, useState } from 'react';
import { appendChunk, finishMemo, memoLockName, startMemo, type MemoOwner } from '../../db/memos';
import { chooseMemoType, MAX_MEMO_MS, MEMO_ANNOUNCE_EVERY_MS, MEMO_TIMESLICE_MS, micMessage, micProblem, spokenLength } from '../../domain/memos';

export type RecorderState = 'idle' | 'starting' | 'recording' | 'saving';

export interface MemoRecorder {
  state: RecorderState;
  elapsedMs: number;
  /** A problem to show as an alert. */
  error: string | null;
  /** What screen readers hear: start, every 30 s, stop. */
  announcement: string;
  start: () => Promise<void>;
  stop: () => void;
}

interface Live {
  recorder: MediaRecorder;
  stream: MediaStream;
  memoId: string;
  startedAt: number;
  capped: boolean;
  release: () => void;
}

export function useMemoRecorder(table: MemoOwner['table'], ownerId: string): MemoRecorder {
  const [state, setState] = useState<RecorderState>('idle');
  const [elapsedMs, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const live = useRef<Live | null>(null);

  const stop = useCallback(() => {
    const l = live.current;
    if (l && l.recorder.state !== 'inactive') l.recorder.stop();
  }, []);

  const start = useCallback(async () => {
    if (live.current) return;
    setError(null);
    if (!globalThis.navigator?.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
      setError(micMessage('unsupported'));
      return;
    }
    setState('starting');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (err) {
      setState('idle');
      setError(micMessage(micProblem(err)));
      return;
    }
    let recorder: MediaRecorder;
    try {
      const type = chooseMemoType((t) => MediaRecorder.isTypeSupported(t));
      recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    } catch (err) {
      stream.getTracks().forEach((t) => t.stop());
      setState('idle');
      setError(micMessage(micProblem(err) === 'other' ? 'unsupported' : micProblem(err)));
      return;
    }
    const startedAt = Date.now();
    let memoId: string;
    try {
      memoId = await startMemo({ table, id: ownerId }, recorder.mimeType || 'audio/webm', startedAt);
    } catch (err) {
      stream.getTracks().forEach((t) => t.stop());
      setState('idle');
      setError(err instanceof Error ? err.message : String(err));
      return;
    }
    // Held while recording, so a start-up in another tab does not finish this memo under us.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    void globalThis.navigator?.locks?.request(memoLockName(memoId), () => held).catch(() => {});
    const l: Live = { recorder, stream, memoId, startedAt, capped: false, release };
    live.current = l;
    let index = 0;
    let saving: Promise<void> = Promise.resolve();
    recorder.ondataavailable = (e) => {
      if (e.data.size === 0) return;
      const i = index++;
      const at = Date.now();
      saving = saving.then(() => appendChunk(memoId, i, e.data, at)).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
    };
    recorder.onstop = () => {
      const took = Math.min(Date.now() - startedAt, MAX_MEMO_MS);
      stream.getTracks().forEach((t) => t.stop());
      setState('saving');
      void saving
        .then(() => finishMemo(memoId, took))
        .then(() => setAnnouncement(l.capped ? `Stopped at the limit of ${spokenLength(MAX_MEMO_MS)}. Memo saved, ${spokenLength(took)}.` : `Memo saved, ${spokenLength(took)}.`))
        .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
        .finally(() => {
          l.release();
          if (live.current === l) live.current = null;
          setState('idle');
        });
    };
    recorder.start(MEMO_TIMESLICE_MS);
    setElapsed(0);
    setState('recording');
    setAnnouncement('Recording started.');
  }, [table, ownerId]);

  // The running clock, the periodic announcement and the cap.
  useEffect(() => {
    if (state !== 'recording') return;
    let lastSpoken = 0;
    const tick = setInterval(() => {
      const l = live.current;
      if (!l) return;
      const ms = Date.now() - l.startedAt;
      setElapsed(Math.min(ms, MAX_MEMO_MS));
      if (ms >= MAX_MEMO_MS) {
        l.capped = true;
        stop();
      } else if (Math.floor(ms / MEMO_ANNOUNCE_EVERY_MS) > lastSpoken) {
        lastSpoken = Math.floor(ms / MEMO_ANNOUNCE_EVERY_MS);
        setAnnouncement(`Recording, ${spokenLength(lastSpoken * MEMO_ANNOUNCE_EVERY_MS)}.`);
      }
    }, 250);
    return () => clearInterval(tick);
  }, [state, stop]);

  // Leaving the screen stops the recording; what was said is kept.
  useEffect(() => () => stop(), [stop]);

  return { state, elapsedMs, error, announcement, start, stop };
}
