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
import { createSerialGate } from './serial-gate';

export interface Logger {
  error(details: object, message: string): void;
}

export interface DispatcherDeps {
  /** The opened store, or why it could not be opened: the app keeps running and says so. */
  readonly store: Store | StoreError;
  readonly info: Omit<AppInfo, 'store'>;
  readonly actorId: string | null;
  readonly clock: () => Date;
  readonly log: Logger;
}

export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>;

function describeMethod(method: unknown): string {
  return typeof method === 'string' ? `"${method.slice(0, 80)}"` : `of type ${typeof method}`;
}

/**
 * The one entry point both shells call. Validates the method name and the input against the handler table, then
 * runs the handler behind a serial gate. Never throws: every failure becomes `{ ok: false, error }`.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const gate = createSerialGate();
  const store = 'db' in deps.store ? deps.store : undefined;
  const info: AppInfo = {
    ...deps.info,
    store: store ? { ok: true } : { ok: false, message: (deps.store as StoreError).message },
  };

  async function run(method: Method, input: unknown): Promise<unknown> {
    if (!store) {
      throw new DomainError('store_unavailable', info.store.ok ? 'The local store is unavailable' : info.store.message);
    }
    const queryContext: QueryContext = { db: store.db, info, now: () => deps.clock().toISOString() };
    const mutations: MutationEnvironment = { db: store.db, clientId: store.installation.clientId, actorId: deps.actorId, clock: deps.clock };
    const kind: string = handlers[method].kind;
    if (kind === 'query') {
      const handler = queryHandlers[method as QueryMethod] as (ctx: QueryContext, input: unknown) => unknown;
      return handler(queryContext, input);
    }
    if (kind === 'command') {
      const handler = commandHandlers[method as CommandMethod] as (ctx: CommandContext, input: unknown) => Promise<unknown>;
      return handler({ ...queryContext, mutations }, input);
    }
    const mutator = findMutator(method);
    if (!mutator) throw new Error(`Handler table lists mutation ${method} but no mutator has that name`);
    return runMutation(mutations, mutator, input);
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
      return ok(await (handlers[method].concurrent ? work() : gate(work)));
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.toAppError() };
      deps.log.error({ method, error }, 'handler failed');
      return err('internal', 'Something went wrong and the change was not saved. Try again; if it keeps happening, contact the IT service desk.');
    }
  };
}
