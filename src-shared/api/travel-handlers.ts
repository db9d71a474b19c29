import { query, returns } from './handler-spec';
import {
  countryPolicyCurrentInput,
  tripApprovalQueueInput,
  tripGetInput,
  tripsAbroadInput,
  tripsForPersonInput,
  type CountryPolicyView,
  type TripAbroadItem,
  type TripDetail,
  type TripListItem,
} from './travel-queries';

/** Reading travel (AUP 7.13, 7.14): a trip, a person's trips, the approval queues, who is abroad, the country policy. */
export const travelHandlers = {
  'trip.get': query(tripGetInput, returns<TripDetail>()),
  'trip.listForPerson': query(tripsForPersonInput, returns<readonly TripListItem[]>()),
  'trip.approvalQueue': query(tripApprovalQueueInput, returns<readonly TripListItem[]>()),
  'trip.abroad': query(tripsAbroadInput, returns<readonly TripAbroadItem[]>()),
  'countryPolicy.current': query(countryPolicyCurrentInput, returns<CountryPolicyView>()),
} as const;
