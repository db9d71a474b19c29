import type { Role } from '../../../src-shared/domain/roles';
import { newId } from '../../../src-shared/ids';
import { hashPassword } from '../../../src-server/auth/password';
import type { Queryable } from '../../../src-server/db/database';
import { TEST_PASSWORD_HASHING } from './api';

/**
 * A small department to test visibility against:
 *
 *   boss (line manager)                 dave (staff, no manager)
 *   ├── mgr (line manager)              desk (IT service desk)
 *   │   ├── alice (staff)               sec  (security)
 *   │   └── bob (staff)                 adm  (admin)
 *   └── carol (staff)
 *
 * Everyone holds one issued asset; two assets are in stock (no holder). Alice's laptop was held by Dave before her,
 * so its history has events about Dave that Alice must not see.
 */
export const PEOPLE = ['boss', 'mgr', 'alice', 'bob', 'carol', 'dave', 'desk', 'sec', 'adm'] as const;
export type Name = (typeof PEOPLE)[number];

const SHAPE: Readonly<Record<Name, { roles: Role[]; manager: Name | null }>> = {
  boss: { roles: ['staff', 'line_manager'], manager: null },
  mgr: { roles: ['staff', 'line_manager'], manager: 'boss' },
  alice: { roles: ['staff'], manager: 'mgr' },
  bob: { roles: ['staff'], manager: 'mgr' },
  carol: { roles: ['staff'], manager: 'boss' },
  dave: { roles: ['staff'], manager: null },
  desk: { roles: ['staff', 'it_service_desk'], manager: null },
  sec: { roles: ['staff', 'security'], manager: null },
  adm: { roles: ['staff', 'admin'], manager: null },
};

/** One person per role, for the endpoint × role matrix. */
export const PERSONA_BY_ROLE: Readonly<Record<Role, Name>> = {
  staff: 'alice',
  line_manager: 'mgr',
  it_service_desk: 'desk',
  security: 'sec',
  admin: 'adm',
};

export const PASSWORD = 'correct horse battery staple';

export interface SeededPerson {
  readonly id: string;
  readonly name: Name;
  readonly email: string;
  readonly lineManagerId: string | null;
  readonly roles: readonly Role[];
}

export interface SeededAsset {
  readonly id: string;
  readonly assetTag: string;
  readonly holderId: string | null;
}

export interface SeededEvent {
  readonly id: string;
  readonly assetId: string;
  readonly personId: string | null;
}

export interface Org {
  readonly people: Readonly<Record<Name, SeededPerson>>;
  readonly assets: readonly SeededAsset[];
  readonly events: readonly SeededEvent[];
  /** Alice's laptop, previously Dave's. */
  readonly handedDownAssetId: string;
}

const AT = '2026-01-05T10:00:00.000Z';

export async function insertPerson(db: Queryable, person: SeededPerson & { status?: string }): Promise<void> {
  await db.query(
    `INSERT INTO people (id, staff_number, name, email, line_manager_id, roles, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $8)`,
    [person.id, `S-${person.id.slice(-12).toUpperCase()}`, `Person ${person.name}`, person.email, person.lineManagerId, person.roles, person.status ?? 'active', AT],
  );
}

export async function insertAccount(db: Queryable, personId: string, passwordHash: string, mustChangePassword = false): Promise<void> {
  await db.query(
    `INSERT INTO accounts (person_id, password_hash, must_change_password, created_at, updated_at, password_changed_at) VALUES ($1, $2, $3, $4, $4, $4)`,
    [personId, passwordHash, mustChangePassword, AT],
  );
}

async function insertAsset(db: Queryable, asset: SeededAsset): Promise<void> {
  await db.query(
    `INSERT INTO assets (id, asset_tag, serial_number, type, model, status, holder_id, status_changed_at, created_at, updated_at)
     VALUES ($1, $2, $3, 'laptop', 'Dell Latitude 7450', $4, $5, $6, $6, $6)`,
    [asset.id, asset.assetTag, `SN-${asset.assetTag}`, asset.holderId === null ? 'in_stock' : 'issued', asset.holderId, AT],
  );
}

async function insertEvent(db: Queryable, event: SeededEvent & { event: string; from: string | null; to: string }): Promise<void> {
  await db.query(
    `INSERT INTO asset_events (id, asset_id, event, from_status, to_status, person_id, note, actor_id, client_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, NULL, NULL, 'seed', $7)`,
    [event.id, event.assetId, event.event, event.from, event.to, event.personId, AT],
  );
}

/** Seeds the department straight into the tables (the sync that will normally fill them is a later issue). */
export async function seedOrg(db: Queryable): Promise<Org> {
  const ids = Object.fromEntries(PEOPLE.map((name) => [name, newId()])) as Record<Name, string>;
  const person = (name: Name): SeededPerson => {
    const { roles, manager } = SHAPE[name];
    return { id: ids[name], name, email: `${name}@example.gov.uk`, lineManagerId: manager === null ? null : ids[manager], roles };
  };
  const people: Record<Name, SeededPerson> = {
    boss: person('boss'),
    mgr: person('mgr'),
    alice: person('alice'),
    bob: person('bob'),
    carol: person('carol'),
    dave: person('dave'),
    desk: person('desk'),
    sec: person('sec'),
    adm: person('adm'),
  };
  const passwordHash = await hashPassword(PASSWORD, TEST_PASSWORD_HASHING);
  for (const name of PEOPLE) {
    if (people[name].lineManagerId === null) await insertPerson(db, people[name]);
  }
  // Managers before their reports (foreign key).
  for (const name of ['mgr', 'carol', 'alice', 'bob'] as const) await insertPerson(db, people[name]);
  for (const name of PEOPLE) await insertAccount(db, ids[name], passwordHash);

  const assets: SeededAsset[] = [];
  const events: SeededEvent[] = [];
  for (const name of PEOPLE) assets.push({ id: newId(), assetTag: `LT-${name.toUpperCase()}`, holderId: ids[name] });
  assets.push({ id: newId(), assetTag: 'LT-STOCK-1', holderId: null }, { id: newId(), assetTag: 'LT-STOCK-2', holderId: null });
  for (const asset of assets) {
    await insertAsset(db, asset);
    const created = { id: newId(), assetId: asset.id, personId: null };
    await insertEvent(db, { ...created, event: 'create', from: null, to: 'in_stock' });
    events.push(created);
  }
  const handedDown = assets[PEOPLE.indexOf('alice')];
  if (!handedDown) throw new Error('seed: no asset for alice');
  for (const [event, from, to, personId] of [
    ['issue', 'in_stock', 'issued', ids.dave],
    ['return', 'issued', 'returned', ids.dave],
    ['restock', 'returned', 'in_stock', null],
  ] as const) {
    const row = { id: newId(), assetId: handedDown.id, personId };
    await insertEvent(db, { ...row, event, from, to });
    events.push(row);
  }
  for (const asset of assets) {
    if (asset.holderId === null) continue;
    const issued = { id: newId(), assetId: asset.id, personId: asset.holderId };
    await insertEvent(db, { ...issued, event: 'issue', from: 'in_stock', to: 'issued' });
    events.push(issued);
  }
  return { people, assets, events, handedDownAssetId: handedDown.id };
}
