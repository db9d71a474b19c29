import type { Database } from 'better-sqlite3';
import { withoutFtsMerging } from './fts-bulk-fill';
import { prepared } from './prepared';
import type { Rows, TableName } from '../../src-shared/domain/tables';

/**
 * Keeps the full-text tables (asset_search, people_search) in step with assets and people. This used to be done by
 * triggers, but a statement that fires a trigger opens a statement savepoint, and FTS5 writes its pending terms to
 * disk as a new tiny segment at every savepoint: with triggers, every asset created flushed (and merged) the index
 * once or twice, about 120 µs a row, which capped an import near 4,000 rows a second. Separate single-row
 * INSERT … VALUES and DELETE statements open no savepoint, so the terms of a whole batch are flushed once.
 * Every write to assets and people goes through SqliteTx, which calls these after each insert and update.
 */
const ASSET_SEARCHED: readonly (keyof Rows['assets'])[] = ['assetTag', 'serialNumber', 'imei', 'phoneNumber', 'model', 'holderId'];
const PERSON_SEARCHED: readonly (keyof Rows['people'])[] = ['name', 'staffNumber', 'email'];

export function indexAsset(
  db: Database,
  rowid: number | bigint,
  asset: Pick<Rows['assets'], 'assetTag' | 'serialNumber' | 'imei' | 'phoneNumber' | 'model' | 'holderId'>,
): void {
  prepared(
    db,
    `INSERT INTO asset_search (rowid, asset_tag, serial_number, imei, phone_number, model, holder_name)
     VALUES (?, ?, ?, ?, ?, ?, (SELECT name FROM people WHERE id = ?))`,
  ).run(rowid, asset.assetTag, asset.serialNumber, asset.imei, asset.phoneNumber, asset.model, asset.holderId);
}

export function indexPerson(db: Database, rowid: number | bigint, person: Pick<Rows['people'], 'name' | 'staffNumber' | 'email'>): void {
  prepared(db, 'INSERT INTO people_search (rowid, name, staff_number, email) VALUES (?, ?, ?, ?)').run(
    rowid,
    person.name,
    person.staffNumber,
    person.email,
  );
}

/**
 * A bulk load (an import that at least doubles a table) indexes its new rows in one INSERT … SELECT at the end instead
 * of one statement per row: FTS5 then tokenises them in one pass inside SQLite, about half the cost. Keyed by
 * connection; only inserts are deferred, updates are still indexed as they happen.
 */
const deferredFrom = new WeakMap<Database, { assets: number; people: number }>();

function maxRowid(db: Database, table: 'assets' | 'people'): number {
  return (db.prepare(`SELECT COALESCE(MAX(rowid), 0) AS n FROM ${table}`).get() as { n: number }).n;
}

/** From now on, rows inserted on this connection are indexed by `indexDeferredRows`, not one by one. */
export function deferSearchIndexing(db: Database): void {
  if (!db.inTransaction) throw new Error('Search indexing is only deferred inside the transaction that catches up');
  deferredFrom.set(db, { assets: maxRowid(db, 'assets'), people: maxRowid(db, 'people') });
}

/** Indexes every row inserted since deferSearchIndexing, and goes back to indexing row by row. */
export function indexDeferredRows(db: Database): void {
  const from = deferredFrom.get(db);
  if (!from) return;
  deferredFrom.delete(db);
  withoutFtsMerging(db, ['asset_search', 'people_search'], () => {
    db.prepare(
      `INSERT INTO asset_search (rowid, asset_tag, serial_number, imei, phone_number, model, holder_name)
       SELECT rowid, asset_tag, serial_number, imei, phone_number, model, (SELECT name FROM people WHERE id = holder_id)
         FROM assets WHERE rowid > ? ORDER BY rowid`,
    ).run(from.assets);
    db.prepare(
      'INSERT INTO people_search (rowid, name, staff_number, email) SELECT rowid, name, staff_number, email FROM people WHERE rowid > ? ORDER BY rowid',
    ).run(from.people);
  });
}

/** Forgets a deferral without indexing (the transaction rolled back, taking the rows with it). */
export function cancelDeferredIndexing(db: Database): void {
  deferredFrom.delete(db);
}

export function searchIndexInserted<T extends TableName>(db: Database, table: T, rowid: number | bigint, row: Rows[T]): void {
  if (deferredFrom.has(db)) return;
  if (table === 'assets') indexAsset(db, rowid, row as Rows['assets']);
  if (table === 'people') indexPerson(db, rowid, row as Rows['people']);
}

export function searchIndexUpdated<T extends TableName>(db: Database, table: T, id: string, patch: Partial<Rows[T]>): void {
  const changed = (fields: readonly string[]) => fields.some((field) => field in patch);
  if (table === 'assets' && changed(ASSET_SEARCHED)) {
    const asset = prepared(
      db,
      `SELECT rowid, asset_tag AS assetTag, serial_number AS serialNumber, imei, phone_number AS phoneNumber, model, holder_id AS holderId
           FROM assets WHERE id = ?`,
    ).get(id) as (Rows['assets'] & { rowid: number }) | undefined;
    if (!asset) return;
    prepared(db, 'DELETE FROM asset_search WHERE rowid = ?').run(asset.rowid);
    indexAsset(db, asset.rowid, asset);
  }
  if (table === 'people' && changed(PERSON_SEARCHED)) {
    const person = prepared(db, 'SELECT rowid, name, staff_number AS staffNumber, email FROM people WHERE id = ?').get(id) as
      (Rows['people'] & { rowid: number }) | undefined;
    if (!person) return;
    prepared(db, 'DELETE FROM people_search WHERE rowid = ?').run(person.rowid);
    indexPerson(db, person.rowid, person);
    if ('name' in patch) {
      prepared(db, 'UPDATE asset_search SET holder_name = ? WHERE rowid IN (SELECT rowid FROM assets WHERE holder_id = ?)').run(person.name, id);
    }
  }
}
