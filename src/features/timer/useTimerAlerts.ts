// Reacts to a running timer crossing its marks: announces stage changes (politely, not every second), and plays
// the two-minutes cue and the end chime. Nothing fires on first render, so a reload never replays the chime.
import { useEffect, useRef } from 'react';
import { crossedBelow, DONE_MS, stageAnnouncement, WARNING_MS, type TimerStage, type TimerState } from '../../domain/timer';
import { playChime } from './chime';
import type { TimerSettings } from './timerSettings';

interface Reading {
  state: TimerState;
  stage: TimerStage;
  remainingMs: number;
}

/** What should happen between two readings of the same timer. Exported for tests. */
export function alertsBetween(prev: Reading, next: Reading, settings: TimerSettings): { announce: string; chime: 'end' | 'cue' | null } {
  const sameRun = prev.state.startedAt !== null && prev.state.startedAt === next.state.startedAt;
  if (!sameRun || next.state.status !== 'running') return { announce: '', chime: null };
  const stageChanged = prev.stage !== next.stage && next.stage !== 'overtime';
  const announce = stageChanged ? stageAnnouncement(next.stage, next.remainingMs) : '';
  let chime: 'end' | 'cue' | null = null;
  // A tablet that slept through the end stays quiet instead of chiming minutes late.
  if (settings.sound && crossedBelow(prev.remainingMs, next.remainingMs, 0) && next.remainingMs > -DONE_MS) chime = 'end';
  else if (settings.sound && settings.twoMinuteCue && next.state.durationMs > WARNING_MS && crossedBelow(prev.remainingMs, next.remainingMs, WARNING_MS) && next.remainingMs > WARNING_MS - DONE_MS) chime = 'cue';
  return { announce, chime };
}

/** `loaded` is false while the timer's stored state is still being read: that placeholder is no reading at all. */
export function useTimerAlerts(reading: Reading, settings: TimerSettings | undefined, announce: (text: string) => void, chime: (kind: 'end' | 'cue') => void = playChime, loaded = true): void {
  const prev = useRef<Reading | null>(null);
  const { state, stage, remainingMs } = reading;
  useEffect(() => {
    if (!loaded) return;
    const last = prev.current;
    const next = { state, stage, remainingMs };
    // Until the settings load, keep the earlier reading: a mark crossed meanwhile is still caught.
    if (last && !settings) return;
    prev.current = next;
    if (!last || !settings) return;
    const alerts = alertsBetween(last, next, settings);
    if (alerts.announce) announce(alerts.announce);
    if (alerts.chime) chime(alerts.chime);
  }, [loaded, state, stage, remainingMs, settings, announce, chime]);
}
