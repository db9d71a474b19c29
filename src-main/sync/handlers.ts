import { DomainError, type Result } from '../../src-shared/result';
import type { CommandHandlers } from '../bridge/command-handlers';
import type { QueryHandlers } from '../bridge/query-handlers';
import { dismissRejection, listRejections } from './store/rejections';

/** A failed Result as the dispatcher expects a handler's failure: thrown, then turned back into the same value. */
function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new DomainError(result.error.code, result.error.message, { ...result.error.fields });
}

/** Sync query implementations (handler table: src-shared/api/sync-handlers.ts). */
export const syncQueryHandlers: Pick<QueryHandlers, 'sync.status' | 'sync.rejections'> = {
  /** Answered outside the serial gate from the engine's memory: it must answer while a first sync holds the store. */
  'sync.status': (ctx) => ctx.sync.status(),
  'sync.rejections': (ctx) =>
    listRejections(ctx.db).map(({ mutationId, name, code, message, rejectedAt, madeAt }) => ({ mutationId, name, code, message, rejectedAt, madeAt })),
};

/** Sync command implementations. The concurrent ones take the serial gate themselves, only for their store work. */
export const syncCommandHandlers: Pick<CommandHandlers, 'sync.signIn' | 'sync.signOut' | 'sync.now' | 'sync.dismissRejection'> = {
  'sync.signIn': async (ctx, input) => unwrap(await ctx.sync.signIn(input)),
  'sync.signOut': async (ctx) => unwrap(await ctx.sync.signOut()),
  'sync.now': async (ctx) => unwrap(await ctx.sync.syncNow()),
  'sync.dismissRejection': (ctx, { mutationId }) => {
    const dismissed = dismissRejection(ctx.db, mutationId, ctx.now());
    // Not awaited: this handler holds the serial gate, and the count is read through it.
    void ctx.sync.refreshCounts();
    return Promise.resolve({ dismissed });
  },
};
