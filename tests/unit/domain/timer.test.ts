// Timer maths: the end instant is the state, so remaining = end - now, pause/resume keeps the remaining time,
// and adjusting is additive.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adjustTimer,
  crossedBelow,
  describeRemaining,
  DONE_MS,
  elapsedMs,
  formatClock,
  formatElapsed,
  fractionLeft,
  IDLE_TIMER,
  MAX_DURATION_MS,
  MINUTE_MS,
  normalizeTimer,
  pauseTimer,
  remainingMs,
  resetTimer,
  resumeTimer,
  stageAnnouncement,
  stageOf,
  stageThresholds,
  startTimer,
} from '../../../src/domain/timer';

const T0 = 1_800_000_000_000;
const duration = fc.integer({ min: 0, max: MAX_DURATION_MS });
const offset = fc.integer({ min: 0, max: 6 * 60 * MINUTE_MS });

describe('timer maths', () => {
  it('starts running with the end instant set', () => {
    const s = startTimer(10 * MINUTE_MS, T0);
    expect(s).toEqual({ status: 'running', durationMs: 600_000, endsAt: T0 + 600_000, pausedRemainingMs: null, startedAt: T0, mode: 'countdown' });
    expect(remainingMs(s, T0 + 1_000)).toBe(599_000);
    expect(elapsedMs(s, T0 + 1_000)).toBe(1_000);
  });

  it('clamps silly durations', () => {
    expect(startTimer(-5, T0).durationMs).toBe(0);
    expect(startTimer(Number.NaN, T0).durationMs).toBe(0);
    expect(startTimer(MAX_DURATION_MS * 2, T0).durationMs).toBe(MAX_DURATION_MS);
  });

  it('remaining is always end minus now while running (negative in overtime)', () => {
    fc.assert(
      fc.property(duration, offset, (d, t) => {
        const s = startTimer(d, T0);
        expect(remainingMs(s, T0 + t)).toBe(T0 + d - (T0 + t));
        expect(elapsedMs(s, T0 + t)).toBe(Math.max(0, t));
      }),
    );
  });

  it('pause then resume preserves the remaining time whatever the pause length', () => {
    fc.assert(
      fc.property(duration, offset, offset, offset, (d, runFor, pausedFor, later) => {
        const started = startTimer(d, T0);
        const pausedAt = T0 + runFor;
        const paused = pauseTimer(started, pausedAt);
        const before = remainingMs(started, pausedAt);
        expect(paused.status).toBe('paused');
        expect(remainingMs(paused, pausedAt + pausedFor)).toBe(before);
        const resumedAt = pausedAt + pausedFor;
        const resumed = resumeTimer(paused, resumedAt);
        expect(remainingMs(resumed, resumedAt)).toBe(before);
        expect(remainingMs(resumed, resumedAt + later)).toBe(before - later);
        expect(elapsedMs(resumed, resumedAt + later)).toBe(Math.max(0, runFor + later));
      }),
    );
  });

  it('adjusting is additive while time is left, and the elapsed time does not move', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MINUTE_MS, max: 60 * MINUTE_MS }),
        fc.array(fc.constantFrom(MINUTE_MS, -MINUTE_MS), { maxLength: 10 }),
        (d, deltas) => {
          // Start with enough room that no removal hits zero.
          let s = startTimer(d + 20 * MINUTE_MS, T0);
          const now = T0 + 1_234;
          const before = remainingMs(s, now);
          for (const delta of deltas) s = adjustTimer(s, delta, now);
          const sum = deltas.reduce((a, b) => a + b, 0);
          expect(remainingMs(s, now)).toBe(before + sum);
          expect(elapsedMs(s, now)).toBe(1_234);
          expect(s.durationMs).toBe(d + 20 * MINUTE_MS + sum);
        },
      ),
    );
  });

  it('never removes time below zero, and removing does nothing in overtime', () => {
    const s = startTimer(MINUTE_MS, T0);
    const a = adjustTimer(s, -MINUTE_MS, T0 + 20_000);
    expect(remainingMs(a, T0 + 20_000)).toBe(0);
    const over = startTimer(MINUTE_MS, T0);
    expect(adjustTimer(over, -MINUTE_MS, T0 + 90_000)).toBe(over);
    // Adding in overtime brings it back before the end.
    expect(remainingMs(adjustTimer(over, MINUTE_MS, T0 + 90_000), T0 + 90_000)).toBe(30_000);
  });

  it('adjusts a paused timer and an idle one', () => {
    const p = pauseTimer(startTimer(5 * MINUTE_MS, T0), T0 + 60_000);
    const q = adjustTimer(p, MINUTE_MS, T0 + 999_999);
    expect(q.status).toBe('paused');
    expect(remainingMs(q, T0)).toBe(5 * MINUTE_MS);
    expect(adjustTimer(IDLE_TIMER, -MINUTE_MS, T0).durationMs).toBe(0);
    expect(adjustTimer({ ...IDLE_TIMER, durationMs: 600_000 }, MINUTE_MS, T0).durationMs).toBe(660_000);
  });

  it('pause and resume are no-ops in the wrong state', () => {
    expect(pauseTimer(IDLE_TIMER, T0)).toBe(IDLE_TIMER);
    const r = startTimer(1000, T0);
    expect(resumeTimer(r, T0)).toBe(r);
  });

  it('reset keeps the length and mode', () => {
    const s = resetTimer(startTimer(15 * MINUTE_MS, T0, 'countup'));
    expect(s).toEqual({ ...IDLE_TIMER, durationMs: 15 * MINUTE_MS, mode: 'countup' });
    expect(remainingMs(s, T0)).toBe(15 * MINUTE_MS);
    expect(elapsedMs(s, T0)).toBe(0);
  });

  it('moves through the stages toward the end', () => {
    const s = startTimer(10 * MINUTE_MS, T0);
    const at = (left: number) => stageOf(s, T0 + 10 * MINUTE_MS - left);
    expect(stageOf(IDLE_TIMER, T0)).toBe('idle');
    expect(at(5 * MINUTE_MS)).toBe('plenty');
    expect(at(2 * MINUTE_MS + 1)).toBe('plenty');
    expect(at(2 * MINUTE_MS)).toBe('warning');
    expect(at(30_001)).toBe('warning');
    expect(at(30_000)).toBe('final');
    expect(at(1)).toBe('final');
    expect(at(0)).toBe('done');
    expect(at(-DONE_MS + 1)).toBe('done');
    expect(at(-DONE_MS)).toBe('overtime');
  });

  it('scales the stages down for short timers and ignores them for a plain count-up clock', () => {
    expect(stageThresholds(3 * MINUTE_MS)).toEqual({ warningMs: MINUTE_MS, finalMs: 30_000 });
    expect(stageThresholds(60_000)).toEqual({ warningMs: 20_000, finalMs: 10_000 });
    const up = startTimer(0, T0, 'countup');
    expect(stageOf(up, T0 + 99 * MINUTE_MS)).toBe('plenty');
    expect(elapsedMs(up, T0 + 65_000)).toBe(65_000);
    expect(formatElapsed(elapsedMs(up, T0 + 65_999))).toBe('1:05');
  });

  it('stages never go back up as time passes', () => {
    const order = ['plenty', 'warning', 'final', 'done', 'overtime'];
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: MAX_DURATION_MS }), offset, offset, (d, a, b) => {
        const s = startTimer(d, T0);
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(order.indexOf(stageOf(s, T0 + early))).toBeLessThanOrEqual(order.indexOf(stageOf(s, T0 + late)));
      }),
    );
  });

  it('gives the share of the disk still showing', () => {
    const s = startTimer(10 * MINUTE_MS, T0);
    expect(fractionLeft(s, T0)).toBe(1);
    expect(fractionLeft(s, T0 + 5 * MINUTE_MS)).toBe(0.5);
    expect(fractionLeft(s, T0 + 11 * MINUTE_MS)).toBe(0);
    expect(fractionLeft(IDLE_TIMER, T0)).toBe(1);
  });

  it('formats the clock: rounded up while counting down, "+" for overtime', () => {
    expect(formatClock(600_000)).toBe('10:00');
    expect(formatClock(599_001)).toBe('10:00');
    expect(formatClock(599_000)).toBe('9:59');
    expect(formatClock(725_000)).toBe('12:05');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-999)).toBe('0:00');
    expect(formatClock(-42_500)).toBe('+0:42');
    expect(formatClock(-(61 * MINUTE_MS + 5_000))).toBe('+1:01:05');
    expect(formatClock(3_600_000)).toBe('1:00:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
    expect(formatElapsed(-5)).toBe('0:00');
  });

  it('formatClock always has two-digit seconds and round-trips whole seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 35_999 }), (secs) => {
        const text = formatClock(secs * 1000);
        expect(text).toMatch(/^(\d+:)?\d{1,2}:\d{2}$/);
        const parts = text.split(':').map(Number);
        const back = parts.reduce((acc, p) => acc * 60 + p, 0);
        expect(back).toBe(secs);
      }),
    );
  });

  it('describes the time left in words', () => {
    expect(describeRemaining(2 * MINUTE_MS)).toBe('2 minutes left');
    expect(describeRemaining(61_000)).toBe('2 minutes left');
    expect(describeRemaining(60_000)).toBe('1 minute left');
    expect(describeRemaining(30_000)).toBe('30 seconds left');
    expect(describeRemaining(1_000)).toBe('1 second left');
    expect(describeRemaining(0)).toBe('Time is up');
    expect(describeRemaining(-5_000)).toBe('Time is up, 5 seconds over');
    expect(describeRemaining(-3 * MINUTE_MS)).toBe('Time is up, 3 minutes over');
    expect(stageAnnouncement('warning', 2 * MINUTE_MS)).toBe('2 minutes left');
    expect(stageAnnouncement('done', 0)).toBe('Time is up');
    expect(stageAnnouncement('plenty', 500_000)).toBe('');
  });

  it('detects crossing a threshold', () => {
    expect(crossedBelow(120_100, 119_900, 120_000)).toBe(true);
    expect(crossedBelow(119_900, 119_600, 120_000)).toBe(false);
    expect(crossedBelow(130_000, 125_000, 120_000)).toBe(false);
  });

  it('reads stored values defensively', () => {
    expect(normalizeTimer(undefined)).toEqual(IDLE_TIMER);
    expect(normalizeTimer('x')).toEqual(IDLE_TIMER);
    expect(normalizeTimer({ status: 'running', durationMs: 1000 })).toEqual({ ...IDLE_TIMER, durationMs: 1000 });
    expect(normalizeTimer({ status: 'paused', durationMs: 1000, mode: 'countup' })).toEqual({ ...IDLE_TIMER, durationMs: 1000, mode: 'countup' });
    const s = startTimer(5000, T0);
    expect(normalizeTimer(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });
});
