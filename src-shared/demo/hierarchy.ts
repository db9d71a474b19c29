/**
 * How many people sit at each level of a line-management tree of `levels` levels: one head, then each level about
 * `span` times the one above, the last level taking the rest. span = people^(1/(levels-1)) gives 1, 8, 63, 428 for the
 * demo (500 people, 4 levels) and 1, 17, 300, 5,196, 84,486 for the benchmark (90,000 people, 5 levels): team sizes
 * of 8 to 17, as in a real department.
 */
export function levelSizes(people: number, levels: number): number[] {
  const span = people ** (1 / (levels - 1));
  const sizes: number[] = [];
  let placed = 0;
  for (let level = 0; level < levels - 1; level += 1) {
    // Never so many managers that the levels below could not each have at least as many people.
    const size = Math.max(1, Math.min(Math.round(span ** level), Math.floor((people - placed) / (levels - level))));
    sizes.push(size);
    placed += size;
  }
  sizes.push(people - placed);
  return sizes;
}

/**
 * Gives each of `count` people a manager from `managers` (already in a seeded random order), dealing them out in
 * turn, so every manager has at least one report and team sizes differ by at most one. No managers (the top of the
 * tree): no one has a manager.
 */
export function dealManagers<T>(managers: readonly T[], count: number): (T | null)[] {
  return Array.from({ length: count }, (_, index) => (managers.length === 0 ? null : (managers[index % managers.length] ?? null)));
}
