// Voice memos' pure rules: which audio format to record, the length cap, the running clock and what a refused or
// missing microphone means to the teacher. The recorder (src/features/memos) and the tests share them.

/** Formats to ask MediaRecorder for, best first: Opus in WebM (Chrome, Firefox), MP4/AAC (Safari), Ogg. */
export const MEMO_FORMATS = ['audio/webm;codecs=opus', 'audio/mp4', 'audio/ogg'] as const;

/** A memo stops itself at this length: three minutes is a thought, not a lesson, and keeps a year of them small. */
export const MAX_MEMO_MS = 3 * 60_000;

/** How often the recorder hands over a chunk, each saved at once, so a closed tab loses at most this much. */
export const MEMO_TIMESLICE_MS = 1000;

/** How often screen readers hear the running time (the visible clock ticks every second). */
export const MEMO_ANNOUNCE_EVERY_MS = 30_000;

/** The first format the browser can record, or null to let MediaRecorder pick its own default. */
export function chooseMemoType(isTypeSupported: (type: string) => boolean): string | null {
  for (const type of MEMO_FORMATS) {
    try {
      if (isTypeSupported(type)) return type;
    } catch {
      // An old browser that throws on the question cannot record that format either.
    }
  }
  return null;
}

/** The container part of a MIME type ("audio/webm;codecs=opus" -> "audio/webm"), for a Blob's type. */
export function baseType(type: string): string {
  return type.split(';')[0]!.trim();
}

/** mm:ss, e.g. 1:05 reads "01:05". */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Spoken length: "1 minute 5 seconds". */
export function spokenLength(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  const parts = [m > 0 ? `${m} minute${m === 1 ? '' : 's'}` : '', s % 60 > 0 || m === 0 ? `${s % 60} second${s % 60 === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(' ');
}

export type MicProblem = 'refused' | 'missing' | 'unsupported' | 'other';

/** What went wrong, from the error getUserMedia or MediaRecorder threw. */
export function micProblem(err: unknown): MicProblem {
  const name = err instanceof Error || (typeof err === 'object' && err !== null && 'name' in err) ? String((err as { name: unknown }).name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'refused';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') return 'missing';
  if (name === 'NotSupportedError') return 'unsupported';
  return 'other';
}

/** What the teacher reads, and what to do about it. */
export function micMessage(problem: MicProblem): string {
  switch (problem) {
    case 'refused':
      return 'Circulate is not allowed to use the microphone. Allow the microphone for this site in the browser\u2019s site settings (the icon beside the address), then tap Record memo again.';
    case 'missing':
      return 'No microphone was found, or another app is using it. Connect or switch on a microphone, close other apps that record, then tap Record memo again.';
    case 'unsupported':
      return 'This browser cannot record audio. Open Circulate in a current Chrome, Edge, Firefox or Safari to record memos; you can still write notes here.';
    case 'other':
      return 'The recording could not start. Tap Record memo to try again; if it keeps failing, reload Circulate.';
  }
}
