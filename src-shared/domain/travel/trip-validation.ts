import type { AssetStatus } from '../asset-lifecycle';
import { err, ok, type Result } from '../../result';
import { fieldErrors } from '../../validation';
import { countryName } from './countries';
import { formatDate, legsOverlap } from './trip-dates';
import { describeTrip } from './trip-record';
import { pastStartDates, tripRequestInput } from './trip-request';
import type { TripDevice, TripLeg, TripType } from './trip';

/**
 * Checks a travel request against the facts it depends on: today's date, the devices asked for, and the traveller's
 * other trips. Problems come back together, each under its field ("legs.1.from", "deviceIds.0"), so the form can show
 * them all: first those of the request itself, then (once it is well formed) those that need the store. Nothing is
 * written unless this returns ok.
 */

/** What the store knows of one device, looked up by the caller for each id asked for. */
export interface DeviceFacts {
  readonly assetId: string;
  readonly assetTag: string;
  readonly status: AssetStatus;
  /** Set exactly when the asset is issued. */
  readonly holderId: string | null;
  /** AUP 8.2: the phone's line has an open suspension (requested, suspended or wiped and not reinstated). */
  readonly suspended: boolean;
}

export interface TripRequestContext {
  /** Today's date in the UK (YYYY-MM-DD), worked out by the caller. */
  readonly today: string;
  readonly travellerId: string;
  readonly devices: ReadonlyMap<string, DeviceFacts>;
  /** The traveller's other trips that are not final: a person cannot be on two trips at once. */
  readonly otherTrips: readonly { readonly legs: readonly TripLeg[] }[];
}

export interface ValidTripRequest {
  readonly type: TripType;
  /** Sorted by start date. */
  readonly legs: readonly TripLeg[];
  readonly devices: readonly TripDevice[];
  readonly justification: string | null;
}

const OUT_OF_USE: Partial<Record<AssetStatus, string>> = { lost: 'reported lost', stolen: 'reported stolen', damaged: 'reported damaged' };

/** Why a device cannot go, or null when it can: only equipment the traveller holds and can use leaves the UK. */
export function deviceProblem(facts: DeviceFacts | undefined, travellerId: string): string | null {
  if (facts === undefined) return 'That device is not in the register: choose from the equipment you hold';
  const outOfUse = OUT_OF_USE[facts.status];
  if (outOfUse !== undefined) return `${facts.assetTag} is ${outOfUse}, so it cannot go abroad`;
  if (facts.suspended) return `${facts.assetTag} has its line suspended (AUP 8.2), so it cannot go abroad`;
  if (facts.status !== 'issued' || facts.holderId !== travellerId) return `${facts.assetTag} is not issued to you: choose from the equipment you hold`;
  return null;
}

function describeProblems(fields: Record<string, string>): string {
  const count = Object.keys(fields).length;
  const list = Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
  return `The travel request has ${count === 1 ? 'a problem' : `${String(count)} problems`}: ${list}`;
}

export function validateTripRequest(input: unknown, context: TripRequestContext): Result<ValidTripRequest> {
  // The static schema plus the past-date rule applied here, rather than tripRequestFormSchema(today): building a zod
  // schema per call costs more than the whole check. The messages and the first-wins order per field are the same.
  const parsed = tripRequestInput.safeParse(input);
  const shapeProblems = parsed.success ? {} : fieldErrors(parsed.error);
  const sentLegs = typeof input === 'object' && input !== null ? (input as { legs?: unknown }).legs : undefined;
  for (const { path, message } of pastStartDates(sentLegs, context.today)) shapeProblems[path.join('.')] ??= message;
  if (!parsed.success || Object.keys(shapeProblems).length > 0) return err('invalid_input', describeProblems(shapeProblems), shapeProblems);
  const request = parsed.data;

  const fields: Record<string, string> = {};
  const devices: TripDevice[] = [];
  request.deviceIds.forEach((id, index) => {
    const facts = context.devices.get(id);
    const problem = deviceProblem(facts, context.travellerId);
    if (problem !== null) fields[`deviceIds.${String(index)}`] = problem;
    else if (facts !== undefined) devices.push({ assetId: facts.assetId, assetTag: facts.assetTag });
  });
  request.legs.forEach((leg, index) => {
    const clash = context.otherTrips.find((other) => other.legs.some((otherLeg) => legsOverlap(otherLeg, leg)));
    if (clash !== undefined) {
      fields[`legs.${String(index)}.from`] =
        `Your dates in ${countryName(leg.country)} (${formatDate(leg.from)} to ${formatDate(leg.to)}) overlap ${describeTrip(clash)}: change the dates, or withdraw that trip first`;
    }
  });
  if (Object.keys(fields).length > 0) return err('invalid_input', describeProblems(fields), fields);

  return ok({
    type: request.type,
    legs: [...request.legs].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)),
    devices,
    justification: request.justification,
  });
}
