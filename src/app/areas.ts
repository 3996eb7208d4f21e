// The app's areas: one entry per feature that has landed. The navigation and the routes are built from this list,
// so an area whose issue has not landed is simply not here.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { IconName } from '../ui/Icon';

export interface Area {
  /** URL segment; the area handles its own sub-paths. */
  path: string;
  label: string;
  icon: IconName;
  Screen: LazyExoticComponent<ComponentType>;
  /** Needs a current class to make sense. */
  needsClass: boolean;
  /** A tool rather than a place to start (the timer): never the screen the app opens on. */
  neverHome?: boolean;
}

export const AREAS: Area[] = [
  { path: 'clipboard', label: 'Clipboard', icon: 'grid', Screen: lazy(() => import('../features/clipboard/ClipboardArea')), needsClass: true },
  { path: 'groups', label: 'Groups', icon: 'groups', Screen: lazy(() => import('../features/groups/GroupsArea')), needsClass: true },
  { path: 'conferences', label: 'Conferences', icon: 'chat', Screen: lazy(() => import('../features/conferences/ConferencesArea')), needsClass: true },
  { path: 'timer', label: 'Timer', icon: 'timer', Screen: lazy(() => import('../features/timer/TimerArea')), needsClass: false, neverHome: true },
  { path: 'print', label: 'Print', icon: 'print', Screen: lazy(() => import('../features/print/PrintArea')), needsClass: true, neverHome: true },
  { path: 'roster', label: 'Roster', icon: 'people', Screen: lazy(() => import('../features/roster/RosterArea')), needsClass: false },
  { path: 'settings', label: 'Settings', icon: 'gear', Screen: lazy(() => import('../features/settings/SettingsArea')), needsClass: false },
];

/** Where the app opens: the first area that works with the current class. */
export function homePath(hasClass: boolean): string {
  const first = AREAS.find((a) => !a.neverHome && (hasClass || !a.needsClass));
  return `/${first?.path ?? 'roster'}`;
}
