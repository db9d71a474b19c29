import { SYNCED_TABLES } from '../../../src-shared/sync/protocol';
import type { Queryable } from '../../db/database';
import { integer } from '../../db/rows';
import type { TableNewest } from './read-page';

const NEWEST_SQL = `SELECT h.version AS head, ${SYNCED_TABLES.map(
  (table, t) =>
    `(SELECT coalesce(max(version), 0) FROM ${table}) AS rows_${String(t)},
     (SELECT coalesce(max(x.version), 0) FROM sync_exits x WHERE x.table_name = '${table}') AS exits_${String(t)}`,
).join(',\n')} FROM sync_head h WHERE h.singleton`;

/**
 * The newest version among each synced table's rows and among its exits (index lookups on (version, id)), so an
 * incremental page reads only the tables something changed in. They move only when the head moves, so one reading
 * serves every pull at that head: after a poke, a hundred desktops pulling at once share it.
 */
export class NewestVersions {
  private latest: { head: number; newest: readonly TableNewest[] } | undefined;

  /**
   * The newest versions at `head` or later. Later is safe for skipping: a table is skipped only when nothing in it is
   * newer than the window's start, and later readings only ever grow.
   */
  async atLeast(db: Queryable, head: number): Promise<readonly TableNewest[]> {
    if (this.latest && this.latest.head >= head) return this.latest.newest;
    const { rows } = await db.query(NEWEST_SQL);
    const row = rows[0];
    if (!row) throw new Error('The sync head row is missing; the database was not migrated');
    const newest = SYNCED_TABLES.map((_, t) => ({ rows: integer(row[`rows_${String(t)}`]), exits: integer(row[`exits_${String(t)}`]) }));
    const readAt = integer(row.head);
    if (!this.latest || readAt > this.latest.head) this.latest = { head: readAt, newest };
    return newest;
  }
}
