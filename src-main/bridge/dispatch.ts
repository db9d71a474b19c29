import { handlers, isMethod, type CommandMethod, type Method, type QueryMethod } from '../../src-shared/api/handlers';
import type { AppInfo } from '../../src-shared/api/queries';
import { findMutator } from '../../src-shared/mutators/registry';
import { DomainError, err, ok, type Result } from '../../src-shared/result';
import { invalidInput } from '../../src-shared/validation';
import type { Store } from '../store/open-store';
import { runMutation, type MutationEnvironment } from '../store/mutation-runner';
import { commandHandlers, type CommandContext } from './command-handlers';
import type { StoreError } from '../store/store-error';
import { queryHandlers, type QueryContext } from './query-handlers';
import { currentClientId } from '../sync/store/outbox';
import { noSyncService, type SyncService } from '../sync/sync-service';
import { createSerialGate, type SerialGate } from './serial-gate';

export interface Logger {
  error(details: object, message: string): void;
  /** Routine events (sync could not reach the server); optional, dropped when absent. */
  info?(details: object, message: string): void;
}

export interface DispatcherDeps {
  /** The opened store, or why it could not be opened: the app keeps running and says so. */
  readonly store: Store | StoreError;
  readonly info: Omit<AppInfo, 'store'>;
  /** Who local mutations are recorded as: fixed (tools, tests), or asked on each call (the signed-in person). */
  readonly actorId: string | null | (() => string | null);
  readonly clock: () => Date;
  readonly log: Logger;
  /** Shared with the sync engine, so its store work queues with the app's calls; a fresh one when omitted. */
  readonly gate?: SerialGate;
  /** Omitted: local only (noSyncService). */
  readonly sync?: SyncService;
}

export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>;

function describeMethod(method: unknown): string {
  return typeof method === 'string' ? `"${method.slice(0, 80)}"` : `of type ${typeof method}`;
}

/** A committed local change the sync engine should send: every mutation, and the commands that run mutators. */
function writesLocally(method: Method): boolean {
  const kind: string = handlers[method].kind;
  return kind === 'mutation' || (kind === 'command' && !method.startsWith('sync.'));
}

/**
 * The one entry point both shells call. Validates the method name and the input against the handler table, then
 * runs the handler behind a serial gate. Never throws: every failure becomes `{ ok: false, error }`.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const gate = deps.gate ?? createSerialGate();
  const sync = deps.sync ?? noSyncService;
  const actorId = typeof deps.actorId === 'function' ? deps.actorId : () => deps.actorId as string | null;
  const store = 'db' in deps.store ? deps.store : undefined;
  const info: AppInfo = {
    ...deps.info,
    store: store ? { ok: true } : { ok: false, message: (deps.store as StoreError).message },
  };

  async function run(method: Method, input: unknown): Promise<unknown> {
    if (!store) {
      throw new DomainError('store_unavailable', info.store.ok ? 'The local store is unavailable' : info.store.message);
    }
    const { db } = store;
    const queryContext: QueryContext = { db, info, now: () => deps.clock().toISOString(), sync };
    // The client id is read when a write needs it, not kept from opening: signing in or out gives the installation a
    // new one (clearLocalData). The actor is whoever is signed in at the time.
    const mutations = (): MutationEnvironment => ({ db, clientId: currentClientId(db), actorId: actorId(), clock: deps.clock });
    const kind: string = handlers[method].kind;
    if (kind === 'query') {
      const handler = queryHandlers[method as QueryMethod] as (ctx: QueryContext, input: unknown) => unknown;
      return handler(queryContext, input);
    }
    if (kind === 'command') {
      const handler = commandHandlers[method as CommandMethod] as (ctx: CommandContext, input: unknown) => Promise<unknown>;
      return handler(
        {
          ...queryContext,
          get mutations() {
            return mutations();
          },
        },
        input,
      );
    }
    const mutator = findMutator(method);
    if (!mutator) throw new Error(`Handler table lists mutation ${method} but no mutator has that name`);
    return runMutation(mutations(), mutator, input);
  }

  return async (method, input) => {
    if (!isMethod(method)) {
      return err('unknown_method', `There is no method ${describeMethod(method)}`);
    }
    const parsed = handlers[method].input.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: invalidInput(parsed.error) };
    }
    if (method === 'app.info') return ok(info);
    try {
      const work = () => run(method, parsed.data);
      const value = await (handlers[method].concurrent ? work() : gate(work));
      if (writesLocally(method)) sync.localWrite();
      return ok(value);
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.toAppError() };
      deps.log.error({ method, error }, 'handler failed');
      return err('internal', 'Something went wrong and the change was not saved. Try again; if it keeps happening, contact the IT service desk.');
    }
  };
}
