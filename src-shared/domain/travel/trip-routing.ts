import { countryName, type CountryCode } from './countries';
import { ruleFor, type CountryPolicyVersion, type CountryTier } from './country-policy';
import type { RefusedDevice, TripDevice, TripLeg, TripType } from './trip';

/**
 * Who must approve a trip, and which devices may go, under one policy version. The tiers are about devices, so the
 * route follows the devices:
 *
 * - personal: no approval. AUP 7.14 asks only that the security team is told, and the department has no say over a
 *   holiday; AUP 7.13 allows no device on one, so there is nothing to approve. The trip is noted, with a notice when
 *   it goes to a notify country.
 * - official: the line manager always approves (AUP 7.13: "appropriately approved" official business, and the line
 *   manager is who knows the business need). With a device and a leg in a "security review" country, the security
 *   team reviews after the manager.
 * - a leg in a "prohibited" country: every device is refused, naming the country, because a device goes on every leg
 *   with its traveller. The trip itself can go ahead without them (with only the manager's approval).
 */
export const APPROVAL_STAGES = {
  line_manager: 'Line manager approval',
  security: 'Security review',
} as const;

export type ApprovalStage = keyof typeof APPROVAL_STAGES;

export interface TripRoute {
  /** The policy version the trip was judged against: the one in force when it was submitted. */
  readonly policyVersion: number;
  /** In order; empty for a personal trip. */
  readonly stages: readonly ApprovalStage[];
  /** The devices that may go once every stage has approved. */
  readonly devices: readonly TripDevice[];
  readonly refusedDevices: readonly RefusedDevice[];
  /** AUP 7.14: countries on the trip that the security team must hear of before travel. */
  readonly notifyCountries: readonly CountryCode[];
  /** Countries on the trip whose devices are checked (re-imaged if need be) on return: those needing a security review. */
  readonly checkOnReturnCountries: readonly CountryCode[];
}

export interface RoutableTrip {
  readonly type: TripType;
  readonly legs: readonly TripLeg[];
  readonly devices: readonly TripDevice[];
}

/** "France", "France and Germany", "France, Germany and Italy". */
export function listCountries(codes: readonly CountryCode[]): string {
  const names = codes.map(countryName);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** Each country once, in the order the legs visit them. */
export function tripCountries(legs: readonly TripLeg[]): CountryCode[] {
  return [...new Set(legs.map((leg) => leg.country))];
}

export function routeTrip(trip: RoutableTrip, policy: CountryPolicyVersion): TripRoute {
  const countries = tripCountries(trip.legs);
  const inTier = (tier: CountryTier) => countries.filter((country) => ruleFor(policy, country).tier === tier);
  const notifyCountries = countries.filter((country) => ruleFor(policy, country).notify);
  const version = String(policy.version);

  if (trip.type === 'personal') {
    const refusedDevices = trip.devices.map((device) => ({
      ...device,
      reason: `Department devices cannot go on a personal trip (AUP 7.13): leave ${device.assetTag} in the UK`,
    }));
    return { policyVersion: policy.version, stages: [], devices: [], refusedDevices, notifyCountries, checkOnReturnCountries: [] };
  }

  const prohibited = inTier('prohibited');
  if (prohibited.length > 0) {
    const refusedDevices = trip.devices.map((device) => ({
      ...device,
      reason: `Devices are prohibited in ${listCountries(prohibited)} (country policy version ${version}): ${device.assetTag} cannot go, but the trip can go ahead without it`,
    }));
    return { policyVersion: policy.version, stages: ['line_manager'], devices: [], refusedDevices, notifyCountries, checkOnReturnCountries: [] };
  }

  const review = trip.devices.length > 0 ? inTier('security_review') : [];
  return {
    policyVersion: policy.version,
    stages: review.length > 0 ? ['line_manager', 'security'] : ['line_manager'],
    devices: trip.devices,
    refusedDevices: [],
    notifyCountries,
    checkOnReturnCountries: review,
  };
}

/**
 * True when `next` asks more of a trip than `previous` did: a device that was to go now refused, a security review now
 * needed for devices that were to go, or a country now to be notified. A looser judgement never needs a re-review: the
 * approvals given already cover it (and devices refused before stay refused until the traveller resubmits).
 */
export function isStricterRoute(next: TripRoute, previous: TripRoute): boolean {
  const wentBefore = new Set(previous.devices.map((device) => device.assetId));
  return (
    next.refusedDevices.some((device) => wentBefore.has(device.assetId)) ||
    (wentBefore.size > 0 && next.stages.includes('security') && !previous.stages.includes('security')) ||
    next.notifyCountries.some((country) => !previous.notifyCountries.includes(country))
  );
}
