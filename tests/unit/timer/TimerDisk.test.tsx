// The disk's geometry and the pure alert rules behind the chime and the announcements.
import { render } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUTE_MS, pauseTimer, remainingMs, stageOf, startTimer, type TimerState } from '../../../src/domain/timer';
import { sectorPath, steppedFraction, TimerDisk } from '../../../src/features/timer/TimerDisk';
import { alertsBetween } from '../../../src/features/timer/useTimerAlerts';

const T0 = 1_800_000_000_000;
const read = (state: TimerState, now: number) => ({ state, stage: stageOf(state, now), remainingMs: remainingMs(state, now) });
const ON = { sound: true, twoMinuteCue: true };

describe('TimerDisk', () => {
  it('draws a sector from 12 o\'clock, a full disk, or nothing', () => {
    expect(sectorPath(0)).toBe('');
    expect(sectorPath(1)).toMatch(/^M50 4A46 46 0 1 1/);
    expect(sectorPath(0.25)).toBe('M50 50L50 4A46 46 0 0 1 96.000 50.000Z');
    expect(sectorPath(0.75)).toContain(' 0 1 1 ');
  });

  it('steps the disk in 60 ticks under reduced motion, never showing less than is left', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (f) => {
        expect(steppedFraction(f, false)).toBe(f);
        const s = steppedFraction(f, true);
        expect(s).toBeGreaterThanOrEqual(f);
        expect(s - f).toBeLessThan(1 / 60 + 1e-9);
        expect(Math.round(s * 60)).toBeCloseTo(s * 60, 6);
      }),
    );
  });

  it('patterns the warning and final stages so colour is not the only cue', () => {
    const { container, rerender } = render(<TimerDisk fraction={0.5} stage="plenty" />);
    expect(container.querySelector('path')?.getAttribute('style')).toBeNull();
    rerender(<TimerDisk fraction={0.1} stage="warning" />);
    expect(container.querySelector('path')?.getAttribute('style')).toMatch(/stripes/);
    rerender(<TimerDisk fraction={0.01} stage="final" />);
    expect(container.querySelector('path')?.getAttribute('style')).toMatch(/dots/);
    rerender(<TimerDisk fraction={0} stage="done" />);
    expect(container.querySelector('path')).toBeNull();
  });
});

describe('alert rules', () => {
  const s = startTimer(10 * MINUTE_MS, T0);
  it('chimes once on crossing the end, announcing the stage', () => {
    expect(alertsBetween(read(s, T0 + 599_900), read(s, T0 + 600_100), ON)).toEqual({ announce: 'Time is up', chime: 'end' });
    expect(alertsBetween(read(s, T0 + 600_100), read(s, T0 + 600_350), ON)).toEqual({ announce: '', chime: null });
    expect(alertsBetween(read(s, T0 + 599_900), read(s, T0 + 600_100), { sound: false, twoMinuteCue: true })).toEqual({ announce: 'Time is up', chime: null });
  });

  it('cues at two minutes only when asked', () => {
    expect(alertsBetween(read(s, T0 + 479_900), read(s, T0 + 480_100), ON)).toEqual({ announce: '2 minutes left', chime: 'cue' });
    expect(alertsBetween(read(s, T0 + 479_900), read(s, T0 + 480_100), { sound: true, twoMinuteCue: false }).chime).toBeNull();
  });

  it('stays quiet across runs, pauses and a long sleep', () => {
    const other = startTimer(10 * MINUTE_MS, T0 + 1);
    expect(alertsBetween(read(s, T0 + 599_900), read(other, T0 + 600_100), ON).chime).toBeNull();
    const paused = pauseTimer(s, T0 + 599_900);
    expect(alertsBetween(read(s, T0 + 599_800), read(paused, T0 + 700_000), ON).chime).toBeNull();
    expect(alertsBetween(read(s, T0 + 300_000), read(s, T0 + 900_000), ON).chime).toBeNull();
  });
});

describe('TimerDisk under reduced motion', () => {
  it('follows the device setting and draws the disk in steps', () => {
    const original = window.matchMedia;
    window.matchMedia = ((q: string) => ({ matches: q.includes('reduce'), media: q, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
    try {
      const { container } = render(<TimerDisk fraction={0.51} stage="plenty" />);
      expect(container.querySelector('path')?.getAttribute('d')).toBe(sectorPath(31 / 60));
    } finally {
      window.matchMedia = original;
    }
    const { container } = render(<TimerDisk fraction={0.51} stage="plenty" />);
    expect(container.querySelector('path')?.getAttribute('d')).toBe(sectorPath(0.51));
  });
});
