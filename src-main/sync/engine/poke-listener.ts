import { POKE_EVENT, SYNC_PATHS } from '../../../src-shared/sync/protocol';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { PokeAuthFailure, PokeSource, TimerHandle, Timers } from './ports';
import { createSseParser } from './sse-parser';

export interface PokeListenerOptions {
  readonly serverUrl: string;
  readonly timers: Timers;
  readonly random: () => number;
  readonly fetch?: typeof fetch;
  readonly backoff?: BackoffPolicy;
  /**
   * A connection silent for this long is treated as dead and reopened: a half-open TCP connection (a laptop that slept,
   * a NAT that forgot it) never ends by itself. The server's heartbeats, if any, keep a healthy one alive.
   */
  readonly idleMs?: number;
  readonly log?: (message: string) => void;
}

export const DEFAULT_POKE_IDLE_MS = 90_000;

/**
 * The code and message of a 401, read from the API's envelope: the engine must tell a disabled account (remove its
 * data) from a session that merely ended (keep everything). A body that cannot be read is a plain ended session.
 */
async function authFailure(response: Response): Promise<PokeAuthFailure> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } } | null;
    const code = body?.error?.code;
    const message = body?.error?.message;
    return { code: typeof code === 'string' ? code : 'http_401', message: typeof message === 'string' && message.trim() !== '' ? message : null };
  } catch {
    return { code: 'http_401', message: null };
  }
}

/**
 * Listens to GET /api/v1/sync/poke (server-sent events over a streaming fetch) and calls onPoke for every
 * `event: poke`. Reconnects with backoff when the stream fails or ends, and pokes once after each REconnection,
 * since a poke sent while disconnected was missed. A 401 ends listening: the sign-in is over, and the handler is told
 * the server's code (a disabled account is not the same as an expired session).
 */
export function createPokeListener(options: PokeListenerOptions): PokeSource {
  const fetchImpl = options.fetch ?? fetch;
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const idleMs = options.idleMs ?? DEFAULT_POKE_IDLE_MS;
  const { timers } = options;

  return {
    start(token, handlers) {
      let stopped = false;
      // Read through a function: `stopped` changes while a request is awaited, which flow analysis cannot see.
      const isStopped = () => stopped;
      let attempt = 0;
      let connections = 0;
      let controller: AbortController | null = null;
      let retryTimer: TimerHandle | null = null;
      let idleTimer: TimerHandle | null = null;

      const clearIdle = () => {
        if (idleTimer !== null) timers.clear(idleTimer);
        idleTimer = null;
      };
      const armIdle = (connection: AbortController) => {
        clearIdle();
        idleTimer = timers.set(() => {
          connection.abort();
        }, idleMs);
      };

      const reconnectLater = () => {
        if (stopped) return;
        const delay = backoffDelay(attempt, policy, options.random);
        attempt += 1;
        retryTimer = timers.set(() => {
          retryTimer = null;
          void connect();
        }, delay);
      };

      async function readStream(body: ReadableStream<Uint8Array>, connection: AbortController): Promise<void> {
        const decoder = new TextDecoder();
        const parse = createSseParser((event) => {
          if (event.event === POKE_EVENT && !stopped) handlers.onPoke();
        });
        const reader = body.getReader();
        // Aborting the request does not always end a read already waiting on the body: cancel the read as well.
        const cancel = () => {
          reader.cancel().catch(() => undefined);
        };
        connection.signal.addEventListener('abort', cancel);
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done || stopped) return;
            armIdle(connection);
            // A stream that delivers data is healthy: the next failure starts the backoff afresh.
            attempt = 0;
            parse(decoder.decode(value, { stream: true }));
          }
        } finally {
          connection.signal.removeEventListener('abort', cancel);
          reader.releaseLock();
        }
      }

      async function connect(): Promise<void> {
        if (stopped) return;
        const connection = new AbortController();
        controller = connection;
        try {
          const response = await fetchImpl(`${options.serverUrl}${SYNC_PATHS.poke}`, {
            headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
            signal: connection.signal,
            redirect: 'manual',
          });
          if (isStopped()) return;
          if (response.status === 401) {
            stopped = true;
            handlers.onAuthFailure(await authFailure(response));
            return;
          }
          if (!response.ok || response.body === null) {
            options.log?.(`poke stream refused (HTTP ${String(response.status)}); polling continues`);
            reconnectLater();
            return;
          }
          connections += 1;
          if (connections > 1) handlers.onPoke();
          armIdle(connection);
          await readStream(response.body, connection);
        } catch (error) {
          if (!stopped) options.log?.(`poke stream failed: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          clearIdle();
        }
        reconnectLater();
      }

      void connect();
      return {
        stop() {
          stopped = true;
          clearIdle();
          if (retryTimer !== null) timers.clear(retryTimer);
          retryTimer = null;
          controller?.abort();
        },
      };
    },
  };
}
