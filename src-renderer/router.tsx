import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

/**
 * A tiny hash router: `#/assets`, `#/assets/new`, `#/people`, `#/people/new`. Hashes that do not start with
 * `#/` (in-page anchors) are not routes and leave the current page alone.
 */
const ROUTES = {
  '/assets': 'assets',
  '/assets/new': 'assets.new',
  '/people': 'people',
  '/people/new': 'people.new',
} as const;

export type RoutePath = keyof typeof ROUTES;
export type RouteName = (typeof ROUTES)[RoutePath];

export const DEFAULT_PATH: RoutePath = '/assets';

export interface Route {
  readonly name: RouteName;
  /** A one-off message from the page that navigated here ("Asset ABC-123 added"); gone on the next navigation. */
  readonly flash: string | null;
  /** True for the page the app opened on; false once the person has navigated. */
  readonly initial: boolean;
  /** Changes on every navigation, so a page is mounted afresh even when the same route is visited again. */
  readonly key: number;
}

export function routeNameFromHash(hash: string): RouteName | null {
  const path = hash.replace(/^#/, '').replace(/(.)\/+$/, '$1');
  return Object.hasOwn(ROUTES, path) ? ROUTES[path as RoutePath] : null;
}

function isRouteHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

function currentRouteName(): RouteName {
  const name = routeNameFromHash(window.location.hash);
  if (name !== null) return name;
  window.history.replaceState(window.history.state, '', `#${DEFAULT_PATH}`);
  return ROUTES[DEFAULT_PATH];
}

let pendingFlash: string | null = null;

/** Goes to a route; `flash` is shown once by the page navigated to. */
export function navigate(path: RoutePath, options: { readonly flash?: string } = {}): void {
  pendingFlash = options.flash ?? null;
  window.location.hash = `#${path}`;
}

const RouteContext = createContext<Route | null>(null);

export function RouterProvider({ children }: { readonly children: ReactNode }) {
  const [route, setRoute] = useState<Route>(() => ({ name: currentRouteName(), flash: null, initial: true, key: 0 }));

  useEffect(() => {
    function onHashChange() {
      if (!isRouteHash(window.location.hash)) return;
      const flash = pendingFlash;
      pendingFlash = null;
      const name = currentRouteName();
      setRoute((previous) => ({ name, flash, initial: false, key: previous.key + 1 }));
    }
    window.addEventListener('hashchange', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
    };
  }, []);

  return <RouteContext.Provider value={route}>{children}</RouteContext.Provider>;
}

export function useRoute(): Route {
  const route = useContext(RouteContext);
  if (route === null) throw new Error('useRoute must be used inside <RouterProvider>');
  return route;
}
