// The classroom timer's device settings: sound on/off and the optional two-minutes-left cue (device-only, not synced).
import { useMemo } from 'react';
import { setLocal, useLocal } from '../../db/local';

export interface TimerSettings {
  sound: boolean;
  twoMinuteCue: boolean;
}

export const TIMER_SETTINGS_KEY = 'timerSettings';
export const DEFAULT_TIMER_SETTINGS: TimerSettings = { sound: true, twoMinuteCue: false };

/** The settings, or undefined while they load (so no chime decision is made on the defaults by mistake). */
export function useTimerSettings(): TimerSettings | undefined {
  const v = useLocal<Partial<TimerSettings>>(TIMER_SETTINGS_KEY, DEFAULT_TIMER_SETTINGS);
  return useMemo(() => (v === undefined ? undefined : { ...DEFAULT_TIMER_SETTINGS, ...v }), [v]);
}

export function saveTimerSettings(current: TimerSettings, change: Partial<TimerSettings>): Promise<void> {
  return setLocal(TIMER_SETTINGS_KEY, { ...current, ...change });
}
