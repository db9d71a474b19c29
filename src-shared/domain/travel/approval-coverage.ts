import { ruleFor, type CountryPolicyVersion } from './country-policy';
import { listCountries, routeTrip, tripCountries } from './trip-routing';
import type { TripRecord } from './trip-record';

/**
 * What stands between an approved trip and its devices leaving the UK, judged under the policy in force now, not the
 * version the trip was submitted under. A tightening flags the trips it affects in the same mutation, but a departure
 * recorded offline meets the tightening only when the server runs it, against the newest version the server holds;
 * checking here, under whatever version the running store holds, means no order of events gets a device abroad on
 * approvals that version would not give. Empty means covered.
 */
export function departureProblems(trip: TripRecord, policy: CountryPolicyVersion): string[] {
  const problems: string[] = [];
  if (trip.type === 'personal') {
    if (trip.route.devices.length > 0) problems.push('Department devices cannot go on a personal trip (AUP 7.13)');
    return problems;
  }
  const manager = trip.managerApproval;
  if (manager === null) problems.push('The line manager has not approved it');
  else if (manager.by === trip.travellerId) problems.push('It was approved by the traveller');

  const now = routeTrip({ type: trip.type, legs: trip.legs, devices: trip.requestedDevices }, policy);
  const version = String(policy.version);
  const countries = tripCountries(trip.legs);
  if (trip.route.devices.length > 0) {
    const prohibited = countries.filter((country) => ruleFor(policy, country).tier === 'prohibited');
    if (prohibited.length > 0) problems.push(`Devices are now prohibited in ${listCountries(prohibited)} (country policy version ${version})`);
    if (now.stages.includes('security')) {
      const security = trip.securityApproval;
      if (security === null) problems.push(`${listCountries(now.checkOnReturnCountries)} now needs a security review (country policy version ${version})`);
      else if (security.by === trip.travellerId || security.by === manager?.by) problems.push('The security approval was not given by a second, independent person');
    }
  }
  const unnotified = now.notifyCountries.filter((country) => !trip.route.notifyCountries.includes(country));
  if (unnotified.length > 0) problems.push(`Travel to ${listCountries(unnotified)} must now be notified first (AUP 7.14, country policy version ${version})`);
  return problems;
}
