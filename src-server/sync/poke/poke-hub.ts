import type { FastifyBaseLogger } from 'fastify';
import { POKE_EVENT } from '../../../src-shared/sync/protocol';
import { sessionRefusal } from '../../auth/authenticate';
import { findSessionsById } from '../../auth/sessions';
import type { ServerConfig } from '../../config/server-config';
import type { Database } from '../../db/database';
import type { Clock } from '../../time/clock';
import { notificationChannel, parseNotification } from '../notifications';

/** One open GET /api/v1/sync/poke response. */
export interface PokeStream {
  readonly sessionId: string;
  readonly personId: string;
  /** Writes raw server-sent-event text. */
  write(text: string): void;
  /** Ends the response. */
  end(): void;
}

/** Calls `tick` every `ms` until the returned function is called. Injected so tests beat the heart by hand. */
export type Ticker = (ms: number, tick: () => void) => () => void;

export const intervalTicker: Ticker = (ms, tick) => {
  const timer = setInterval(tick, ms);
  timer.unref();
  return () => clearInterval(timer);
};

export interface PokeHubOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly sessions: ServerConfig['sessions'];
  readonly log: FastifyBaseLogger;
  readonly heartbeatMs: number;
  readonly ticker: Ticker;
}

/** An SSE comment: keeps proxies from closing a quiet connection, and is ignored by event parsers. */
const HEARTBEAT = ': heartbeat\n\n';
const POKE = `event: ${POKE_EVENT}\ndata: {}\n\n`;

/**
 * Tells every open poke stream on this instance when synced data changed anywhere: each commit that moves sync_head
 * sends a NOTIFY that every instance hears (PostgreSQL LISTEN; PGlite delivers it in-process). Everyone is poked —
 * the client pulls and the pull filters — so a poke says nothing about whose data changed.
 *
 * Streams close when their session ends: at once on sign-out, disabling or a password change (those transactions
 * notify too), and otherwise at the next heartbeat, which re-checks every open session (expiry, idle time, leavers).
 */
export class PokeHub {
  private readonly streams = new Set<PokeStream>();
  private listening: Promise<void> | undefined;
  private stopListening: (() => Promise<void>) | undefined;
  private stopTicker: (() => void) | undefined;
  private pokeQueued = false;
  private closed = false;

  constructor(private readonly options: PokeHubOptions) {}

  /** Open streams on this instance (for tests and logs). */
  get size(): number {
    return this.streams.size;
  }

  /** Starts listening (once per instance, on the first stream) and adds the stream. */
  async open(stream: PokeStream): Promise<void> {
    this.listening ??= this.listen().catch((error: unknown) => {
      // Try again with the next stream rather than failing every stream from now on.
      this.listening = undefined;
      throw error;
    });
    await this.listening;
    if (this.closed) {
      stream.end();
      return;
    }
    this.streams.add(stream);
    this.stopTicker ??= this.options.ticker(this.options.heartbeatMs, () => void this.heartbeat());
  }

  remove(stream: PokeStream): void {
    this.streams.delete(stream);
  }

  private async listen(): Promise<void> {
    const channel = await notificationChannel(this.options.db);
    this.stopListening = await this.options.db.listen(
      channel,
      (payload) => void this.notified(payload),
      // Changes made while the connection was down were not heard: poke in case.
      () => this.queuePoke(),
    );
  }

  private async notified(payload: string): Promise<void> {
    const notification = parseNotification(payload);
    if (notification === undefined) return;
    switch (notification.kind) {
      case 'changed':
        this.queuePoke();
        return;
      case 'session_revoked':
        for (const stream of this.streams) if (stream.sessionId === notification.sessionId) this.closeStream(stream);
        return;
      case 'sessions_revoked':
        await this.recheck([...this.streams].filter((stream) => stream.personId === notification.personId));
        return;
    }
  }

  /** Many commits in one turn of the event loop make one poke. */
  private queuePoke(): void {
    if (this.pokeQueued) return;
    this.pokeQueued = true;
    setImmediate(() => {
      this.pokeQueued = false;
      for (const stream of this.streams) stream.write(POKE);
    });
  }

  private closeStream(stream: PokeStream): void {
    this.streams.delete(stream);
    stream.end();
  }

  /** Closes the streams whose session may no longer be used (one query for all of them). */
  private async recheck(streams: readonly PokeStream[]): Promise<void> {
    if (streams.length === 0) return;
    try {
      const now = this.options.clock();
      const sessions = await findSessionsById(this.options.db, [...new Set(streams.map((stream) => stream.sessionId))]);
      const usable = new Set(sessions.filter((session) => sessionRefusal(session, now, this.options.sessions) === undefined).map((session) => session.id));
      for (const stream of streams) if (!usable.has(stream.sessionId)) this.closeStream(stream);
    } catch (error) {
      // The database is unreachable: keep the streams; the next heartbeat checks again.
      this.options.log.warn({ err: error, event: 'poke_recheck_failed' }, 'could not re-check poke stream sessions');
    }
  }

  /** Every heartbeatMs: a comment on every stream, then the session check. */
  async heartbeat(): Promise<void> {
    for (const stream of this.streams) stream.write(HEARTBEAT);
    await this.recheck([...this.streams]);
  }

  /** Ends every stream and stops listening (the app is closing: open responses would hold it open). */
  async close(): Promise<void> {
    this.closed = true;
    this.stopTicker?.();
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    await this.listening?.catch(() => undefined);
    await this.stopListening?.();
  }
}
