import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { SUSPENSION_STEP_SLUGS, type SuspensionStepSlug } from './incidents/suspension-steps';
import { ASSET_ACTION_SLUGS, type AssetActionSlug } from './lifecycle/asset-actions';

/**
 * A tiny hash router. Paths are matched against the patterns below; `:id` segments must be record ids (UUIDs), so a
 * mistyped address shows "Page not found" rather than asking the store for nonsense. Hashes that do not start with
 * `#/` (in-page anchors) are not routes and leave the current page alone.
 */
const PATTERNS = {
  assets: '/assets',
  'assets.new': '/assets/new',
  asset: '/assets/:id',
  'asset.issue': '/assets/:id/issue',
  'asset.issue.confirm': '/assets/:id/issue/:personId',
  'asset.report': '/assets/:id/report',
  'asset.action': '/assets/:id/:action',
  people: '/people',
  'people.new': '/people/new',
  person: '/people/:id',
  'person.training': '/people/:id/training',
  'person.aup': '/people/:id/aup',
  incidents: '/incidents',
  incident: '/incidents/:id',
  'incident.close': '/incidents/:id/close',
  'incident.suspension': '/incidents/:id/suspension/:step',
  suspensions: '/suspensions',
  import: '/import',
  sync: '/sync',
  notFound: '',
} as const;

export type RouteName = keyof typeof PATTERNS;

export type RouteParams = Readonly<Record<string, string>>;

/** Where the app opens, and where an empty address goes. */
export const DEFAULT_PATH = '/assets';

/** Addresses of every page, built in one place so links and navigation cannot drift from the patterns. */
export const paths = {
  assets: () => '/assets',
  newAsset: () => '/assets/new',
  asset: (id: string) => `/assets/${encodeURIComponent(id)}`,
  issue: (id: string) => `/assets/${encodeURIComponent(id)}/issue`,
  issueConfirm: (id: string, personId: string) => `/assets/${encodeURIComponent(id)}/issue/${encodeURIComponent(personId)}`,
  assetAction: (id: string, action: AssetActionSlug) => `/assets/${encodeURIComponent(id)}/${action}`,
  reportLoss: (id: string) => `/assets/${encodeURIComponent(id)}/report`,
  incidents: () => '/incidents',
  incident: (id: string) => `/incidents/${encodeURIComponent(id)}`,
  closeIncident: (id: string) => `/incidents/${encodeURIComponent(id)}/close`,
  suspensionStep: (id: string, step: SuspensionStepSlug) => `/incidents/${encodeURIComponent(id)}/suspension/${step}`,
  suspensions: () => '/suspensions',
  people: () => '/people',
  newPerson: () => '/people/new',
  person: (id: string) => `/people/${encodeURIComponent(id)}`,
  personTraining: (id: string) => `/people/${encodeURIComponent(id)}/training`,
  personAup: (id: string) => `/people/${encodeURIComponent(id)}/aup`,
  import: () => '/import',
  sync: () => '/sync',
} as const;

/** `#/…` for an href. */
export function href(path: string): string {
  return `#${path}`;
}

export interface Route {
  readonly name: RouteName;
  readonly params: RouteParams;
  /** A one-off message from the page that navigated here ("Asset ABC-123 added"); gone on the next navigation. */
  readonly flash: string | null;
  /** True for the page the app opened on; false once the person has navigated. */
  readonly initial: boolean;
  /** Changes on every navigation, so a page is mounted afresh even when the same route is visited again. */
  readonly key: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PARAM_CHECKS: Readonly<Record<string, (value: string) => boolean>> = {
  id: (value) => UUID.test(value),
  personId: (value) => UUID.test(value),
  action: (value) => (ASSET_ACTION_SLUGS as readonly string[]).includes(value),
  step: (value) => (SUSPENSION_STEP_SLUGS as readonly string[]).includes(value),
};

function matchPattern(pattern: string, path: string): RouteParams | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const segment = want[i] ?? '';
    const actual = got[i] ?? '';
    if (segment.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(actual);
      } catch {
        return null;
      }
      const name = segment.slice(1);
      if (!(PARAM_CHECKS[name]?.(value) ?? value !== '')) return null;
      params[name] = value;
    } else if (segment !== actual) {
      return null;
    }
  }
  return params;
}

/** The route an address names: literal patterns win over parameterised ones (`/assets/new` is not an asset id). */
export function routeFromHash(hash: string): { readonly name: RouteName; readonly params: RouteParams } | null {
  const path = hash.replace(/^#/, '').replace(/(.)\/+$/, '$1').split('?')[0] ?? '';
  for (const [name, pattern] of Object.entries(PATTERNS) as [RouteName, string][]) {
    if (pattern === '') continue;
    const params = matchPattern(pattern, path);
    if (params !== null) return { name, params };
  }
  return null;
}

function isRouteHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

function currentRoute(): { readonly name: RouteName; readonly params: RouteParams } {
  const hash = window.location.hash;
  if (hash === '' || hash === '#' || hash === '#/') {
    window.history.replaceState(window.history.state, '', `#${DEFAULT_PATH}`);
    return { name: 'assets', params: {} };
  }
  return routeFromHash(hash) ?? { name: 'notFound', params: {} };
}

let pendingFlash: string | null = null;

/** Goes to a page (a path from `paths`); `flash` is shown once by the page navigated to. */
export function navigate(path: string, options: { readonly flash?: string } = {}): void {
  pendingFlash = options.flash ?? null;
  if (window.location.hash === `#${path}`) {
    // Same address: no hashchange would fire, so announce the navigation ourselves (a fresh page with the flash).
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    return;
  }
  window.location.hash = `#${path}`;
}

const RouteContext = createContext<Route | null>(null);

export function RouterProvider({ children }: { readonly children: ReactNode }) {
  const [route, setRoute] = useState<Route>(() => ({ ...currentRoute(), flash: null, initial: true, key: 0 }));

  useEffect(() => {
    function onHashChange() {
      if (!isRouteHash(window.location.hash)) return;
      const flash = pendingFlash;
      pendingFlash = null;
      const next = currentRoute();
      setRoute((previous) => ({ ...next, flash, initial: false, key: previous.key + 1 }));
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

/** A route parameter the pattern guarantees (the page is only rendered for a matching route). */
export function useParam(name: string): string {
  const value = useRoute().params[name];
  if (value === undefined) throw new Error(`The route has no parameter "${name}"`);
  return value;
}
