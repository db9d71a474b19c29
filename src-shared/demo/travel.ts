import { v5 as uuidv5 } from 'uuid';
import { ukDateOf } from '../domain/calendar-date';
import { addDays } from '../domain/travel/trip-dates';
import type { DemoMutation } from './mutation';
import type { PersonPlan } from './people';

/**
 * A handful of trips abroad (AUP 7.13, 7.14) told once at the end of the department, so the demo's approval queues,
 * country policy and "who is abroad" lists have something in them and every travel mutator is used. One traveller
 * (the first active holder of an issued asset with a line manager) tells every story with that asset; their line
 * manager and a security officer decide. Nothing here draws on the seeded faker, so the rest of the department is
 * exactly what it was without them; ids derive from the traveller's asset.
 */
export interface TravelCast {
  readonly traveller: PersonPlan;
  readonly managerId: string;
  readonly securityId: string;
  readonly assetId: string;
}

/** Fixed namespace for trip ids derived from the traveller's asset id. */
const TRIP_NAMESPACE = '5c2e8a41-7d93-4b0f-a6e1-3f9d2b8c4e17';

export function travelCast(people: readonly PersonPlan[], traveller: PersonPlan, assetId: string): TravelCast | null {
  const managerId = traveller.lineManagerId;
  const security = people.find((person) => person.roles.includes('security') && person.status !== 'left' && person.id !== traveller.id && person.id !== managerId);
  if (managerId === null || security === undefined || traveller.status !== 'active') return null;
  return { traveller, managerId, securityId: security.id, assetId };
}

export function* travelMutations(cast: TravelCast, asOf: string): Generator<DemoMutation> {
  const { traveller, managerId, securityId, assetId } = cast;
  const today = ukDateOf(asOf);
  const day = (days: number) => addDays(today, days);
  const tripId = (name: string) => uuidv5(`${assetId}/${name}`, TRIP_NAMESPACE);
  const by = (actorId: string, mutation: DemoMutation): DemoMutation => ({ ...mutation, actorId });
  const leg = (country: string, from: number, to: number) => ({ country, from: day(from), to: day(to) });

  // The security team classifies a few countries (version 2).
  yield by(securityId, {
    name: 'countryPolicy.change',
    args: {
      basedOnVersion: 1,
      changes: [
        { country: 'FR', tier: 'permitted', notify: false },
        { country: 'DE', tier: 'permitted', notify: false },
        { country: 'CN', tier: 'security_review', notify: true },
        { country: 'KP', tier: 'prohibited', notify: true },
      ],
      reason: 'First classification of the countries staff travel to most',
    },
  });

  // A laptop to a security-review country: both approvals, away and back, the laptop confirmed home.
  const china = tripId('china');
  yield by(traveller.id, {
    name: 'travel.request',
    args: { id: china, type: 'official', legs: [leg('CN', 0, 4)], deviceIds: [assetId], justification: 'Trade delegation' },
  });
  yield by(managerId, { name: 'travel.approveAsManager', args: { tripId: china, reason: 'Needed for the delegation' } });
  yield by(securityId, { name: 'travel.approveAsSecurity', args: { tripId: china, reason: 'Briefed on device precautions' } });
  yield by(traveller.id, { name: 'travel.recordDeparture', args: { tripId: china } });
  yield by(traveller.id, { name: 'travel.confirmDeviceReturned', args: { tripId: china, assetId, returnedOn: today } });

  // No device: approved, away and back the same week.
  const germany = tripId('germany');
  yield by(traveller.id, { name: 'travel.request', args: { id: germany, type: 'official', legs: [leg('DE', 0, 2)], justification: 'Partner meeting in Berlin' } });
  yield by(managerId, { name: 'travel.approveAsManager', args: { tripId: germany, reason: 'Fine' } });
  yield by(traveller.id, { name: 'travel.recordDeparture', args: { tripId: germany } });
  yield by(traveller.id, { name: 'travel.recordReturn', args: { tripId: germany } });

  // Approved, then France becomes a notify country (version 3): flagged, resubmitted, approved again, then called off.
  const france = tripId('france');
  yield by(traveller.id, { name: 'travel.request', args: { id: france, type: 'official', legs: [leg('FR', 10, 14)], justification: 'Conference in Paris' } });
  yield by(managerId, { name: 'travel.approveAsManager', args: { tripId: france, reason: 'Good conference' } });
  yield by(securityId, {
    name: 'countryPolicy.change',
    args: { basedOnVersion: 2, changes: [{ country: 'FR', tier: 'permitted', notify: true }], reason: 'Heightened threat level during the summit' },
  });
  yield by(traveller.id, { name: 'travel.resubmit', args: { tripId: france, type: 'official', legs: [leg('FR', 10, 14)], justification: 'Conference in Paris' } });
  yield by(managerId, { name: 'travel.approveAsManager', args: { tripId: france, reason: 'Still needed' } });
  yield by(managerId, { name: 'travel.cancel', args: { tripId: france, reason: 'The conference moved online' } });

  // Waiting in the manager's queue, withdrawn, rejected, and a personal trip noted for the security team.
  yield by(traveller.id, { name: 'travel.request', args: { id: tripId('italy'), type: 'official', legs: [leg('IT', 20, 23)], justification: 'Training course' } });
  const spain = tripId('spain');
  yield by(traveller.id, { name: 'travel.request', args: { id: spain, type: 'official', legs: [leg('ES', 30, 31)], justification: 'Site visit' } });
  yield by(traveller.id, { name: 'travel.withdraw', args: { tripId: spain, reason: 'Visit postponed' } });
  const korea = tripId('korea');
  yield by(traveller.id, { name: 'travel.request', args: { id: korea, type: 'official', legs: [leg('KP', 40, 42)], justification: 'Observer mission' } });
  yield by(managerId, { name: 'travel.reject', args: { tripId: korea, reason: 'Not our team’s mission' } });
  yield by(traveller.id, { name: 'travel.request', args: { id: tripId('holiday'), type: 'personal', legs: [leg('CN', 50, 60)] } });
}
