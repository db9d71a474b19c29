import type { Result } from '../result';
import type { InputOf, Method, ResultOf } from './handlers';

/** The IPC channel the preload forwards to. One channel: the method name travels in the payload. */
export const INVOKE_CHANNEL = 'custodian:invoke';

/** The single object the preload exposes on `window.custodian`. Untyped on purpose: main validates everything. */
export interface CustodianBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
}

/** The typed face of the bridge the renderer codes against. */
export interface Api {
  call<M extends Method>(method: M, input: InputOf<M>): Promise<Result<ResultOf<M>>>;
}

/** Web shell: the header carrying the per-launch secret, and the one endpoint. */
export const WEB_SHELL_SECRET_HEADER = 'x-custodian-secret';
export const WEB_SHELL_INVOKE_PATH = '/api/invoke';
