import { z } from 'zod';
import { ukDateOf } from '../../domain/calendar-date';
import { recordId } from '../../domain/fields';
import { FINAL_TRIP_STATUSES } from '../../domain/travel/trip-lifecycle';
import { openTrip } from '../../domain/travel/open-trip';
import { travelNotice } from '../../domain/travel/travel-notice';
import type { TripRecord } from '../../domain/travel/trip-record';
import { validateTripRequest, type DeviceFacts, type TripRequestContext, type ValidTripRequest } from '../../domain/travel/trip-validation';
import type { TripLeg } from '../../domain/travel/trip';
import { DomainError } from '../../result';
import { defineMutator } from '../define';
import type { MutatorTx } from '../tx';
import { appendTripEvent, insertRound, loadActor, loadCurrentPolicy, loadTripRows, tripColumnsOf } from './trip-store';

/**
 * The request's fields are checked by validateTripRequest (every problem at once, each under its field, in the form's
 * words), so the mutator's own schema only names the trip and the fields, refusing any other; their values pass
 * through to the domain as sent.
 */
export const tripRequestFieldsAsSent = { type: z.unknown().optional(), legs: z.unknown().optional(), deviceIds: z.unknown().optional(), justification: z.unknown().optional() };

export const travelRequestArgs = z.strictObject({ id: recordId('trip'), ...tripRequestFieldsAsSent });

/** What the store knows of each device asked for (only ids that are strings are looked up; the rest the schema names). */
async function deviceFacts(tx: MutatorTx, input: Record<string, unknown>): Promise<Map<string, DeviceFacts>> {
  const facts = new Map<string, DeviceFacts>();
  const ids = Array.isArray(input.deviceIds) ? input.deviceIds.filter((id): id is string => typeof id === 'string') : [];
  for (const id of ids) {
    const asset = await tx.get('assets', id);
    if (!asset) continue;
    // AUP 8.2: a phone whose line has an open suspension (not reinstated) stays in the UK.
    const suspensions = await tx.listBy('phone_suspensions', 'assetId', id);
    facts.set(id, {
      assetId: asset.id,
      assetTag: asset.assetTag,
      status: asset.status,
      holderId: asset.holderId,
      suspended: suspensions.some((row) => row.status !== 'reinstated'),
    });
  }
  return facts;
}

/** The traveller's other trips that are not final: a person cannot be on two trips at once. */
async function otherTrips(tx: MutatorTx, travellerId: string, except: string): Promise<{ legs: TripLeg[] }[]> {
  const trips = (await tx.listBy('trips', 'travellerId', travellerId)).filter((trip) => trip.id !== except && !FINAL_TRIP_STATUSES.includes(trip.status));
  const others: { legs: TripLeg[] }[] = [];
  for (const trip of trips) {
    const { legs } = await loadTripRows(tx, trip);
    others.push({ legs: legs.map((leg) => ({ country: leg.country as TripLeg['country'], from: leg.fromOn, to: leg.toOn })) });
  }
  return others;
}

/** Checks a request (or a resubmission) against the store; throws the domain's refusal, naming every field, on a problem. */
export async function validRequest(tx: MutatorTx, input: Record<string, unknown>, travellerId: string, tripId: string): Promise<ValidTripRequest> {
  // The trip's own id is not part of the request the traveller filled in.
  const request = Object.fromEntries(Object.entries(input).filter(([key]) => key !== 'id' && key !== 'tripId'));
  const context: TripRequestContext = {
    today: ukDateOf(tx.context.now),
    travellerId,
    devices: await deviceFacts(tx, request),
    otherTrips: await otherTrips(tx, travellerId, tripId),
  };
  const result = validateTripRequest(request, context);
  if (!result.ok) throw new DomainError(result.error.code, result.error.message, { ...result.error.fields });
  return result.value;
}

/** AUP 7.14: a trip with a leg in a "notify" country makes a notice for the security team, and says so on its timeline. */
export async function noticeIfNeeded(tx: MutatorTx, record: TripRecord): Promise<void> {
  const notice = travelNotice(record);
  if (notice === null) return;
  await tx.insert('travel_notices', {
    id: tx.newId(),
    tripId: notice.tripId,
    travellerId: notice.travellerId,
    tripType: notice.tripType,
    countries: notice.countries.join(','),
    fromOn: notice.from,
    toOn: notice.to,
    policyVersion: notice.policyVersion,
    createdAt: tx.context.now,
  });
  await appendTripEvent(tx, record, 'notified', notice.countries.join(', '));
}

/**
 * A member of staff requests a trip for themself (AUP 7.13): checked against the store, judged against the newest
 * country policy this store holds (the server's, on the authoritative run), and written with its legs, devices, first
 * timeline entry and, for a "notify" country, the AUP 7.14 notice, in one transaction.
 */
export const travelRequest = defineMutator({
  name: 'travel.request',
  args: travelRequestArgs,
  async run(tx, input) {
    const actor = await loadActor(tx);
    if (await tx.get('trips', input.id)) throw new DomainError('conflict', 'A trip with this id already exists', { id: 'A trip with this id already exists' });
    const valid = await validRequest(tx, input, actor.personId, input.id);
    const policy = await loadCurrentPolicy(tx);
    const record = openTrip(valid, policy, { id: input.id, travellerId: actor.personId, travellerName: actor.name, at: tx.context.now });
    const traveller = await tx.get('people', actor.personId);
    await tx.insert('trips', {
      id: record.id,
      travellerId: record.travellerId,
      travellerName: record.travellerName,
      lineManagerId: traveller?.lineManagerId ?? null,
      round: 1,
      ...tripColumnsOf(record, tx.context.now),
    });
    await insertRound(tx, record, 1);
    await appendTripEvent(tx, record, record.status === 'noted' ? 'noted' : 'requested', record.justification);
    await noticeIfNeeded(tx, record);
  },
});
