import type { Database } from 'better-sqlite3';
import type { SyncedTable } from '../../../src-shared/sync/protocol';
import { prepared } from '../../store/prepared';
import { indexAsset, indexPerson } from '../../store/search-index';
import { SHAPES, rowValues, type TableShape } from './row-shape';
import { dropSecondaryIndexes, recreateIndexes, type IndexDefinition } from './secondary-indexes';
import { indexEveryRow, refreshHolderName, reindexAsset, SEARCHED_ASSET_COLUMNS, unindexAsset, unindexPerson, type SearchedAsset } from './search-rows';

/**
 * `INSERT … ON CONFLICT(id) DO UPDATE`, never REPLACE: REPLACE deletes the old row first, which gives it a new rowid
 * (the search index is keyed by rowid) and would cascade the delete to the asset's history. An asset also takes its
 * holder's name (holder-name.ts) in the same statement. Positional parameters, in the shape's field order.
 */
function upsertSql(shape: TableShape): string {
  const holderName = shape.table === 'assets';
  const columns = [...shape.columns, ...(holderName ? ['holder_name'] : [])];
  const values = [...shape.columns.map(() => '?'), ...(holderName ? ['(SELECT name FROM people WHERE id = ?)'] : [])];
  const updates = columns.filter((column) => column !== 'id').map((column) => `${column} = excluded.${column}`);
  return `INSERT INTO ${shape.table} (${columns.join(', ')}) VALUES (${values.join(', ')}) ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`;
}

const UPSERT = {
  people: upsertSql(SHAPES.people),
  assets: upsertSql(SHAPES.assets),
  asset_events: upsertSql(SHAPES.asset_events),
  aup_acknowledgements: upsertSql(SHAPES.aup_acknowledgements),
  security_incidents: upsertSql(SHAPES.security_incidents),
  loss_reports: upsertSql(SHAPES.loss_reports),
  phone_suspensions: upsertSql(SHAPES.phone_suspensions),
  incident_events: upsertSql(SHAPES.incident_events),
  country_policy_versions: upsertSql(SHAPES.country_policy_versions),
  country_policy_rules: upsertSql(SHAPES.country_policy_rules),
  trips: upsertSql(SHAPES.trips),
  trip_legs: upsertSql(SHAPES.trip_legs),
  trip_devices: upsertSql(SHAPES.trip_devices),
  trip_events: upsertSql(SHAPES.trip_events),
  travel_notices: upsertSql(SHAPES.travel_notices),
} as const;

for (const shape of Object.values(SHAPES)) {
  // rowValues puts the id first; the writers below rely on it.
  if (shape.fields[0] !== 'id') throw new Error(`${shape.table}: TABLE_COLUMNS must list id first`);
}

/**
 * Columns with a UNIQUE constraint besides the id (0001, 0009) whose values two rows could swap in one snapshot. An
 * incident's open_asset_id is left out: its CHECK ties it to the row's own asset, so a placeholder cannot be parked
 * there, and two incidents cannot swap assets (a clash with an incident closed in the same run resolves by retrying).
 */
const UNIQUE_VALUES: { readonly [T in SyncedTable]: readonly string[] } = {
  people: ['staff_number', 'email'],
  assets: ['asset_tag'],
  asset_events: [],
  aup_acknowledgements: [],
  security_incidents: ['reference'],
  loss_reports: [],
  phone_suspensions: [],
  incident_events: [],
  country_policy_versions: [],
  country_policy_rules: [],
  trips: [],
  trip_legs: [],
  trip_devices: [],
  trip_events: [],
  travel_notices: [],
};

const HOLDER_AT = SHAPES.assets.fields.indexOf('holderId');

const ASSET_LOOKUP = `SELECT rowid, ${SEARCHED_ASSET_COLUMNS} FROM assets WHERE id = ?`;
const PERSON_LOOKUP = 'SELECT rowid, name, staff_number AS staffNumber, email FROM people WHERE id = ?';

type IndexedAsset = SearchedAsset & { readonly rowid: number };
interface IndexedPerson {
  readonly rowid: number;
  readonly name: string;
  readonly staffNumber: string;
  readonly email: string;
}

function assetSearchChanged(before: SearchedAsset, after: SearchedAsset): boolean {
  return (
    before.assetTag !== after.assetTag ||
    before.serialNumber !== after.serialNumber ||
    before.imei !== after.imei ||
    before.phoneNumber !== after.phoneNumber ||
    before.model !== after.model ||
    before.holderId !== after.holderId
  );
}

/**
 * Writes synced rows (a pull's puts and deletes, a rewind's before-images) with the search index and holder names
 * kept right. Two ways:
 *
 * - row by row (`bulk` false): each write looks the row up first and mends exactly the index entries it changes.
 * - bulk (a reset run, into tables the reset emptied): the secondary indexes are dropped and each row is one upsert
 *   and nothing else; `finishBulk` then builds the indexes again, mends the holder names of the few assets that
 *   arrived before their holder, and fills the search index in one pass. Until finishBulk, the store has no search
 *   index and no register indexes: nothing may read it, and no mutator may run (replay comes after).
 */
export class RowWriter {
  /** Bulk only: people written so far in this run, and holders whose assets' holder_name may be stale. */
  private readonly peopleSeen = new Set<string>();
  private readonly holdersToMend = new Set<string>();
  private readonly dropped: readonly IndexDefinition[];

  constructor(
    private readonly db: Database,
    readonly bulk: boolean,
  ) {
    this.dropped = bulk ? dropSecondaryIndexes(db) : [];
  }

  /** Validates and writes one row (throws bad_row for a row of the wrong shape, SqliteError for a broken constraint). */
  put(table: SyncedTable, row: unknown): void {
    const values = rowValues(SHAPES[table], row);
    if (table === 'assets') this.putAsset(values, row as SearchedAsset);
    else if (table === 'people') this.putPerson(values, row as IndexedPerson);
    else prepared(this.db, UPSERT[table]).run(values);
  }

  private putAsset(values: unknown[], asset: SearchedAsset): void {
    const holderId = values[HOLDER_AT];
    values.push(holderId);
    if (this.bulk) {
      prepared(this.db, UPSERT.assets).run(values);
      if (typeof holderId === 'string' && !this.peopleSeen.has(holderId)) this.holdersToMend.add(holderId);
      return;
    }
    const before = prepared(this.db, ASSET_LOOKUP).get(values[0]) as IndexedAsset | undefined;
    const { lastInsertRowid } = prepared(this.db, UPSERT.assets).run(values);
    if (before === undefined) indexAsset(this.db, lastInsertRowid, asset);
    else if (assetSearchChanged(before, asset)) reindexAsset(this.db, before.rowid, asset);
  }

  private putPerson(values: unknown[], person: IndexedPerson): void {
    const id = values[0] as string;
    if (this.bulk) {
      prepared(this.db, UPSERT.people).run(values);
      // Written twice in one run: assets that took the first name must take the second.
      if (this.peopleSeen.has(id)) this.holdersToMend.add(id);
      this.peopleSeen.add(id);
      return;
    }
    const before = prepared(this.db, PERSON_LOOKUP).get(id) as IndexedPerson | undefined;
    const { lastInsertRowid } = prepared(this.db, UPSERT.people).run(values);
    if (before === undefined) {
      indexPerson(this.db, lastInsertRowid, person);
      refreshHolderName(this.db, id);
      return;
    }
    if (before.name !== person.name || before.staffNumber !== person.staffNumber || before.email !== person.email) {
      unindexPerson(this.db, before.rowid);
      indexPerson(this.db, before.rowid, person);
    }
    if (before.name !== person.name) refreshHolderName(this.db, id);
  }

  /**
   * Moves a row's unique values (asset tag; staff number and email) out of the way, to placeholders no real value can
   * take, so rows that swapped values in the server's snapshot can each take their new one. The row's put follows.
   */
  park(table: SyncedTable, id: string): boolean {
    const columns = UNIQUE_VALUES[table];
    if (columns.length === 0) return false;
    const parked = columns.map((column) => `\u0001parked:${column}:${id}`);
    return prepared(this.db, `UPDATE ${table} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`).run(...parked, id).changes > 0;
  }

  /** Deletes one row if it is here; true when it was. */
  delete(table: SyncedTable, id: string): boolean {
    if (table === 'assets') {
      const found = prepared(this.db, 'SELECT rowid FROM assets WHERE id = ?').get(id) as { rowid: number } | undefined;
      if (!found) return false;
      if (!this.bulk) unindexAsset(this.db, found.rowid);
      prepared(this.db, 'DELETE FROM assets WHERE rowid = ?').run(found.rowid);
      return true;
    }
    if (table === 'people') {
      const found = prepared(this.db, 'SELECT rowid FROM people WHERE id = ?').get(id) as { rowid: number } | undefined;
      if (!found) return false;
      if (!this.bulk) unindexPerson(this.db, found.rowid);
      prepared(this.db, 'DELETE FROM people WHERE rowid = ?').run(found.rowid);
      // Assets still naming them as holder (a holder out of view) keep the id but no longer a name.
      if (this.bulk) this.holdersToMend.add(id);
      else refreshHolderName(this.db, id);
      return true;
    }
    return prepared(this.db, `DELETE FROM ${table} WHERE id = ?`).run(id).changes > 0;
  }

  /** Bulk only: builds the indexes again, mends late holder names, then indexes every row for search. Once, after the last page. */
  finishBulk(): void {
    if (!this.bulk) return;
    recreateIndexes(this.db, this.dropped);
    const mend = prepared(this.db, 'UPDATE assets SET holder_name = (SELECT name FROM people WHERE id = @id) WHERE holder_id = @id');
    for (const holderId of this.holdersToMend) mend.run({ id: holderId });
    this.holdersToMend.clear();
    this.peopleSeen.clear();
    indexEveryRow(this.db);
  }
}
