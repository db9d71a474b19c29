import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src-shared/auth/actor';
import { managerLookup } from '../../src-shared/auth/hierarchy';
import { canSee, RESOURCES, type Resource } from '../../src-shared/auth/visibility';
import { ROLE_VALUES } from '../../src-shared/domain/roles';
import { newId } from '../../src-shared/ids';
import { visibleCondition } from '../../src-server/authz/sql-scope';
import type { Queryable } from '../../src-server/db/database';
import { SqlParams } from '../../src-server/db/sql';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/databases';

const SUBJECT_SQL: Readonly<Record<Resource, { from: string; column: string }>> = {
  person: { from: 'people p', column: 'p.id' },
  asset: { from: 'assets a', column: 'a.holder_id' },
  asset_event: { from: 'asset_events e', column: 'e.person_id' },
  incident: { from: 'security_incidents i', column: 'i.person_id' },
  trip: { from: 'trips t', column: 't.traveller_id' },
  country_policy: { from: 'country_policy_versions c', column: 'c.set_by' },
};

async function visibleIds(tx: Queryable, actor: Actor, resource: Resource): Promise<string[]> {
  const params = new SqlParams();
  const { from, column } = SUBJECT_SQL[resource];
  const alias = from.split(' ')[1] ?? '';
  const { rows } = await tx.query<{ id: string }>(`SELECT ${alias}.id::text AS id FROM ${from} WHERE ${visibleCondition(actor, resource, column, params)}`, params.values);
  return rows.map((row) => row.id).sort();
}

/** A random directory: managers chosen freely (cycles included), assets held by anyone or no one, events about anyone. */
const worlds = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc.record({
    managers: fc.array(fc.option(fc.nat({ max: n - 1 }), { nil: null }), { minLength: n, maxLength: n }),
    holders: fc.array(fc.option(fc.nat({ max: n - 1 }), { nil: null }), { maxLength: 8 }),
    eventPeople: fc.array(fc.option(fc.nat({ max: n - 1 }), { nil: null }), { maxLength: 8 }),
    actorIndex: fc.nat({ max: n - 1 }),
    roles: fc.subarray([...ROLE_VALUES]),
  }),
);

class RollBack extends Error {}

describe.each(BACKENDS)('SQL visibility scopes on %s', { timeout: 30_000 }, (backend) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(backend);
  }, 60_000);
  afterAll(() => test.close());

  it('return exactly the records the shared authorisation module allows, for any hierarchy, holder and roles', async () => {
    await fc.assert(
      fc.asyncProperty(worlds, async (world) => {
        try {
          await test.db.transaction(async (tx) => {
            const ids = world.managers.map(() => newId());
            const at = '2026-01-01T00:00:00Z';
            for (const [i, id] of ids.entries()) {
              await tx.query(
                "INSERT INTO people (id, staff_number, name, email, created_at, updated_at) VALUES ($1, $2, 'P', $3, $4, $4)",
                [id, `S${String(i)}`, `p${String(i)}@example.gov.uk`, at],
              );
            }
            const people = ids.map((id, i) => {
              const manager = world.managers[i] ?? null;
              return { id, lineManagerId: manager === null || manager === i ? null : (ids[manager] ?? null) };
            });
            for (const person of people) {
              if (person.lineManagerId !== null) await tx.query('UPDATE people SET line_manager_id = $2 WHERE id = $1', [person.id, person.lineManagerId]);
            }
            const assets = world.holders.map((holder) => ({ id: newId(), holderId: holder === null ? null : (ids[holder] ?? null) }));
            for (const [i, asset] of assets.entries()) {
              await tx.query(
                `INSERT INTO assets (id, asset_tag, serial_number, type, model, status, holder_id, status_changed_at, created_at, updated_at)
                 VALUES ($1, $2, 'SN', 'laptop', 'M', $3, $4, $5, $5, $5)`,
                [asset.id, `T${String(i)}`, asset.holderId === null ? 'in_stock' : 'issued', asset.holderId, at],
              );
            }
            const carrier = newId();
            await tx.query(
              `INSERT INTO assets (id, asset_tag, serial_number, type, model, status, status_changed_at, created_at, updated_at)
               VALUES ($1, 'CARRIER', 'SN', 'laptop', 'M', 'in_stock', $2, $2, $2)`,
              [carrier, at],
            );
            const events = world.eventPeople.map((person) => ({ id: newId(), personId: person === null ? null : (ids[person] ?? null) }));
            for (const event of events) {
              await tx.query(
                "INSERT INTO asset_events (id, asset_id, event, to_status, person_id, client_id, at) VALUES ($1, $2, 'issue', 'issued', $3, 'test', $4)",
                [event.id, carrier, event.personId, at],
              );
            }

            // An incident about each event's person (or no one), closed so that several may name the carrier.
            const incidents = events.map((event, i) => ({ id: newId(), personId: event.personId, reference: `SEC-2026-ABCDE-${String(i + 1).padStart(4, '0')}` }));
            for (const incident of incidents) {
              await tx.query(
                `INSERT INTO security_incidents (id, reference, asset_id, asset_tag, asset_type, person_id, kind, occurred_on, status, opened_at,
                                                 outcome, closed_at, updated_at)
                 VALUES ($1, $2, $3, 'CARRIER', 'laptop', $4, 'lost', '2026-01-01', 'closed', $5, 'written_off', $5, $5)`,
                [incident.id, incident.reference, carrier, incident.personId, at],
              );
            }

            // A trip for each person, and a country policy version everyone may read.
            const trips = people.map((person) => ({ id: newId(), travellerId: person.id }));
            for (const trip of trips) {
              await tx.query(
                `INSERT INTO trips (id, traveller_id, traveller_name, type, round, starts_on, ends_on, policy_version, needs_security, status,
                                    status_set_at, updated_at)
                 VALUES ($1, $2, 'Traveller', 'personal', 1, '2026-03-01', '2026-03-05', 1, 'no', 'noted', $3, $3)`,
                [trip.id, trip.travellerId, at],
              );
            }
            const policyVersion = newId();
            await tx.query("INSERT INTO country_policy_versions (id, policy_version, effective_at, reason) VALUES ($1, 2, $2, 'Test')", [policyVersion, at]);

            const actor: Actor = { personId: ids[world.actorIndex] ?? '', roles: world.roles };
            const managerOf = managerLookup(people);
            const expected: Record<Resource, string[]> = {
              person: people.filter((p) => canSee(actor, 'person', p.id, managerOf)).map((p) => p.id),
              asset: assets.filter((a) => canSee(actor, 'asset', a.holderId, managerOf)).map((a) => a.id),
              asset_event: events.filter((e) => canSee(actor, 'asset_event', e.personId, managerOf)).map((e) => e.id),
              incident: incidents.filter((i) => canSee(actor, 'incident', i.personId, managerOf)).map((i) => i.id),
              trip: trips.filter((t) => canSee(actor, 'trip', t.travellerId, managerOf)).map((t) => t.id),
              country_policy: [policyVersion],
            };
            if (canSee(actor, 'asset', null, managerOf)) expected.asset.push(carrier);
            for (const resource of RESOURCES) {
              expect(await visibleIds(tx, actor, resource)).toEqual(expected[resource].sort());
            }
            throw new RollBack();
          });
        } catch (error) {
          if (!(error instanceof RollBack)) throw error;
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
