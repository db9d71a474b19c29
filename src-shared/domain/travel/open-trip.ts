import type { CountryPolicyVersion } from './country-policy';
import { initialTripStatus } from './trip-lifecycle';
import type { TripRecord } from './trip-record';
import { routeTrip } from './trip-routing';
import type { ValidTripRequest } from './trip-validation';

export interface TripOpening {
  /** The client-made id (so the server's run of `travel.request` makes the same record). */
  readonly id: string;
  readonly travellerId: string;
  readonly travellerName: string;
  readonly at: string;
}

/**
 * A validated request becomes a trip, judged against `policy`: the version in force when it is submitted, which for a
 * mutator is the newest version its store holds (the server's, in server order, on the authoritative run). A personal
 * trip starts noted, an official one waiting for its line manager.
 */
export function openTrip(request: ValidTripRequest, policy: CountryPolicyVersion, opening: TripOpening): TripRecord {
  return {
    id: opening.id,
    travellerId: opening.travellerId,
    travellerName: opening.travellerName,
    type: request.type,
    legs: request.legs,
    justification: request.justification,
    requestedDevices: request.devices,
    route: routeTrip(request, policy),
    status: initialTripStatus(request.type),
    statusSetBy: opening.travellerId,
    statusSetByName: opening.travellerName,
    statusSetAt: opening.at,
    managerApproval: null,
    securityApproval: null,
    stoppedBy: null,
    departedOn: null,
    returns: [],
  };
}
