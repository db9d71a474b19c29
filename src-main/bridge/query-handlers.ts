import type { Database } from 'better-sqlite3';
import type { ParsedInputOf, QueryMethod, ResultOf } from '../../src-shared/api/handlers';
import type { AppInfo } from '../../src-shared/api/queries';
import { assetGet } from '../store/queries/asset-get';
import { assetPage } from '../store/queries/asset-page';
import { assetSearch } from '../store/queries/asset-search';
import { listAssets } from '../store/queries/list-assets';
import { listPeople } from '../store/queries/list-people';
import { personGet } from '../store/queries/person-get';
import { personSearch } from '../store/queries/person-search';
import { incidentGet } from '../store/queries/incidents/incident-get';
import { listIncidents } from '../store/queries/incidents/incident-list';
import { suspensionQueue } from '../store/queries/incidents/suspension-queue';
import { countryPolicyCurrent, tripApprovalQueue, tripGet, tripsAbroad, tripsForPerson } from '../store/queries/travel/travel-queries';
import { importQueryHandlers } from '../import/query-handlers';
import { syncQueryHandlers } from '../sync/handlers';
import type { SyncService } from '../sync/sync-service';

export interface QueryContext {
  readonly db: Database;
  readonly info: AppInfo;
  /** ISO timestamp; injected so tests of date rules (training lapse) are deterministic. */
  readonly now: () => string;
  /** The sync engine and account flows (noSyncService where there is no sync, e.g. tools). */
  readonly sync: SyncService;
}

/** Every query method of the handler table must have an implementation here: the mapped type makes a gap a type error. */
export type QueryHandlers = { [M in QueryMethod]: (ctx: QueryContext, input: ParsedInputOf<M>) => ResultOf<M> | Promise<ResultOf<M>> };

export const queryHandlers: QueryHandlers = {
  'app.info': (ctx) => ctx.info,
  'asset.list': (ctx, page) => listAssets(ctx.db, page),
  'asset.page': (ctx, input) => assetPage(ctx.db, input),
  'asset.search': (ctx, input) => assetSearch(ctx.db, input),
  'asset.get': (ctx, input) => assetGet(ctx.db, input),
  'person.list': (ctx, page) => listPeople(ctx.db, page),
  'person.search': (ctx, input) => personSearch(ctx.db, input),
  'person.get': (ctx, input) => personGet(ctx.db, input, ctx.now()),
  'incident.list': (ctx, input) => listIncidents(ctx.db, input, ctx.now()),
  'incident.get': (ctx, input) => incidentGet(ctx.db, input, ctx.now()),
  'suspension.queue': (ctx, input) => suspensionQueue(ctx.db, input, ctx.now()),
  'trip.get': (ctx, input) => tripGet(ctx.db, input, ctx.now()),
  'trip.listForPerson': (ctx, input) => tripsForPerson(ctx.db, input),
  'trip.approvalQueue': (ctx, input) => tripApprovalQueue(ctx.db, input),
  'trip.abroad': (ctx, input) => tripsAbroad(ctx.db, input, ctx.now()),
  'countryPolicy.current': (ctx) => countryPolicyCurrent(ctx.db),
  ...importQueryHandlers,
  ...syncQueryHandlers,
};
