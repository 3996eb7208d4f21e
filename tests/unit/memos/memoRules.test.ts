// The memo format choice, the clock and mic messages, and retention maths: pure rules in src/domain.
import { describe, expect, it } from 'vitest';
import { baseType, chooseMemoType, formatClock, MAX_MEMO_MS, micMessage, micProblem, spokenLength } from '../../../src/domain/memos';
import { memosPastRetention, retentionCutoff } from '../../../src/domain/retention';

describe('chooseMemoType', () => {
  it('takes the first format the browser records', () => {
    expect(chooseMemoType(() => true)).toBe('audio/webm;codecs=opus');
    expect(chooseMemoType((t) => t === 'audio/mp4' || t === 'audio/ogg')).toBe('audio/mp4');
    expect(chooseMemoType((t) => t === 'audio/ogg')).toBe('audio/ogg');
  });
  it('leaves the choice to the browser when none is supported or the question throws', () => {
    expect(chooseMemoType(() => false)).toBeNull();
    expect(
      chooseMemoType((t) => {
        if (t.startsWith('audio/webm')) throw new Error('old browser');
        return t === 'audio/mp4';
      }),
    ).toBe('audio/mp4');
  });
  it('names the container for the blob', () => {
    expect(baseType('audio/webm;codecs=opus')).toBe('audio/webm');
    expect(baseType('audio/mp4')).toBe('audio/mp4');
  });
});

describe('clock and messages', () => {
  it('shows mm:ss and speaks minutes and seconds', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(65_400)).toBe('01:05');
    expect(formatClock(MAX_MEMO_MS)).toBe('03:00');
    expect(spokenLength(MAX_MEMO_MS)).toBe('3 minutes');
    expect(spokenLength(61_000)).toBe('1 minute 1 second');
    expect(spokenLength(400)).toBe('0 seconds');
  });
  it('tells a refused microphone from a missing one, each with what to do', () => {
    expect(micProblem(new DOMException('no', 'NotAllowedError'))).toBe('refused');
    expect(micProblem(new DOMException('none', 'NotFoundError'))).toBe('missing');
    expect(micProblem({ name: 'NotSupportedError' })).toBe('unsupported');
    expect(micProblem('odd')).toBe('other');
    expect(micMessage('refused')).toMatch(/Allow the microphone/);
    expect(micMessage('missing')).toMatch(/Connect or switch on a microphone/);
    expect(micMessage('unsupported')).toMatch(/cannot record audio/);
  });
});

describe('retention', () => {
  const DAY = 86_400_000;
  const now = 1_800_000_000_000;
  const memos = [0, 29, 30, 31, 400].map((d) => ({ id: `m${d}`, at: now - d * DAY }));
  it('keeps everything when set to never', () => {
    expect(retentionCutoff(null, now)).toBeNull();
    expect(memosPastRetention(memos, null, now)).toEqual([]);
  });
  it('deletes only memos older than the chosen days', () => {
    expect(memosPastRetention(memos, 30, now).map((m) => m.id)).toEqual(['m31', 'm400']);
    expect(memosPastRetention(memos, 365, now).map((m) => m.id)).toEqual(['m400']);
  });
  it('ignores a nonsense setting rather than deleting everything', () => {
    expect(memosPastRetention(memos, 0, now)).toEqual([]);
    expect(memosPastRetention(memos, Number.NaN, now)).toEqual([]);
  });
});
