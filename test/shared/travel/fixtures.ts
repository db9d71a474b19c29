import type { CountryCode } from '../../../src-shared/domain/travel/countries';
import { initialCountryPolicy, type CountryPolicyVersion, type CountryRule } from '../../../src-shared/domain/travel/country-policy';
import { openTrip } from '../../../src-shared/domain/travel/open-trip';
import type { TravelActor, TripCommandContext } from '../../../src-shared/domain/travel/trip-decisions';
import type { TripStatus } from '../../../src-shared/domain/travel/trip-lifecycle';
import type { TripRecord } from '../../../src-shared/domain/travel/trip-record';
import type { TripDevice, TripLeg, TripType } from '../../../src-shared/domain/travel/trip';
import type { Result } from '../../../src-shared/result';

/** Fixed dates and moments: nothing in the travel tests reads a clock. */
export const TODAY = '2026-03-02';
export const NOW = '2026-03-02T09:30:00.000Z';

export const traveller: TravelActor = { personId: 'p-traveller', name: 'Tam Traveller', roles: ['staff'] };
export const manager: TravelActor = { personId: 'p-manager', name: 'Meg Manager', roles: ['staff', 'line_manager'] };
export const securityOfficer: TravelActor = { personId: 'p-security', name: 'Sid Security', roles: ['staff', 'security'] };
/** Holds both roles: may give either approval, never both for one trip. */
export const dualRole: TravelActor = { personId: 'p-dual', name: 'Dee Dual', roles: ['staff', 'line_manager', 'security'] };
export const colleague: TravelActor = { personId: 'p-colleague', name: 'Cal Colleague', roles: ['staff'] };

export const LAPTOP: TripDevice = { assetId: '01900000-0000-7000-8000-0000000000a1', assetTag: 'LT-0001' };
export const PHONE: TripDevice = { assetId: '01900000-0000-7000-8000-0000000000a2', assetTag: 'PH-0001' };

/** A policy with every destination unclassified (version 1) except the rules given, at the version number given. */
export function policyWith(rules: Partial<Record<CountryCode, CountryRule>>, version = 1): CountryPolicyVersion {
  const base = initialCountryPolicy('2026-01-01T00:00:00.000Z');
  return { ...base, version, rules: { ...base.rules, ...rules } };
}

export const permitted: CountryRule = { tier: 'permitted', notify: false };
export const review: CountryRule = { tier: 'security_review', notify: false };
export const prohibited: CountryRule = { tier: 'prohibited', notify: false };

/** FR permitted, CN security review, RU prohibited, IR permitted but notified. */
export const POLICY = policyWith({ FR: permitted, DE: permitted, CN: review, RU: prohibited, IR: { tier: 'permitted', notify: true } });

export function leg(country: CountryCode, from: string, to: string): TripLeg {
  return { country, from, to };
}

interface TripOptions {
  readonly type?: TripType;
  readonly legs?: readonly TripLeg[];
  readonly devices?: readonly TripDevice[];
  readonly policy?: CountryPolicyVersion;
}

/** A freshly requested trip (submitted, or noted if personal), judged under `policy`. */
export function newTrip({ type = 'official', legs = [leg('FR', '2026-03-10', '2026-03-14')], devices = [LAPTOP], policy = POLICY }: TripOptions = {}): TripRecord {
  return openTrip(
    { type, legs, devices: type === 'personal' ? [] : devices, justification: type === 'official' ? 'Conference talk' : null },
    policy,
    { id: 'trip-1', travellerId: traveller.personId, travellerName: traveller.name, at: '2026-03-01T08:00:00.000Z' },
  );
}

export function context(actor: TravelActor, overrides: Partial<TripCommandContext> = {}): TripCommandContext {
  return { actor, at: NOW, today: TODAY, policy: POLICY, ...overrides };
}

/** Unwraps a result a test expects to succeed, naming the refusal otherwise. */
export function accepted<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A trip put straight into `status` with what that status implies (approvals, departure), set by Sid Security. */
export function tripIn(status: TripStatus, options: TripOptions = {}): TripRecord {
  const personal = status === 'noted';
  const base = newTrip({ ...options, type: personal ? 'personal' : (options.type ?? 'official'), legs: options.legs ?? [leg('CN', '2026-03-02', '2026-03-06')] });
  const approval = (actor: TravelActor) => ({ by: actor.personId, byName: actor.name, at: '2026-03-01T10:00:00.000Z', reason: 'Fine' });
  const managerApproved = ['manager_approved', 'approved', 'travelling', 'completed', 'cancelled', 're_review_required'].includes(status);
  const securityApproved = ['approved', 'travelling', 'completed', 'cancelled', 're_review_required'].includes(status) && base.route.stages.includes('security');
  return {
    ...base,
    status,
    statusSetBy: securityOfficer.personId,
    statusSetByName: securityOfficer.name,
    statusSetAt: '2026-03-01T13:02:00.000Z',
    managerApproval: managerApproved ? approval(manager) : null,
    securityApproval: securityApproved ? approval(securityOfficer) : null,
    departedOn: ['travelling', 'completed'].includes(status) ? '2026-03-02' : null,
  };
}
