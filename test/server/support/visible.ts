import type { Queryable } from '../../../src-server/db/database';
import type { Actor } from '../../../src-shared/auth/actor';
import { managerLookup } from '../../../src-shared/auth/hierarchy';
import { canSee, canSeeAsset, canSeeAssetEvent, canSeePerson } from '../../../src-shared/auth/visibility';
import type { SyncedTable } from '../../../src-shared/sync/protocol';

/**
 * What the shared authorisation module (not the server's SQL) says the actor may see now, table by table: the ids a
 * complete pull must leave in the actor's store.
 */
export async function visibleIds(db: Queryable, actor: Actor): Promise<Record<SyncedTable, string[]>> {
  const people = (await db.query<{ id: string; manager: string | null }>('SELECT id::text AS id, line_manager_id::text AS manager FROM people')).rows;
  const managerOf = managerLookup(people.map((p) => ({ id: p.id, lineManagerId: p.manager })));
  const assets = (await db.query<{ id: string; holder: string | null }>('SELECT id::text AS id, holder_id::text AS holder FROM assets')).rows;
  const events = (await db.query<{ id: string; person: string | null }>('SELECT id::text AS id, person_id::text AS person FROM asset_events')).rows;
  const acks = (await db.query<{ id: string; person: string }>('SELECT id::text AS id, person_id::text AS person FROM aup_acknowledgements')).rows;
  const incidentRows = async (table: 'security_incidents' | 'loss_reports' | 'phone_suspensions' | 'incident_events') => {
    const rows = (await db.query<{ id: string; person: string | null }>(`SELECT id::text AS id, person_id::text AS person FROM ${table}`)).rows;
    return rows.filter((row) => canSee(actor, 'incident', row.person, managerOf)).map((row) => row.id).sort();
  };
  const tripRows = async (table: 'trips' | 'trip_legs' | 'trip_devices' | 'trip_events' | 'travel_notices') => {
    const rows = (await db.query<{ id: string; person: string }>(`SELECT id::text AS id, traveller_id::text AS person FROM ${table}`)).rows;
    return rows.filter((row) => canSee(actor, 'trip', row.person, managerOf)).map((row) => row.id).sort();
  };
  const everyone = async (table: 'country_policy_versions' | 'country_policy_rules') =>
    (await db.query<{ id: string }>(`SELECT id::text AS id FROM ${table}`)).rows.map((row) => row.id).sort();
  return {
    people: people.filter((p) => canSeePerson(actor, p, managerOf)).map((p) => p.id).sort(),
    assets: assets.filter((a) => canSeeAsset(actor, { holderId: a.holder }, managerOf)).map((a) => a.id).sort(),
    asset_events: events.filter((e) => canSeeAssetEvent(actor, { personId: e.person }, managerOf)).map((e) => e.id).sort(),
    aup_acknowledgements: acks.filter((k) => canSee(actor, 'person', k.person, managerOf)).map((k) => k.id).sort(),
    security_incidents: await incidentRows('security_incidents'),
    loss_reports: await incidentRows('loss_reports'),
    phone_suspensions: await incidentRows('phone_suspensions'),
    incident_events: await incidentRows('incident_events'),
    country_policy_versions: await everyone('country_policy_versions'),
    country_policy_rules: await everyone('country_policy_rules'),
    trips: await tripRows('trips'),
    trip_legs: await tripRows('trip_legs'),
    trip_devices: await tripRows('trip_devices'),
    trip_events: await tripRows('trip_events'),
    travel_notices: await tripRows('travel_notices'),
  };
}
