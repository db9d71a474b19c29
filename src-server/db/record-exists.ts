import type { Queryable } from './database';

/** Tables whose records the API looks up by id. Names come from this union, never from input. */
export type LookupTable = 'people' | 'assets';

/**
 * Whether a record exists regardless of who asks. Used only after a visibility-scoped lookup found nothing, to
 * tell "no such record" from "not yours to see" in the log; the client gets the same 404 either way.
 */
export async function recordExists(db: Queryable, table: LookupTable, id: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM ${table} WHERE id = $1::uuid`, [id]);
  return rows.length > 0;
}
