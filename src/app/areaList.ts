// The app's areas as plain data: one entry per feature that has landed, so an area whose issue has not landed is
// simply not here. No screens are imported, so a feature can ask which areas exist without importing itself.
import type { IconName } from '../ui/Icon';

export interface AreaInfo {
  /** URL segment; the area handles its own sub-paths. */
  path: AreaPath;
  label: string;
  icon: IconName;
  /** Needs a current class to make sense. */
  needsClass: boolean;
  /** A tool rather than a place to start (the timer): never the screen the app opens on. */
  neverHome?: boolean;
}

export type AreaPath = 'clipboard' | 'groups' | 'growth' | 'conferences' | 'find' | 'timer' | 'print' | 'roster' | 'settings';

export const AREA_LIST: readonly AreaInfo[] = [
  { path: 'clipboard', label: 'Clipboard', icon: 'grid', needsClass: true },
  { path: 'groups', label: 'Groups', icon: 'groups', needsClass: true },
  { path: 'growth', label: 'Growth', icon: 'growth', needsClass: true },
  { path: 'conferences', label: 'Conferences', icon: 'chat', needsClass: true },
  { path: 'find', label: 'Find', icon: 'search', needsClass: true, neverHome: true },
  { path: 'timer', label: 'Timer', icon: 'timer', needsClass: false, neverHome: true },
  { path: 'print', label: 'Print', icon: 'print', needsClass: true, neverHome: true },
  { path: 'roster', label: 'Roster', icon: 'people', needsClass: false },
  { path: 'settings', label: 'Settings', icon: 'gear', needsClass: false },
];

export function hasArea(path: AreaPath): boolean {
  return AREA_LIST.some((a) => a.path === path);
}
