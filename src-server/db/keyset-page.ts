import type { Queryable } from './database';
import type { SqlParams } from './sql';

/** Which page: at most `limit` items, starting after the item with id `after` (none: from the start). */
export interface PageRequest {
  readonly limit: number;
  readonly after?: string | undefined;
}

export interface KeysetPage<T> {
  readonly items: T[];
  /** The id to continue after, or null when this was the last page. */
  readonly nextCursor: string | null;
}

/**
 * Runs a SELECT ordered by id with one row more than asked for: if that extra row exists there is a next page,
 * and the cursor is the id of the last row returned. `sql` must end with "ORDER BY <id>", and ids are unique.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- Row is the caller's description of its SELECT, passed to its mapper
export async function keysetPage<Row extends object, T extends { readonly id: string }>(
  db: Queryable,
  sql: string,
  params: SqlParams,
  limit: number,
  map: (row: Row) => T,
): Promise<KeysetPage<T>> {
  const { rows } = await db.query<Row>(`${sql} LIMIT ${params.add(limit + 1)}`, params.values);
  const items = rows.slice(0, limit).map(map);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
