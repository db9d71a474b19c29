import type { Actor } from '../../src-shared/auth/actor';
import type { AssetType } from '../../src-shared/domain/asset';
import type { AssetStatus } from '../../src-shared/domain/asset-lifecycle';
import { visibleCondition } from '../authz/sql-scope';
import type { Queryable } from '../db/database';
import { keysetPage, type KeysetPage, type PageRequest } from '../db/keyset-page';
import { integerOrNull, isoTime } from '../db/rows';
import { SqlParams, where } from '../db/sql';
import type { AssetEventView, AssetFilters, AssetView } from './asset-schema';

interface AssetDbRow {
  id: string;
  asset_tag: string;
  serial_number: string;
  type: AssetType;
  model: string;
  imei: string | null;
  phone_number: string | null;
  purchase_date: string | null;
  purchase_value_pence: unknown;
  location: string | null;
  notes: string | null;
  status: AssetStatus;
  holder_id: string | null;
  status_changed_at: unknown;
  status_changed_by: string | null;
  created_at: unknown;
  updated_at: unknown;
}

const SELECT_ASSETS = `SELECT a.id::text AS id, a.asset_tag, a.serial_number, a.type, a.model, a.imei, a.phone_number,
       a.purchase_date::text AS purchase_date, a.purchase_value_pence, a.location, a.notes, a.status, a.holder_id::text AS holder_id,
       a.status_changed_at, a.status_changed_by::text AS status_changed_by, a.created_at, a.updated_at
  FROM assets a`;

function toAssetView(row: AssetDbRow): AssetView {
  return {
    id: row.id,
    assetTag: row.asset_tag,
    serialNumber: row.serial_number,
    type: row.type,
    model: row.model,
    imei: row.imei,
    phoneNumber: row.phone_number,
    purchaseDate: row.purchase_date,
    purchaseValuePence: integerOrNull(row.purchase_value_pence),
    location: row.location,
    notes: row.notes,
    status: row.status,
    holderId: row.holder_id,
    statusChangedAt: isoTime(row.status_changed_at),
    statusChangedBy: row.status_changed_by,
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  };
}

/** Assets the actor may see (by holder), filtered and paged by id. */
export async function listAssets(db: Queryable, actor: Actor, filters: Omit<AssetFilters, keyof PageRequest>, page: PageRequest): Promise<KeysetPage<AssetView>> {
  const params = new SqlParams();
  const conditions = [visibleCondition(actor, 'asset', 'a.holder_id', params)];
  if (filters.status !== undefined) conditions.push(`a.status = ${params.add(filters.status)}`);
  if (filters.type !== undefined) conditions.push(`a.type = ${params.add(filters.type)}`);
  if (filters.holderId !== undefined) conditions.push(`a.holder_id = ${params.add(filters.holderId)}::uuid`);
  if (filters.assetTag !== undefined) conditions.push(`a.asset_tag = ${params.add(filters.assetTag)}`);
  if (page.after !== undefined) conditions.push(`a.id > ${params.add(page.after)}::uuid`);
  return keysetPage(db, `${SELECT_ASSETS} WHERE ${where(conditions)} ORDER BY a.id`, params, page.limit, toAssetView);
}

export async function getAsset(db: Queryable, actor: Actor, assetId: string): Promise<AssetView | undefined> {
  const params = new SqlParams();
  const conditions = [`a.id = ${params.add(assetId)}::uuid`, visibleCondition(actor, 'asset', 'a.holder_id', params)];
  const { rows } = await db.query<AssetDbRow>(`${SELECT_ASSETS} WHERE ${where(conditions)}`, params.values);
  const row = rows[0];
  return row ? toAssetView(row) : undefined;
}

interface AssetEventDbRow {
  id: string;
  asset_id: string;
  event: AssetEventView['event'];
  from_status: AssetStatus | null;
  to_status: AssetStatus;
  person_id: string | null;
  note: string | null;
  actor_id: string | null;
  client_id: string;
  at: unknown;
}

function toEventView(row: AssetEventDbRow): AssetEventView {
  return {
    id: row.id,
    assetId: row.asset_id,
    event: row.event,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    personId: row.person_id,
    note: row.note,
    actorId: row.actor_id,
    clientId: row.client_id,
    at: isoTime(row.at),
  };
}

/**
 * An asset's history, as far as the actor may see it. Each event is scoped by the person it concerns, not by the
 * asset's current holder: the person now holding a laptop does not see who held it before them.
 * The caller first checks the asset itself is visible.
 */
export async function listAssetEvents(db: Queryable, actor: Actor, assetId: string, page: PageRequest): Promise<KeysetPage<AssetEventView>> {
  const params = new SqlParams();
  const conditions = [`e.asset_id = ${params.add(assetId)}::uuid`, visibleCondition(actor, 'asset_event', 'e.person_id', params)];
  if (page.after !== undefined) conditions.push(`e.id > ${params.add(page.after)}::uuid`);
  return keysetPage(
    db,
    `SELECT e.id::text AS id, e.asset_id::text AS asset_id, e.event, e.from_status, e.to_status, e.person_id::text AS person_id, e.note,
            e.actor_id::text AS actor_id, e.client_id, e.at
       FROM asset_events e WHERE ${where(conditions)} ORDER BY e.id`,
    params,
    page.limit,
    toEventView,
  );
}
