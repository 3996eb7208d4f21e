// The conference clock runs on the shared timer core: it counts up, pauses, and cues gently once past five minutes.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConferenceClock, conferenceTimerKey } from '../../../src/features/conferences/ConferenceClock';
import { changeTimer } from '../../../src/features/timer/useTimer';
import { startTimer, MINUTE_MS } from '../../../src/domain/timer';
import './helpers';

describe('conference clock', { timeout: 30_000 }, () => {
  it('shows the minutes so far and no cue before five minutes', async () => {
    await changeTimer(conferenceTimerKey('c1'), (_s, now) => startTimer(5 * MINUTE_MS, now - 2 * MINUTE_MS - 5_000, 'countup'));
    render(<ConferenceClock conferenceId="c1" />);
    expect(await screen.findByText('2 minutes so far')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('cues gently past five minutes, and can pause and resume', async () => {
    const user = userEvent.setup();
    await changeTimer(conferenceTimerKey('c2'), (_s, now) => startTimer(5 * MINUTE_MS, now - 6 * MINUTE_MS, 'countup'));
    render(<ConferenceClock conferenceId="c2" />);
    expect(await screen.findByText('Past five minutes: time to wrap up?')).toBeVisible();
    expect(screen.getByText('6 minutes so far')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pause clock' }));
    expect(await screen.findByRole('button', { name: 'Resume clock' })).toBeVisible();
  });

  it('an idle clock can be started', async () => {
    const user = userEvent.setup();
    render(<ConferenceClock conferenceId="c3" />);
    await user.click(await screen.findByRole('button', { name: 'Start clock' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pause clock' })).toBeVisible());
    expect(screen.getByText('0 minutes so far')).toBeInTheDocument();
  });
});
