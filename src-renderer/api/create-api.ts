import type { Api } from '../../src-shared/api/bridge';
import type { Method, ResultOf } from '../../src-shared/api/handlers';
import type { Result } from '../../src-shared/result';
import { createBridgeApi } from './electron-client';
import { createHttpApi } from './http-client';
import { takeWebShellSecret } from './web-shell-secret';

function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Every call fails with one clear message: the page was opened without the web shell's secret. */
function missingSecretApi(): Api {
  return {
    call<M extends Method>(): Promise<Result<ResultOf<M>>> {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'unauthorised',
          message:
            'This page was opened without its access key. Open the full address the web shell printed when it started (it ends in #secret=…).',
          fields: {},
        },
      });
    },
  };
}

/**
 * The one API the renderer uses: Electron's preload bridge when present, otherwise the loopback web shell.
 * Call once at start-up, before the router reads the address (it removes the web shell secret from it).
 */
export function createApi(): Api {
  if (window.custodian) return createBridgeApi(window.custodian);
  const secret = takeWebShellSecret({
    location: window.location,
    history: window.history,
    storage: sessionStorageOrUndefined(),
  });
  return secret === null ? missingSecretApi() : createHttpApi(secret);
}
