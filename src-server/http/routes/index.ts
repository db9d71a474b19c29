import type { RouteSpec } from '../route';
import { createAccountRoute, disableAccountRoute, enableAccountRoute } from './admin-routes';
import { getAssetRoute, listAssetEventsRoute, listAssetsRoute } from './asset-routes';
import { changePasswordRoute, meRoute, signInRoute, signOutRoute } from './auth-routes';
import { healthz, readyz } from './health-routes';
import { getPersonRoute, listPeopleRoute } from './people-routes';
import { syncPokeRoute, syncPullRoute, syncPushRoute } from './sync-routes';

/**
 * Every route the API serves apart from /openapi.json (which is made from this list). Travel, incidents and leaver
 * cases join here as they arrive; the OpenAPI document and the contract tests pick them up without further work.
 */
export const API_ROUTES: readonly RouteSpec[] = [
  healthz,
  readyz,
  signInRoute,
  signOutRoute,
  changePasswordRoute,
  meRoute,
  listPeopleRoute,
  getPersonRoute,
  listAssetsRoute,
  getAssetRoute,
  listAssetEventsRoute,
  createAccountRoute,
  disableAccountRoute,
  enableAccountRoute,
  syncPushRoute,
  syncPullRoute,
  syncPokeRoute,
];
