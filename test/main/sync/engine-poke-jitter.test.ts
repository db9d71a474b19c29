import { describe, expect, it } from 'vitest';
import { createPokeJitter } from '../../../src-main/sync/engine/poke-jitter';
import { engineSetup } from './engine-harness';
import { FakeTimers } from './fakes';

describe('a random pause before the pull a poke starts', () => {
  it('spreads the pull over 0–250 ms by the injected random source', async () => {
    for (const [random, delay] of [
      [0, 0],
      [0.5, 125],
      [0.999, 249],
    ] as const) {
      const { engine, server, pokes, timers, advance } = engineSetup({ random: () => random });
      await engine.start();
      await engine.idle();
      server.calls.length = 0;
      pokes.poke();
      expect(timers.pendingDelays()).toContain(delay);
      if (delay > 0) {
        await advance(delay - 1);
        expect(server.calls, `random ${String(random)}`).toEqual([]);
      }
      await advance(delay === 0 ? 0 : 1);
      expect(server.calls, `random ${String(random)}`).toEqual(['pull c1']);
    }
  });

  it('a hundred desktops poked at once pull at a hundred different moments within 250 ms', () => {
    const timers = new FakeTimers();
    const fired: number[] = [];
    for (let desktop = 0; desktop < 100; desktop += 1) {
      const jitter = createPokeJitter({ timers, random: () => desktop / 100, maxMs: 250 }, () => fired.push(timers.now));
      jitter.trigger();
    }
    timers.advance(250);
    expect(new Set(fired).size).toBeGreaterThan(90);
    expect(Math.min(...fired)).toBe(0);
    expect(Math.max(...fired)).toBeLessThan(250);
  });

  it('pokes during the pause make one pull; a pause is forgotten when syncing stops', async () => {
    const { engine, server, pokes, timers, advance } = engineSetup();
    await engine.start();
    await engine.idle();
    server.calls.length = 0;
    pokes.poke();
    await advance(100);
    pokes.poke();
    pokes.poke();
    await advance(25);
    expect(server.calls).toEqual(['pull c1']);
    await advance(1_000);
    expect(server.calls).toEqual(['pull c1']);

    pokes.poke();
    await engine.pause();
    expect(timers.pendingDelays()).toEqual([]);
    await advance(1_000);
    expect(server.calls).toEqual(['pull c1']);
  });
});
