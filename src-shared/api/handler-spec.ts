import type { z } from 'zod';
import type { Mutator } from '../mutators/define';
import type { MutationReceipt } from './queries';

/** A phantom marker carrying a handler's result type; it has no runtime value. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T exists only to be carried to callers
export function returns<T>(): T {
  return undefined as T;
}

interface HandlerOptions {
  /**
   * Answered at once, not queued behind store calls: only for handlers that never touch the store (the progress of
   * a running import, which holds the store until it ends), or that take the serial gate themselves for just their
   * store work (sign-in and sync, which spend most of their time waiting on the network).
   */
  readonly concurrent?: boolean;
}

/** Reads: never change the store. */
export function query<Input extends z.ZodType, Output>(input: Input, result: Output, options: HandlerOptions = {}) {
  return { kind: 'query' as const, input, result, concurrent: options.concurrent ?? false };
}

/** One write: the method is the mutator itself, so a write is always a named, intent-level mutator. */
export function mutation<Name extends string, Args extends z.ZodType>(mutator: Mutator<Name, Args>) {
  return { kind: 'mutation' as const, input: mutator.args, result: returns<MutationReceipt>(), concurrent: false };
}

/**
 * An operation of the desktop itself that writes only by running mutators (an import runs thousands in one
 * transaction; loading the demo department likewise). It never writes rows directly.
 */
export function command<Input extends z.ZodType, Output>(input: Input, result: Output, options: HandlerOptions = {}) {
  return { kind: 'command' as const, input, result, concurrent: options.concurrent ?? false };
}
