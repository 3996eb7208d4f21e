// The small running timer in the header, on every screen: tapping it opens the timer. It also owns what must keep
// happening away from the timer screen: the chime, the stage announcements and the screen wake lock.
import { useCallback, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatClock } from '../../domain/timer';
import { unlockAudio } from './chime';
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
  useTimerAlerts({ state: t.state, stage: t.stage, remainingMs: t.remainingMs }, settings, announce, undefined, !t.loading);
  useWakeLock(t.state.status === 'running');
  // After a reload the audio context is gone and iPads need a tap to make a new one: any tap in the app will do.
  const wantsSound = t.state.status !== 'idle' && settings?.sound === true;
  useEffect(() => {
    if (!wantsSound) return;
    document.addEventListener('pointerdown', unlockAudio, { once: true });
    return () => document.removeEventListener('pointerdown', unlockAudio);
  }, [wantsSound]);
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
