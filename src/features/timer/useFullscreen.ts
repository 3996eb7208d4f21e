// Full screen for the timer panel where the browser allows it (iPad Safari does not for most elements).
import { useCallback, useSyncExternalStore, type RefObject } from 'react';

function subscribe(cb: () => void): () => void {
  document.addEventListener('fullscreenchange', cb);
  return () => document.removeEventListener('fullscreenchange', cb);
}

export function useFullscreen(ref: RefObject<HTMLElement | null>) {
  const supported = typeof document !== 'undefined' && document.fullscreenEnabled === true;
  const active = useSyncExternalStore(subscribe, () => (document.fullscreenElement ?? null) !== null && document.fullscreenElement === ref.current, () => false);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void ref.current?.requestFullscreen().catch(() => undefined);
  }, [ref]);
  return { supported, active, toggle };
}
