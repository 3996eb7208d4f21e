// The classroom timer screen with a faked clock: presets and steppers, start, pause/resume, a minute more, reset,
// and the sound options.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getLocal } from '../../../src/db/local';
import { MINUTE_MS, type TimerState } from '../../../src/domain/timer';
import TimerArea from '../../../src/features/timer/TimerArea';
import { until } from './until';

const T0 = new Date('2026-11-22T10:00:00Z').getTime();

function digits() {
  return screen.getByRole('timer').textContent;
}

describe('TimerArea', { timeout: 20_000 }, () => {
  beforeEach(() => {
    // Date and setInterval only: IndexedDB and user-event keep real timeouts.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval'] });
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sets a length with presets and steppers, runs, pauses, adds a minute and resets', async () => {
    const user = userEvent.setup();
    render(<TimerArea />);
    await until(() => expect(screen.getByRole('button', { name: 'Start' })).toBeInTheDocument());
    expect(digits()).toBe('10:00');
    expect(screen.getByRole('button', { name: '10 min' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('button', { name: '15 min' }));
    await until(() => expect(digits()).toBe('15:00'));
    // Quick taps all count, even before the previous one is stored.
    await user.click(screen.getByRole('button', { name: '1 minute longer' }));
    await user.click(screen.getByRole('button', { name: '5 minutes longer' }));
    await until(() => expect(digits()).toBe('21:00'));
    expect(screen.getByText('21 minutes')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '5 minutes shorter' }));
    await until(() => expect(digits()).toBe('16:00'));

    await user.click(screen.getByRole('button', { name: 'Start' }));
    await until(() => expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument());
    expect((await getLocal<TimerState>('timer:classroom'))?.endsAt).toBe(T0 + 16 * MINUTE_MS);
    act(() => vi.advanceTimersByTime(61_000));
    expect(digits()).toBe('14:59');
    expect(screen.getByText('Writing time')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await until(() => expect(screen.getByRole('button', { name: 'Resume' })).toBeInTheDocument());
    act(() => vi.advanceTimersByTime(5 * MINUTE_MS));
    expect(digits()).toBe('14:59');
    expect(screen.getByText('Paused, 15 minutes left')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await until(() => expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: '+1 min' }));
    await until(() => expect(digits()).toBe('15:59'));
    await user.click(screen.getByRole('button', { name: '−1 min' }));
    await user.click(screen.getByRole('button', { name: '−1 min' }));
    await until(() => expect(digits()).toBe('13:59'));

    await user.click(screen.getByRole('button', { name: 'Reset' }));
    await until(() => expect(screen.getByRole('button', { name: 'Start' })).toBeInTheDocument());
    // Reset keeps the adjusted length for the next Start.
    expect(digits()).toBe('15:00');
  });

  it('shows the stages in words toward the end and counts overtime', async () => {
    const user = userEvent.setup();
    render(<TimerArea />);
    await until(() => expect(screen.getByRole('button', { name: 'Start' })).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await until(() => expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument());
    act(() => vi.advanceTimersByTime(8 * MINUTE_MS));
    expect(screen.getByText('2 minutes left')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(90_000));
    expect(screen.getByText('30 seconds left')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(30_000));
    expect(digits()).toBe('0:00');
    expect(screen.getByText('Time is up')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(42_000));
    expect(digits()).toBe('+0:42');
    expect(screen.getByRole('timer', { name: 'Overtime' })).toBeInTheDocument();
    expect(screen.getByText('Time is up: overtime')).toBeInTheDocument();
    // No minute can be taken away from a timer that has ended.
    expect(screen.getByRole('button', { name: '−1 min' })).toBeDisabled();
  });

  it('keeps the sound options on the device', async () => {
    const user = userEvent.setup();
    render(<TimerArea />);
    await until(() => expect(screen.getByRole('checkbox', { name: 'Chime at the end' })).toBeInTheDocument());
    const sound = screen.getByRole('checkbox', { name: 'Chime at the end' });
    expect(sound).toBeChecked();
    await user.click(sound);
    await until(() => expect(screen.getByRole('checkbox', { name: 'Chime at the end' })).not.toBeChecked());
    await user.click(screen.getByRole('checkbox', { name: 'Soft cue when two minutes are left' }));
    await until(() => expect(screen.getByRole('checkbox', { name: 'Soft cue when two minutes are left' })).toBeChecked());
    expect(await getLocal('timerSettings')).toEqual({ sound: false, twoMinuteCue: true });
    expect(screen.getByText(/the screen still signals the end/)).toBeInTheDocument();
  });
});

describe('TimerArea full screen', () => {
  afterEach(() => {
    Reflect.deleteProperty(document, 'fullscreenEnabled');
    Reflect.deleteProperty(HTMLElement.prototype, 'requestFullscreen');
  });

  it('offers full screen only where the browser allows it, for the whole timer panel', async () => {
    const first = render(<TimerArea />);
    await until(() => expect(screen.getByRole('button', { name: 'Start' })).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Full screen' })).toBeNull();
    first.unmount();

    Object.defineProperty(document, 'fullscreenEnabled', { value: true, configurable: true });
    const requestFullscreen = vi.fn(function (this: HTMLElement) {
      return Promise.resolve();
    });
    Object.defineProperty(HTMLElement.prototype, 'requestFullscreen', { value: requestFullscreen, configurable: true });
    render(<TimerArea />);
    await until(() => expect(screen.getByRole('button', { name: 'Full screen' })).toBeInTheDocument());
    await userEvent.setup().click(screen.getByRole('button', { name: 'Full screen' }));
    expect(requestFullscreen).toHaveBeenCalledTimes(1);
    const target = requestFullscreen.mock.contexts[0] as HTMLElement;
    expect(target).toContainElement(screen.getByRole('timer'));
    expect(target).toContainElement(screen.getByRole('button', { name: 'Start' }));
  });
});
