// The conference clock: the shared timer core counting up, with a gentle cue (no sound) once past five minutes.
import { formatElapsed, MINUTE_MS } from '../../domain/timer';
import { useTimer } from '../timer/useTimer';

export const CUE_MS = 5 * MINUTE_MS;

export function conferenceTimerKey(conferenceId: string): string {
  return `conference:${conferenceId}`;
}

export function ConferenceClock({ conferenceId }: { conferenceId: string }) {
  const t = useTimer(conferenceTimerKey(conferenceId));
  if (t.loading) return null;
  const past = t.state.status !== 'idle' && t.elapsedMs >= CUE_MS;
  const minutes = Math.floor(t.elapsedMs / MINUTE_MS);
  return (
    <div className={`conf-clock${past ? ' conf-clock-past' : ''}`} role="group" aria-label="Conference clock">
      <span className="conf-clock-time" aria-hidden="true">
        {formatElapsed(t.elapsedMs)}
      </span>
      <span className="visually-hidden">{`${minutes} minute${minutes === 1 ? '' : 's'} so far`}</span>
      <span role="status" className="conf-clock-cue">
        {past ? 'Past five minutes: time to wrap up?' : ''}
      </span>
      {t.state.status === 'idle' && (
        <button type="button" onClick={() => void t.start(CUE_MS, 'countup')}>
          Start clock
        </button>
      )}
      {t.state.status === 'running' && (
        <button type="button" onClick={() => void t.pause()}>
          Pause clock
        </button>
      )}
      {t.state.status === 'paused' && (
        <button type="button" onClick={() => void t.resume()}>
          Resume clock
        </button>
      )}
    </div>
  );
}
