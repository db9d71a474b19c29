import type { Store } from '../../../src-main/store/open-store';
import { newId } from '../../../src-shared/ids';
import { addPerson, desk, type Desk } from '../incidents/support';

export { addPerson, desk, issuedAsset, type Desk } from '../incidents/support';

/** A small department: a manager with two reports, a security officer, and a security officer who is also a manager. */
export async function travelTeam(): Promise<{ d: Desk; manager: string; ada: string; grace: string; sec: string; secManager: string; bob: string }> {
  const d = desk();
  const secManager = await addPerson(d, 'Sam Secure-Boss', { roles: ['staff', 'line_manager', 'security'] });
  const manager = await addPerson(d, 'Bo Boss', { roles: ['staff', 'line_manager'] });
  const ada = await addPerson(d, 'Ada Lovelace', { lineManagerId: manager });
  const grace = await addPerson(d, 'Grace Hopper', { lineManagerId: manager });
  const bob = await addPerson(d, 'Bob Report', { lineManagerId: secManager });
  const sec = await addPerson(d, 'Sue Security', { roles: ['staff', 'security'] });
  return { d, manager, ada, grace, sec, secManager, bob };
}

/** An official trip request (2026-11-25 to 2026-11-30 in France, two days after the desk's clock starts). */
export function tripRequest(extra: Record<string, unknown> = {}) {
  return {
    id: newId(),
    type: 'official',
    legs: [{ country: 'FR', from: '2026-11-25', to: '2026-11-30' }],
    deviceIds: [],
    justification: 'Conference in Paris',
    ...extra,
  };
}

/** Every row count of the travel tables and the outbox, to show a refusal wrote nothing. */
export function travelCounts(store: Store): Record<string, number> {
  const count = (table: string) => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const tables = ['country_policy_versions', 'country_policy_rules', 'trips', 'trip_legs', 'trip_devices', 'trip_events', 'travel_notices', 'outbox'];
  return Object.fromEntries(tables.map((table) => [table, count(table)]));
}

export function tripRow(store: Store, id: string): Record<string, unknown> {
  return store.db.prepare('SELECT * FROM trips WHERE id = ?').get(id) as Record<string, unknown>;
}

export function tripEvents(store: Store, id: string): string[] {
  return (store.db.prepare('SELECT event FROM trip_events WHERE trip_id = ? ORDER BY rowid').all(id) as { event: string }[]).map((row) => row.event);
}
