/**
 * On a cold load of the dashboard the shell's menus (antd Menu, Dropdown, Drawer and the menu's icons, a fifth of
 * the first route's JS) wait until its first figures are painted: the dashboard calls markFirstContent. Any other
 * first page, or leaving the dashboard, loads them at once.
 */
import { useSyncExternalStore } from 'react';

let shown = window.location.pathname !== '/dashboard';
const listeners = new Set<() => void>();

/** The page's first content is on screen: the shell may load what it deferred. */
export function markFirstContent(): void {
  if (shown) return;
  shown = true;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True once the first page's content is painted (at once on pages that do not defer the shell). */
export function useFirstContentShown(pathname: string): boolean {
  const value = useSyncExternalStore(subscribe, () => shown);
  return value || pathname !== '/dashboard';
}
