import { Faker, base, en, en_GB } from '@faker-js/faker';

/**
 * A faker of its own per department, seeded, in British English (en_GB falls back to en for first names, then to
 * base): never the shared global instance, whose state any other caller could move. Only these three locales are
 * imported, so a bundle carries them and not faker's seventy others.
 */
export function seededFaker(seed: number): Faker {
  return new Faker({ locale: [en_GB, en, base], seed });
}

/** Picks a key of `weights` with probability proportional to its weight. */
export function weightedKey<K extends string>(faker: Faker, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  return faker.helpers.weightedArrayElement(entries.map(([value, weight]) => ({ value, weight })));
}

/**
 * Exactly `total` items split by the shares in `weights` (largest remainder), every key at least once when total
 * allows: a small department still shows every type and every state, and the counts are exact, not left to chance.
 */
export function quotas<K extends string>(weights: Readonly<Record<K, number>>, total: number): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  const sum = keys.reduce((acc, key) => acc + weights[key], 0);
  const exact = (key: K) => (total * weights[key]) / sum;
  const counts = Object.fromEntries(keys.map((key) => [key, Math.floor(exact(key))])) as Record<K, number>;
  const byRemainder = [...keys].sort((a, b) => (exact(b) % 1) - (exact(a) % 1) || a.localeCompare(b));
  let missing = total - keys.reduce((acc, key) => acc + counts[key], 0);
  for (let i = 0; missing > 0; i += 1, missing -= 1) counts[byRemainder[i] as K] += 1;
  // Then every key at least once, taken from the largest count.
  if (total >= keys.length) {
    for (const key of keys.filter((k) => counts[k] === 0)) {
      const largest = keys.reduce((a, b) => (counts[b] > counts[a] ? b : a));
      counts[largest] -= 1;
      counts[key] = 1;
    }
  }
  return counts;
}

/** `counts` laid out as a list (key repeated count times) in a seeded random order. */
export function shuffledQuotas<K extends string>(faker: Faker, counts: Readonly<Record<K, number>>): K[] {
  const list: K[] = [];
  for (const [key, count] of Object.entries(counts) as [K, number][]) for (let i = 0; i < count; i += 1) list.push(key);
  return faker.helpers.shuffle(list, { inplace: true });
}
