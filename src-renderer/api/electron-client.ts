import type { Api, CustodianBridge } from '../../src-shared/api/bridge';
import type { Method, ResultOf } from '../../src-shared/api/handlers';
import type { Result } from '../../src-shared/result';
import { internalError, toResult } from './to-result';

const MALFORMED = 'Custodian received a reply it could not read. Restart Custodian and try again.';

/** The Electron client: the preload's `window.custodian` bridge, typed, and never throwing. */
export function createBridgeApi(bridge: CustodianBridge): Api {
  return {
    async call<M extends Method>(method: M, input: unknown): Promise<Result<ResultOf<M>>> {
      try {
        return toResult<ResultOf<M>>(await bridge.invoke(method, input), MALFORMED);
      } catch {
        return internalError('Custodian could not complete the request. Restart Custodian and try again.');
      }
    },
  };
}
