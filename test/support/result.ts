import type { Result } from '../../src-shared/result';

/** The value of a successful call, or a failing test naming the error: keeps test journeys short. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T names what the caller knows the method returns
export function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
