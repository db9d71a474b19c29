import type { TimerHandle, Timers } from './ports';

/**
 * The longest wait before the pull a poke asks for. A poke goes to every listening desktop at the same moment (one
 * change, a hundred line managers who may see it); without a pause they would all pull in the same instant. A quarter
 * of a second spread evenly turns that spike into a ramp the server takes in its stride, and no person notices it.
 */
export const DEFAULT_POKE_JITTER_MS = 250;

export interface PokeJitter {
  /** A poke arrived: fire after a random pause, unless a pause is already running (one pull answers every poke in it). */
  trigger(): void;
  /** Forget a pause under way (syncing paused or stopped). */
  cancel(): void;
}

/** `random` is in [0, 1) and `timers` are the engine's, so tests choose the pause and run it without waiting. */
export function createPokeJitter(options: { timers: Timers; random: () => number; maxMs: number }, fire: () => void): PokeJitter {
  const { timers } = options;
  let pending: TimerHandle | null = null;
  return {
    trigger() {
      if (pending !== null) return;
      pending = timers.set(
        () => {
          pending = null;
          fire();
        },
        Math.floor(options.random() * options.maxMs),
      );
    },
    cancel() {
      if (pending !== null) timers.clear(pending);
      pending = null;
    },
  };
}
