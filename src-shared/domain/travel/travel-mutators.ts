/**
 * The intent-level mutators issue 7 needs, as data for the next increment (the mutators themselves, their permission
 * rules and handlers). `travel.request` and `countryPolicy.change` make records; each of the others applies one
 * command of the trip lifecycle (TRIP_TRANSITIONS names its mutator), and `countryPolicy.change` also flags the trips
 * it tightens for re-review in the same mutation, so a tightening and its flags sync as one.
 */
export const TRAVEL_MUTATOR_NAMES = [
  'travel.request',
  'travel.resubmit',
  'travel.approveAsManager',
  'travel.approveAsSecurity',
  'travel.reject',
  'travel.withdraw',
  'travel.cancel',
  'travel.recordDeparture',
  'travel.confirmDeviceReturned',
  'travel.recordReturn',
  'countryPolicy.change',
] as const;

export type TravelMutatorName = (typeof TRAVEL_MUTATOR_NAMES)[number];
