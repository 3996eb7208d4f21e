// useTimer: the state persists in IndexedDB under timer:<key>, and the remaining time follows the (faked) clock.
import { act, renderHook } from '@testing-library/react';
import { until } from './until';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getLocal } from '../../../src/db/local';
import { MINUTE_MS, type TimerState } from '../../../src/domain/timer';
import { changeTimer, useTimer } from '../../../src/features/timer/useTimer';

const T0 = new Date('2026-11-22T10:00:00Z').getTime();

describe('useTimer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts, stores the end instant, counts down with the clock, pauses and resumes', async () => {
    // Only Date and setInterval are faked: IndexedDB (fake-indexeddb) and Dexie keep their real timers.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval'] });
    vi.setSystemTime(T0);
    const { result } = renderHook(() => useTimer('classroom'));
    await until(() => expect(result.current.loading).toBe(false));
    expect(result.current.stage).toBe('idle');

    await act(() => result.current.start(10 * MINUTE_MS));
    await until(() => expect(result.current.state.status).toBe('running'));
    const stored = await getLocal<TimerState>('timer:classroom');
    expect(stored?.endsAt).toBe(T0 + 10 * MINUTE_MS);
    expect(result.current.remainingMs).toBe(10 * MINUTE_MS);

    act(() => vi.advanceTimersByTime(8 * MINUTE_MS));
    expect(result.current.remainingMs).toBe(2 * MINUTE_MS);
    expect(result.current.stage).toBe('warning');

    await act(() => result.current.pause());
    await until(() => expect(result.current.state.status).toBe('paused'));
    act(() => vi.advanceTimersByTime(5 * MINUTE_MS));
    expect(result.current.remainingMs).toBe(2 * MINUTE_MS);

    await act(() => result.current.resume());
    await until(() => expect(result.current.state.status).toBe('running'));
    await act(() => result.current.adjust(MINUTE_MS));
    await until(() => expect(result.current.remainingMs).toBe(3 * MINUTE_MS));
    act(() => vi.advanceTimersByTime(3 * MINUTE_MS + 42_000));
    expect(result.current.remainingMs).toBe(-42_000);
    expect(result.current.stage).toBe('overtime');
    expect(result.current.elapsedMs).toBe(11 * MINUTE_MS + 42_000);

    await act(() => result.current.reset());
    await until(() => expect(result.current.stage).toBe('idle'));
    expect(result.current.state.durationMs).toBe(11 * MINUTE_MS);
  });

  it('keeps timers apart by key and counts up for a conference clock', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval'] });
    vi.setSystemTime(T0);
    const group = renderHook(() => useTimer('group:g1'));
    const conf = renderHook(() => useTimer('conference:c1'));
    await act(() => conf.result.current.start(0, 'countup'));
    await until(() => expect(conf.result.current.state.status).toBe('running'));
    act(() => vi.advanceTimersByTime(65_000));
    expect(conf.result.current.elapsedMs).toBe(65_000);
    expect(conf.result.current.stage).toBe('plenty');
    expect(group.result.current.state.status).toBe('idle');
    expect(await getLocal('timer:group:g1')).toBeUndefined();
  });

  it('serialises quick changes so none is lost', async () => {
    await changeTimer('classroom', (_s, now) => ({ status: 'running', durationMs: MINUTE_MS, endsAt: now + MINUTE_MS, pausedRemainingMs: null, startedAt: now, mode: 'countdown' }));
    const { result } = renderHook(() => useTimer('classroom'));
    await until(() => expect(result.current.state.status).toBe('running'));
    await act(() => Promise.all([result.current.adjust(MINUTE_MS), result.current.adjust(MINUTE_MS), result.current.adjust(MINUTE_MS)]));
    const stored = await getLocal<TimerState>('timer:classroom');
    expect(stored?.durationMs).toBe(4 * MINUTE_MS);
  });
});
