// The header timer: shown only while a timer is set, opens /timer, announces stage changes politely, chimes at the
// end (and the optional cue), stays quiet with the sound off or after a reload, and holds a screen wake lock.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocal } from '../../../src/db/local';
import { MINUTE_MS, startTimer } from '../../../src/domain/timer';
import { playChime } from '../../../src/features/timer/chime';
import { HeaderTimer } from '../../../src/features/timer/HeaderTimer';
import { changeTimer } from '../../../src/features/timer/useTimer';
import { until } from './until';

vi.mock('../../../src/features/timer/chime', () => ({ playChime: vi.fn(() => true), unlockAudio: vi.fn() }));

const T0 = new Date('2026-11-22T10:00:00Z').getTime();

function renderHeader() {
  return render(
    <MemoryRouter initialEntries={['/roster']}>
      <HeaderTimer />
      <Routes>
        <Route path="/roster" element={<h1>Roster</h1>} />
        <Route path="/timer" element={<h1>Timer</h1>} />
      </Routes>
    </MemoryRouter>,
  );
}

function liveRegion(container: HTMLElement) {
  return container.querySelector('[aria-live="polite"]') as HTMLElement;
}

describe('HeaderTimer', { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.mocked(playChime).mockClear();
    vi.useFakeTimers({ toFake: ['Date', 'setInterval'] });
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows nothing while idle, then the running time, and opens the timer', async () => {
    const user = userEvent.setup();
    renderHeader();
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(screen.queryByRole('link')).toBeNull();
    await act(() => changeTimer('classroom', (_s, now) => startTimer(10 * MINUTE_MS, now)));
    await until(() => expect(screen.getByRole('link', { name: /^Timer 10:00/ })).toBeInTheDocument());
    act(() => vi.advanceTimersByTime(65_000));
    expect(screen.getByRole('link', { name: /^Timer 8:55, Writing time/ })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: /^Timer/ }));
    expect(screen.getByRole('heading', { name: 'Timer' })).toBeInTheDocument();
  });

  it('announces stage changes once each and chimes at the end', async () => {
    await setLocal('timer:classroom', startTimer(3 * MINUTE_MS, T0));
    const { container } = renderHeader();
    await until(() => expect(screen.getByRole('link', { name: /^Timer 3:00/ })).toBeInTheDocument());
    const region = liveRegion(container);
    act(() => vi.advanceTimersByTime(30_000));
    expect(region.textContent).toBe('');
    act(() => vi.advanceTimersByTime(90_000));
    await until(() => expect(region.textContent).toBe('1 minute left'));
    act(() => vi.advanceTimersByTime(30_000));
    expect(region.textContent).toBe('30 seconds left');
    expect(playChime).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(30_000));
    expect(region.textContent).toBe('Time is up');
    expect(playChime).toHaveBeenCalledTimes(1);
    expect(playChime).toHaveBeenCalledWith('end');
    act(() => vi.advanceTimersByTime(60_000));
    expect(playChime).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('link', { name: /^Timer \+1:00/ })).toBeInTheDocument();
  });

  it('plays the two-minutes cue when asked', async () => {
    await setLocal('timerSettings', { sound: true, twoMinuteCue: true });
    await setLocal('timer:classroom', startTimer(10 * MINUTE_MS, T0));
    renderHeader();
    await until(() => expect(screen.getByRole('link', { name: /^Timer 10:00/ })).toBeInTheDocument());
    act(() => vi.advanceTimersByTime(8 * MINUTE_MS));
    // Alerts wait for the settings to load, then catch the mark crossed meanwhile.
    await until(() => expect(playChime).toHaveBeenCalledWith('cue'));
    expect(playChime).toHaveBeenCalledTimes(1);
  });

  it('makes no sound with the sound off, but still announces the end', async () => {
    await setLocal('timerSettings', { sound: false, twoMinuteCue: true });
    await setLocal('timer:classroom', startTimer(10 * MINUTE_MS, T0));
    const { container } = renderHeader();
    await until(() => expect(screen.getByRole('link', { name: /^Timer 10:00/ })).toBeInTheDocument());
    act(() => vi.advanceTimersByTime(8 * MINUTE_MS));
    await until(() => expect(liveRegion(container).textContent).toBe('2 minutes left'));
    act(() => vi.advanceTimersByTime(2 * MINUTE_MS + 1_000));
    await until(() => expect(liveRegion(container).textContent).toBe('Time is up'));
    expect(screen.getByRole('link', { name: /Time is up/ })).toBeInTheDocument();
    expect(playChime).not.toHaveBeenCalled();
  });

  it('does not replay the chime when it opens on a timer that has already ended', async () => {
    await setLocal('timer:classroom', startTimer(MINUTE_MS, T0 - 2 * MINUTE_MS));
    const { container } = renderHeader();
    await until(() => expect(screen.getByRole('link', { name: /^Timer \+1:00/ })).toBeInTheDocument());
    act(() => vi.advanceTimersByTime(5_000));
    expect(playChime).not.toHaveBeenCalled();
    expect(liveRegion(container).textContent).toBe('');
  });

  it('holds a screen wake lock while running, takes it again when visible, and lets it go on pause', async () => {
    const sentinels: { released: boolean; release: () => Promise<void> }[] = [];
    const request = vi.fn(async () => {
      const s = { released: false, release: vi.fn(async () => { s.released = true; }) };
      sentinels.push(s);
      return s;
    });
    Object.defineProperty(navigator, 'wakeLock', { value: { request }, configurable: true });
    try {
      await setLocal('timer:classroom', startTimer(10 * MINUTE_MS, T0));
      renderHeader();
      await until(() => expect(request).toHaveBeenCalledTimes(1));
      expect(request).toHaveBeenCalledWith('screen');
      // The browser drops the lock when the page is hidden; coming back takes it again.
      sentinels[0]!.released = true;
      act(() => { document.dispatchEvent(new Event('visibilitychange')); });
      await until(() => expect(request).toHaveBeenCalledTimes(2));
      await act(() => changeTimer('classroom', (s, now) => ({ ...s, status: 'paused', pausedRemainingMs: (s.endsAt ?? now) - now, endsAt: null })));
      await until(() => expect(sentinels[1]!.release).toHaveBeenCalled());
    } finally {
      Reflect.deleteProperty(navigator, 'wakeLock');
    }
  });
});
