import { isCalendarDate } from '../calendar-date';
import type { Role } from '../roles';
import { err, ok, type Result } from '../../result';
import { departureProblems } from './approval-coverage';
import { ruleFor, type CountryPolicyVersion } from './country-policy';
import { formatDate, tripEnd, tripStart } from './trip-dates';
import { canApplyTrip, TRIP_TRANSITIONS, tripRefusalMessage, type TravelParty, type TripCommand, type TripStatus } from './trip-lifecycle';
import { describeTrip, type TripDecision, type TripRecord } from './trip-record';
import { routeTrip, tripCountries } from './trip-routing';
import type { ValidTripRequest } from './trip-validation';

/**
 * Applies one lifecycle command to a trip and returns the trip after it, or a refusal: the state machine first
 * (naming the status, who set it and when), then who may take the step, then the step's own rules. Pure, so the
 * mutators of the next increment run the same decision on the desktop and on the server, and the property tests can
 * drive it through any sequence of events.
 */

export interface TravelActor {
  readonly personId: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

export interface TripCommandContext {
  readonly actor: TravelActor;
  /** The mutation's moment (ISO), stamped on the status and on decisions. */
  readonly at: string;
  /** Today's date in the UK (YYYY-MM-DD), worked out by the caller. */
  readonly today: string;
  /** The newest policy version the store holds. */
  readonly policy: CountryPolicyVersion;
}

export type TripCommandInput =
  | { readonly command: 'approveAsManager'; readonly reason: string }
  | { readonly command: 'approveAsSecurity'; readonly reason: string }
  | { readonly command: 'reject'; readonly reason: string }
  | { readonly command: 'withdraw'; readonly reason: string | null }
  | { readonly command: 'cancel'; readonly reason: string }
  | { readonly command: 'flagForReReview'; readonly reason: string }
  /** The request as sent again, checked by validateTripRequest first (with this trip left out of `otherTrips`). */
  | { readonly command: 'resubmit'; readonly request: ValidTripRequest }
  | { readonly command: 'recordDeparture' }
  | { readonly command: 'confirmDeviceReturned'; readonly assetId: string; readonly returnedOn: string }
  | { readonly command: 'recordReturn' };

const PARTY_NAMES: Record<TravelParty, string> = { traveller: 'the traveller', line_manager: 'a line manager', security: 'the security team' };

function isParty(party: TravelParty, trip: TripRecord, actor: TravelActor): boolean {
  if (party === 'traveller') return actor.personId === trip.travellerId;
  // Nobody approves, rejects or cancels their own trip, whatever roles they hold.
  return actor.personId !== trip.travellerId && actor.roles.includes(party);
}

function partyRefusal(command: TripCommand, trip: TripRecord, actor: TravelActor): string | null {
  const { by, verb } = TRIP_TRANSITIONS[command];
  if (by.some((party) => isParty(party, trip, actor))) return null;
  const parties = by.map((party) => PARTY_NAMES[party]).join(' or ');
  if (actor.personId === trip.travellerId) return `You cannot ${verb} your own trip: only ${parties} can`;
  return `Only ${parties} can ${verb} ${describeTrip(trip)}`;
}

function missingReason(reason: string | null, what: string): Result<never> | null {
  if (reason !== null && reason.trim() !== '') return null;
  return err('invalid_input', `Give a reason ${what}`, { reason: `Enter the reason ${what}` });
}

function moved(trip: TripRecord, status: TripStatus, context: TripCommandContext, changes: Partial<TripRecord> = {}): Result<TripRecord> {
  return ok({ ...trip, ...changes, status, statusSetBy: context.actor.personId, statusSetByName: context.actor.name, statusSetAt: context.at });
}

function decision(context: TripCommandContext, reason: string | null): TripDecision {
  return { by: context.actor.personId, byName: context.actor.name, at: context.at, reason: reason?.trim() ?? '' };
}

export function applyTripCommand(trip: TripRecord, input: TripCommandInput, context: TripCommandContext): Result<TripRecord> {
  const { command } = input;
  if (!canApplyTrip(command, trip.status)) {
    return err('conflict', tripRefusalMessage(command, { trip: describeTrip(trip), status: trip.status, setByName: trip.statusSetByName, setAt: trip.statusSetAt }));
  }
  const notAllowed = partyRefusal(command, trip, context.actor);
  if (notAllowed !== null) return err('forbidden', notAllowed);

  switch (input.command) {
    case 'approveAsManager':
      return missingReason(input.reason, 'for approving') ?? moved(trip, trip.route.stages.includes('security') ? 'manager_approved' : 'approved', context, { managerApproval: decision(context, input.reason) });
    case 'approveAsSecurity':
      return approveAsSecurity(trip, input.reason, context);
    case 'reject':
      return reject(trip, input.reason, context);
    case 'withdraw':
      return moved(trip, 'withdrawn', context, { stoppedBy: decision(context, input.reason) });
    case 'cancel':
      return missingReason(input.reason, 'for cancelling') ?? moved(trip, 'cancelled', context, { stoppedBy: decision(context, input.reason) });
    case 'flagForReReview':
      return missingReason(input.reason, 'for the re-review') ?? moved(trip, 're_review_required', context, { stoppedBy: decision(context, input.reason) });
    case 'resubmit':
      return resubmit(trip, input.request, context);
    case 'recordDeparture':
      return recordDeparture(trip, context);
    case 'confirmDeviceReturned':
      return confirmDeviceReturned(trip, input.assetId, input.returnedOn, context);
    case 'recordReturn':
      return recordReturn(trip, context);
  }
}

/** Two stages mean two people: the security approval never comes from whoever gave the manager's. */
function approveAsSecurity(trip: TripRecord, reason: string, context: TripCommandContext): Result<TripRecord> {
  const manager = trip.managerApproval;
  if (manager !== null && manager.by === context.actor.personId) {
    return err('forbidden', `You gave the line manager approval for ${describeTrip(trip)}: the security approval must come from someone else`);
  }
  return missingReason(reason, 'for approving') ?? moved(trip, 'approved', context, { securityApproval: decision(context, reason) });
}

function reject(trip: TripRecord, reason: string, context: TripCommandContext): Result<TripRecord> {
  if (trip.status === 'manager_approved' && !isParty('security', trip, context.actor)) {
    return err('forbidden', `${capitalise(describeTrip(trip))} is waiting for its security review: only the security team can reject it now`);
  }
  return missingReason(reason, 'for rejecting') ?? moved(trip, 'rejected', context, { stoppedBy: decision(context, reason) });
}

/**
 * After a re-review flag the traveller sends the trip again, changed or not, and it is judged afresh under the policy
 * in force now: the old approvals were given under rules that no longer hold, so they go.
 */
function resubmit(trip: TripRecord, request: ValidTripRequest, context: TripCommandContext): Result<TripRecord> {
  if (request.type !== trip.type) {
    return err('invalid_input', 'A resubmitted trip keeps its type', { type: 'Keep the trip type: withdraw this trip and request a new one to change it' });
  }
  return moved(trip, 'submitted', context, {
    legs: request.legs,
    justification: request.justification,
    requestedDevices: request.devices,
    route: routeTrip(request, context.policy),
    managerApproval: null,
    securityApproval: null,
    stoppedBy: null,
  });
}

/** Devices leave the UK only within the approved dates and only on approvals the policy in force would give now. */
function recordDeparture(trip: TripRecord, context: TripCommandContext): Result<TripRecord> {
  const start = tripStart(trip.legs);
  const end = tripEnd(trip.legs);
  if (context.today < start) return err('conflict', `${capitalise(describeTrip(trip))} starts on ${formatDate(start)}: record the departure on or after that day`);
  if (context.today > end) return err('conflict', `${capitalise(describeTrip(trip))} ended on ${formatDate(end)}: a departure after it is not covered by its approval`);
  const problems = departureProblems(trip, context.policy);
  if (problems.length > 0) {
    return err('conflict', `Cannot record the departure of ${describeTrip(trip)}: ${problems.join('; ')}. It needs a re-review before anyone leaves with a device`);
  }
  return moved(trip, 'travelling', context, { departedOn: context.today });
}

/** A device needs a check (and a re-image if need be) when any country on the trip needs a security review, then or now. */
function needsCheck(trip: TripRecord, policy: CountryPolicyVersion): boolean {
  return trip.route.checkOnReturnCountries.length > 0 || tripCountries(trip.legs).some((country) => ruleFor(policy, country).tier !== 'permitted');
}

function confirmDeviceReturned(trip: TripRecord, assetId: string, returnedOn: string, context: TripCommandContext): Result<TripRecord> {
  const device = trip.route.devices.find((candidate) => candidate.assetId === assetId);
  if (device === undefined) return err('invalid_input', `That device did not go on ${describeTrip(trip)}`, { assetId: 'Choose a device that went on this trip' });
  const earlier = trip.returns.find((item) => item.assetId === assetId);
  if (earlier !== undefined) return err('conflict', `${device.assetTag} was already confirmed back on ${formatDate(earlier.returnedOn)}`);
  const departed = trip.departedOn ?? tripStart(trip.legs);
  if (!isCalendarDate(returnedOn) || returnedOn > context.today || returnedOn < departed) {
    return err('invalid_input', 'Enter the date the device came back', {
      returnedOn: `Enter the date ${device.assetTag} came back: a real date from ${formatDate(departed)} to today, ${formatDate(context.today)}`,
    });
  }
  const returns = [...trip.returns, { assetId, returnedOn, confirmedBy: context.actor.personId, confirmedAt: context.at, needsCheck: needsCheck(trip, context.policy) }];
  const allBack = trip.route.devices.every((candidate) => returns.some((item) => item.assetId === candidate.assetId));
  if (allBack) return moved(trip, 'completed', context, { returns });
  // Still travelling: the status (and who set it) does not change, only the returns.
  return ok({ ...trip, returns });
}

function recordReturn(trip: TripRecord, context: TripCommandContext): Result<TripRecord> {
  const abroad = trip.route.devices.filter((device) => !trip.returns.some((item) => item.assetId === device.assetId));
  if (abroad.length > 0) {
    return err('conflict', `Confirm each device back first: ${abroad.map((device) => device.assetTag).join(', ')} ${abroad.length === 1 ? 'is' : 'are'} not confirmed back yet`);
  }
  return moved(trip, 'completed', context);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
