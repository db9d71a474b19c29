import type { Database } from 'better-sqlite3';
import type { ParsedInputOf, QueryMethod, ResultOf } from '../../src-shared/api/handlers';
import type { AppInfo } from '../../src-shared/api/queries';
import { listAssets } from '../store/queries/list-assets';
import { listPeople } from '../store/queries/list-people';

export interface QueryContext {
  readonly db: Database;
  readonly info: AppInfo;
}

/** Every query method of the handler table must have an implementation here: the mapped type makes a gap a type error. */
type QueryHandlers = { [M in QueryMethod]: (ctx: QueryContext, input: ParsedInputOf<M>) => ResultOf<M> };

export const queryHandlers: QueryHandlers = {
  'app.info': (ctx) => ctx.info,
  'asset.list': (ctx, page) => listAssets(ctx.db, page),
  'person.list': (ctx, page) => listPeople(ctx.db, page),
};
