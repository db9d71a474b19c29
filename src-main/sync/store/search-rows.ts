import type { Database } from 'better-sqlite3';
import type { Rows } from '../../../src-shared/domain/tables';
import { withoutFtsMerging } from '../../store/fts-bulk-fill';
import { prepared } from '../../store/prepared';
import { indexAsset } from '../../store/search-index';

/**
 * The search index and the assets' copy of their holder's name (holder-name.ts) kept right by the sync's own writes:
 * pulled rows, a rewind, a reset. Single-row statements only, as in search-index.ts: a statement that writes several
 * rows of asset_search opens a savepoint, and FTS5 flushes its pending terms at every savepoint.
 */
export type SearchedAsset = Pick<Rows['assets'], 'assetTag' | 'serialNumber' | 'imei' | 'phoneNumber' | 'model' | 'holderId'>;

export const SEARCHED_ASSET_COLUMNS =
  'asset_tag AS assetTag, serial_number AS serialNumber, imei, phone_number AS phoneNumber, model, holder_id AS holderId';

export function unindexAsset(db: Database, rowid: number | bigint): void {
  prepared(db, 'DELETE FROM asset_search WHERE rowid = ?').run(rowid);
}

export function unindexPerson(db: Database, rowid: number | bigint): void {
  prepared(db, 'DELETE FROM people_search WHERE rowid = ?').run(rowid);
}

/** FTS5 has no cheaper update than delete and insert. */
export function reindexAsset(db: Database, rowid: number | bigint, asset: SearchedAsset): void {
  unindexAsset(db, rowid);
  indexAsset(db, rowid, asset);
}

/**
 * A person arrived, was renamed or went: the assets they hold take their name (or none) as holder name, in the row
 * and in the asset index. A pulled asset can arrive before its holder (or its holder can come into view later), so
 * this runs for every new person too: for someone who holds nothing it is one index probe.
 */
export function refreshHolderName(db: Database, personId: string): void {
  const held = prepared(db, `SELECT rowid, ${SEARCHED_ASSET_COLUMNS} FROM assets WHERE holder_id = ?`).all(personId) as (SearchedAsset & {
    rowid: number;
  })[];
  if (held.length === 0) return;
  prepared(db, 'UPDATE assets SET holder_name = (SELECT name FROM people WHERE id = @id) WHERE holder_id = @id').run({ id: personId });
  for (const asset of held) reindexAsset(db, asset.rowid, asset);
}

/**
 * Fills the (empty) search tables from every asset and person in one statement each: for a first sync, FTS5
 * tokenises 390,000 rows in one pass inside SQLite instead of one statement per row.
 */
export function indexEveryRow(db: Database): void {
  withoutFtsMerging(db, ['asset_search', 'people_search'], () => {
    db.exec(
      `INSERT INTO asset_search (rowid, asset_tag, serial_number, imei, phone_number, model, holder_name)
         SELECT rowid, asset_tag, serial_number, imei, phone_number, model, holder_name FROM assets ORDER BY rowid;
       INSERT INTO people_search (rowid, name, staff_number, email)
         SELECT rowid, name, staff_number, email FROM people ORDER BY rowid;`,
    );
  });
}
