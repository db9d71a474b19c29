import type { Database } from '../../../../src-server/db/database';
import type { AssetRow } from '../../../../src-shared/domain/asset';
import type { PersonRow } from '../../../../src-shared/domain/person';

/** Rows per INSERT: one jsonb parameter of about 2 MB, well inside what both drivers pass comfortably. */
const SEED_BATCH_ROWS = 5_000;

const PEOPLE_SQL = `
  INSERT INTO people (id, staff_number, name, email, line_manager_id, roles, status, training_completed_on, created_at, updated_at)
  SELECT r.id, r."staffNumber", r.name, r.email, r."lineManagerId", r.roles, r.status, r."trainingCompletedOn", r."createdAt", r."updatedAt"
    FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "staffNumber" text, name text, email text, "lineManagerId" uuid, roles text[],
                                            status text, "trainingCompletedOn" date, "createdAt" timestamptz, "updatedAt" timestamptz)`;

const ASSETS_SQL = `
  INSERT INTO assets (id, asset_tag, serial_number, type, model, imei, phone_number, purchase_date, purchase_value_pence, location, notes,
                      status, holder_id, status_changed_at, status_changed_by, created_at, updated_at)
  SELECT r.id, r."assetTag", r."serialNumber", r.type, r.model, r.imei, r."phoneNumber", r."purchaseDate", r."purchaseValuePence",
         r.location, r.notes, r.status, r."holderId", r."statusChangedAt", r."statusChangedBy", r."createdAt", r."updatedAt"
    FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "assetTag" text, "serialNumber" text, type text, model text, imei text,
                                            "phoneNumber" text, "purchaseDate" date, "purchaseValuePence" bigint, location text, notes text,
                                            status text, "holderId" uuid, "statusChangedAt" timestamptz, "statusChangedBy" uuid,
                                            "createdAt" timestamptz, "updatedAt" timestamptz)`;

async function insertInBatches(db: Database, sql: string, rows: readonly object[]): Promise<void> {
  for (let start = 0; start < rows.length; start += SEED_BATCH_ROWS) {
    await db.query(sql, [JSON.stringify(rows.slice(start, start + SEED_BATCH_ROWS))]);
  }
}

/**
 * Loads a department straight into the central tables, as rows written before sync existed (version 0, which every
 * first sync sends). Pushing 880,000 generated mutations through the API would take minutes and is measured on its own
 * (sync-push.ts); the first sync measures reading the rows out, not writing them in. People come in generator order,
 * which puts every manager before their reports, so each batch's line-manager references are already there.
 */
export async function seedCentral(db: Database, rows: { readonly people: readonly PersonRow[]; readonly assets: readonly AssetRow[] }): Promise<void> {
  await insertInBatches(db, PEOPLE_SQL, rows.people);
  await insertInBatches(db, ASSETS_SQL, rows.assets);
  await db.exec('ANALYZE people; ANALYZE assets;');
}
