// A small client-side router: the admin has a handful of pages, so a path, a Link, a pattern match and a way for
// a page with unsaved changes to ask before leaving are all it needs.
import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();
function notify() {
  for (const l of listeners) l();
}

/** Message of the page that has unsaved changes, if any; navigating away asks first. */
let blockMessage: string | null = null;
/** The path we are on, so that a refused Back can put it back. */
let currentPath = typeof window === 'undefined' ? '/' : window.location.pathname;

function onPopState() {
  const next = window.location.pathname;
  if (blockMessage && next !== currentPath && !window.confirm(blockMessage)) {
    // The browser has already moved; step back to where the unsaved changes are.
    window.history.pushState(null, '', currentPath);
    return;
  }
  currentPath = next;
  notify();
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener('popstate', onPopState);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', onPopState);
  };
}

/**
 * Goes to `to`. Asks first when a page has unsaved changes, unless `force` (used after the changes were saved).
 * Returns false when the person chose to stay.
 */
export function navigate(
  to: string,
  options: { replace?: boolean; force?: boolean; note?: NavigationNote } = {},
): boolean {
  if (!options.force && blockMessage && to !== window.location.pathname && !window.confirm(blockMessage)) {
    return false;
  }
  const state = options.note ? { note: options.note } : null;
  if (options.replace) window.history.replaceState(state, '', to);
  else window.history.pushState(state, '', to);
  currentPath = window.location.pathname;
  notify();
  document.getElementById('main')?.focus();
  return true;
}

/**
 * What a page leaves for the page it navigates to, kept in the browser's history entry (not in module state): a
 * notice to show there ("Removed “Feed” and its items."), or when a new article was first saved.
 */
export interface NavigationNote {
  notice?: string;
  savedAt?: string;
  /** The article editor opens with its scheduling form. */
  openSchedule?: boolean;
}

/** The note the page that sent us here left, if any. */
export function readNavigationNote(): NavigationNote | null {
  const state: unknown = window.history.state;
  if (typeof state !== 'object' || state === null || !('note' in state)) return null;
  return (state as { note: NavigationNote }).note;
}

/** Forgets part of the note once it was shown, so that a reload or Back does not show it again. */
export function clearNavigationNote(key: keyof NavigationNote): void {
  const note = readNavigationNote();
  if (!note || note[key] === undefined) return;
  const { [key]: _shown, ...rest } = note;
  window.history.replaceState(Object.keys(rest).length ? { note: rest } : null, '', window.location.href);
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/**
 * While `when` is true, leaving the page (a Link, Back, closing the tab or reloading) asks first. One page at a
 * time uses it.
 */
export function useUnsavedChangesWarning(when: boolean, message: string) {
  useEffect(() => {
    if (!when) return;
    blockMessage = message;
    function onBeforeUnload(e: BeforeUnloadEvent) {
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      if (blockMessage === message) blockMessage = null;
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [when, message]);
}

/** Matches '/articles/:id' against '/articles/abc' → { id: 'abc' }; null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      if (!g) return null;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const { to, ...rest } = props;
  const path = usePath();
  function onClick(e: MouseEvent<HTMLAnchorElement>) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  }
  return <a href={to} onClick={onClick} aria-current={path === to ? 'page' : undefined} {...rest} />;
}
