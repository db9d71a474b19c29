import { vi } from 'vitest';
import { createSerialGate } from '../../../src-main/bridge/serial-gate';
import { createSyncEngine } from '../../../src-main/sync/engine/sync-engine';
import { createMemoryVault } from '../../../src-main/sync/engine/token-vault';
import type { TransportResult } from '../../../src-main/sync/engine/transport-errors';
import { ACCOUNT, FakePokes, FakeRecovery, FakeServer, FakeStore, FakeTimers, mutation, settle, TOKEN, transportError } from './fakes';

export interface EngineSetup {
  readonly signedIn?: boolean;
  readonly outbox?: number;
  /** The engine's random source; by default 0.5 throughout (a retry waits half its ceiling, a poke 125 ms). */
  readonly random?: () => number;
}

/**
 * A sync engine over the fakes: virtual timers, a scripted server, an in-memory store, recovery files in memory.
 * random() = 0.5 unless told: a retry waits half its backoff ceiling (base 2 s, doubling, cap 60 s).
 */
export function engineSetup({ signedIn = true, outbox = 0, random = () => 0.5 }: EngineSetup = {}) {
  const timers = new FakeTimers();
  const store = new FakeStore();
  const server = new FakeServer();
  const pokes = new FakePokes();
  const vault = createMemoryVault();
  const gate = createSerialGate();
  const recovery = new FakeRecovery();
  const log = { info: vi.fn(), error: vi.fn() };
  if (signedIn) {
    store.account = ACCOUNT;
    vault.save(TOKEN);
  }
  store.outbox = Array.from({ length: outbox }, (_, i) => mutation(i + 1));
  const make = () =>
    createSyncEngine({
      store,
      exclusive: gate,
      vault,
      transportFor: (url) => server.transport(url),
      pokesFor: () => pokes,
      timers,
      random,
      log,
      writeRecovery: recovery.write,
    });
  const engine = make();
  /** Moves virtual time on and waits for any cycle that started. */
  const advance = async (ms: number) => {
    timers.advance(ms);
    await settle();
    await engine.idle();
  };
  /** The app quit and started again: a new engine over the same store, vault, server and recovery folder. */
  const restart = () => make();
  return { timers, store, server, pokes, vault, gate, engine, advance, recovery, log, restart };
}

export const offline = (): TransportResult<never> => ({ ok: false, error: transportError({}) });
