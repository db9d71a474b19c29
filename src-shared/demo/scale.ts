/**
 * How big a generated department is. The demo and the benchmark use the same generator at different scales, so the
 * data a person explores in the demo is the data whose speed the benchmark measures.
 */
export interface DepartmentScale {
  readonly people: number;
  readonly assets: number;
  /** Depth of the line-management tree: level 1 is the head of the department, the last level manages no one. */
  readonly levels: number;
  /** The same seed (and the same `asOf` day) always gives the same department. */
  readonly seed: number;
}

/**
 * Bumped whenever the generator's output changes for a given scale and seed: cached benchmark stores are keyed by
 * it, so a changed generator never reuses a store built by an older one.
 */
export const GENERATOR_VERSION = 3;

export const DEMO_SCALE: DepartmentScale = { people: 500, assets: 1_500, levels: 4, seed: 20_240_101 };

export const BENCH_SCALE: DepartmentScale = { people: 90_000, assets: 300_000, levels: 5, seed: 20_240_101 };

/** A scale the generator can honour, or an error naming the problem (scales come from command lines too). */
export function checkScale(scale: DepartmentScale): string | null {
  const { people, assets, levels, seed } = scale;
  if (!Number.isInteger(levels) || levels < 2 || levels > 10) return 'levels must be a whole number from 2 to 10';
  // Every level needs someone, and the last level needs someone who is not a manager, a service desk member,
  // security or the admin: a small department cannot have all of them.
  if (!Number.isInteger(people) || people < 30 || people > 1_000_000) return 'people must be a whole number from 30 to 1,000,000';
  if (!Number.isInteger(assets) || assets < 20 || assets > 5_000_000) return 'assets must be a whole number from 20 to 5,000,000';
  if (!Number.isSafeInteger(seed) || seed < 0) return 'seed must be a whole number, 0 or more';
  return null;
}
