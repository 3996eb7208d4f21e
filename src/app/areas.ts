// The app's areas with their screens: the navigation and the routes are built from this list. Which areas exist,
// and their labels, live in areaList.ts, which features may read without pulling in every screen.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { AREA_LIST, type AreaInfo, type AreaPath } from './areaList';

export interface Area extends AreaInfo {
  Screen: LazyExoticComponent<ComponentType>;
}

const SCREENS: Record<AreaPath, LazyExoticComponent<ComponentType>> = {
  clipboard: lazy(() => import('../features/clipboard/ClipboardArea')),
  groups: lazy(() => import('../features/groups/GroupsArea')),
  growth: lazy(() => import('../features/growth/GrowthArea')),
  conferences: lazy(() => import('../features/conferences/ConferencesArea')),
  find: lazy(() => import('../features/search/SearchArea')),
  timer: lazy(() => import('../features/timer/TimerArea')),
  print: lazy(() => import('../features/print/PrintArea')),
  roster: lazy(() => import('../features/roster/RosterArea')),
  settings: lazy(() => import('../features/settings/SettingsArea')),
};

export const AREAS: Area[] = AREA_LIST.map((a) => ({ ...a, Screen: SCREENS[a.path] }));

/** Where the app opens: the first area that works with the current class. */
export function homePath(hasClass: boolean): string {
  const first = AREAS.find((a) => !a.neverHome && (hasClass || !a.needsClass));
  return `/${first?.path ?? 'roster'}`;
}
