import type { Api } from '../../src-shared/api/bridge';
import { WEB_SHELL_INVOKE_PATH, WEB_SHELL_SECRET_HEADER } from '../../src-shared/api/bridge';
import type { Method, ResultOf } from '../../src-shared/api/handlers';
import type { Result } from '../../src-shared/result';
import { internalError, toResult } from './to-result';

const UNREACHABLE =
  'Custodian could not reach the web shell. Check the web shell is still running, then reload the page.';

/**
 * The web shell client: every call is one POST to the loopback host, carrying the per-launch secret.
 * The body is always a Result whatever the HTTP status; a network failure or an unreadable body becomes an
 * `internal` error value, never a thrown error.
 */
export function createHttpApi(secret: string, fetchImpl: typeof fetch = fetch.bind(globalThis)): Api {
  return {
    async call<M extends Method>(method: M, input: unknown): Promise<Result<ResultOf<M>>> {
      let response: Response;
      try {
        response = await fetchImpl(WEB_SHELL_INVOKE_PATH, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [WEB_SHELL_SECRET_HEADER]: secret },
          body: JSON.stringify({ method, input }),
        });
      } catch {
        return internalError(UNREACHABLE);
      }
      const unreadable = `The web shell sent a response Custodian could not read (HTTP ${String(response.status)}). Try again, or restart the web shell.`;
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return internalError(unreadable);
      }
      return toResult<ResultOf<M>>(body, unreadable);
    },
  };
}
