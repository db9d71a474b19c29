import type { Faker } from '@faker-js/faker';

/** 2024-01-01T00:00:00Z: the timestamp part of the first generated id. Fixed, so ids depend on the seed alone. */
const FIRST_ID_MS = Date.UTC(2024, 0, 1);

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}

/**
 * Record ids in UUIDv7 form, as the app makes them (time-ordered, so 300,000 inserts append to the primary key's
 * b-tree instead of splitting pages all over it), but from the seeded faker and a counter instead of the clock and
 * crypto randomness: the same seed gives the same ids. `first` offsets the timestamps of a second series (assets after
 * people).
 */
export function seededIds(faker: Faker, first = 0): () => string {
  let n = first;
  return () => {
    const ms = FIRST_ID_MS + n;
    n += 1;
    const time = hex(ms, 12);
    const randA = hex(faker.number.int(0xfff), 3);
    const variant = hex(0x8000 | faker.number.int(0x3fff), 4);
    const randB = hex(faker.number.int(0xffffff), 6) + hex(faker.number.int(0xffffff), 6);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${randA}-${variant}-${randB}`;
  };
}
