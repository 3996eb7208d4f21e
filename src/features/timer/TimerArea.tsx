// The classroom timer screen: huge digits and a disappearing disk seen across the room, presets and steppers,
// pause/resume, a minute more or less, reset, sound options and full screen.
import { useRef } from 'react';
import { fractionLeft, MINUTE_MS, formatClock, startTimer } from '../../domain/timer';
import { unlockAudio } from './chime';
import { DurationPicker } from './DurationPicker';
import { StageMark } from './StageMark';
import { stageCaption } from './stageText';
import { TimerDisk } from './TimerDisk';
import { DEFAULT_TIMER_SETTINGS, saveTimerSettings, useTimerSettings } from './timerSettings';
import { useFullscreen } from './useFullscreen';
import { useReducedMotion } from './useReducedMotion';
import { changeTimer, CLASSROOM_TIMER, useTimer } from './useTimer';
import { wakeLockSupported } from './wakeLock';
import './timer.css';

export const DEFAULT_MINUTES = 10;

export default function TimerArea() {
  const t = useTimer(CLASSROOM_TIMER);
  const settings = useTimerSettings() ?? DEFAULT_TIMER_SETTINGS;
  const reducedMotion = useReducedMotion();
  const panel = useRef<HTMLDivElement>(null);
  const fs = useFullscreen(panel);
  const { state, stage, remainingMs } = t;
  const idle = state.status === 'idle';
  const paused = state.status === 'paused';
  const durationMs = state.durationMs > 0 ? state.durationMs : DEFAULT_MINUTES * MINUTE_MS;
  const shown = idle ? durationMs : remainingMs;
  const over = !idle && remainingMs <= 0;

  const start = () => {
    // Inside the tap, so iPads allow the chime later.
    unlockAudio();
    // The length is read from storage, so a +1 tapped just before Start is not lost.
    void changeTimer(CLASSROOM_TIMER, (s, now) => (s.status === 'idle' ? startTimer(s.durationMs > 0 ? s.durationMs : DEFAULT_MINUTES * MINUTE_MS, now) : s));
  };

  return (
    <div className="stack timer-area">
      <h1>Timer</h1>
      <div ref={panel} className={`timer-panel timer-stage-${stage}${paused ? ' timer-paused' : ''}${reducedMotion ? ' timer-reduced-motion' : ''}`}>
        <div className="timer-face">
          <TimerDisk fraction={idle ? 1 : fractionLeft(state, t.now)} stage={stage} reducedMotion={reducedMotion} />
          <div className="timer-readout">
            <div role="timer" aria-label={over ? 'Overtime' : 'Time left'} className="timer-digits">
              {formatClock(shown)}
            </div>
            <p className="timer-caption">
              <StageMark stage={stage} className="timer-stage-mark" />
              {stageCaption(stage, remainingMs, paused)}
            </p>
          </div>
        </div>
        {t.loading ? null : idle ? (
          <div className="timer-controls">
            <DurationPicker durationMs={durationMs} onChange={(next) => void t.setDuration(next)} />
            <button type="button" className="primary timer-big" onClick={start}>
              Start
            </button>
          </div>
        ) : (
          <div className="timer-controls row">
            {paused ? (
              <button type="button" className="primary timer-big" onClick={() => {
                  unlockAudio();
                  void t.resume();
                }}>
                Resume
              </button>
            ) : (
              <button type="button" className="primary timer-big" onClick={() => void t.pause()}>
                Pause
              </button>
            )}
            <button type="button" className="timer-big" onClick={() => void t.adjust(-MINUTE_MS)} disabled={remainingMs <= 0}>
              −1 min
            </button>
            <button type="button" className="timer-big" onClick={() => void t.adjust(MINUTE_MS)}>
              +1 min
            </button>
            <button type="button" className="timer-big" onClick={() => void t.reset()}>
              Reset
            </button>
          </div>
        )}
        {fs.supported && (
          <button type="button" className="timer-fullscreen" onClick={fs.toggle} aria-pressed={fs.active}>
            {fs.active ? 'Exit full screen' : 'Full screen'}
          </button>
        )}
      </div>
      <section className="card" aria-labelledby="timer-options-h">
        <h2 id="timer-options-h">Options</h2>
        <label className="row timer-option">
          <input type="checkbox" checked={settings.sound} onChange={(e) => void saveTimerSettings(settings, { sound: e.target.checked })} />
          <span>Chime at the end</span>
        </label>
        <label className="row timer-option">
          <input type="checkbox" checked={settings.twoMinuteCue} onChange={(e) => void saveTimerSettings(settings, { twoMinuteCue: e.target.checked })} />
          <span>Soft cue when two minutes are left</span>
        </label>
        <p className="muted">
          {settings.sound ? 'If you hear nothing, check the tablet’s silent switch and volume. ' : 'With the sound off, the screen still signals the end. '}
          {wakeLockSupported() ? 'The screen stays awake while the timer runs.' : 'This browser cannot keep the screen awake: set the tablet’s auto-lock to “Never” for long timers.'}
        </p>
      </section>
    </div>
  );
}
