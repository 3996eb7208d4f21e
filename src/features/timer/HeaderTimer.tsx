// The small running timer in the header, on every screen: tapping it opens the timer. It also owns what must keep
// happening away from the timer screen: the chime, the stage announcements and the screen wake lock.
import { useCallback, useRef } from 'react';
import { Link } from 'react-router';
import { formatClock } from '../../domain/timer';
import { StageMark } from './StageMark';
import { stageCaption } from './stageText';
import { useTimerSettings } from './timerSettings';
import { CLASSROOM_TIMER, useTimer } from './useTimer';
import { useTimerAlerts } from './useTimerAlerts';
import { useWakeLock } from './wakeLock';
import './timer.css';

export function HeaderTimer() {
  const t = useTimer(CLASSROOM_TIMER);
  const settings = useTimerSettings();
  const region = useRef<HTMLDivElement>(null);
  const announce = useCallback((text: string) => {
    if (region.current) region.current.textContent = text;
  }, []);
  useTimerAlerts({ state: t.state, stage: t.stage, remainingMs: t.remainingMs }, settings, announce);
  useWakeLock(t.state.status === 'running');
  const paused = t.state.status === 'paused';
  return (
    <>
      <div ref={region} className="visually-hidden" aria-live="polite" aria-atomic="true" />
      {t.state.status !== 'idle' && (
        <Link
          to="/timer"
          className={`header-timer timer-stage-${t.stage}${paused ? ' timer-paused' : ''}`}
          aria-label={`Timer ${formatClock(t.remainingMs)}, ${stageCaption(t.stage, t.remainingMs, paused)}. Open the timer`}
        >
          <StageMark stage={t.stage} className="header-timer-mark" />
          <span className="header-timer-digits">{formatClock(t.remainingMs)}</span>
          {paused && <span className="header-timer-paused">Paused</span>}
        </Link>
      )}
    </>
  );
}
