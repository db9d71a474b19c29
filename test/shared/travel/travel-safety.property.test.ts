import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountryCode } from '../../../src-shared/domain/travel/countries';
import { COUNTRY_TIER_VALUES, type CountryPolicyVersion, type CountryTier } from '../../../src-shared/domain/travel/country-policy';
import { openTrip } from '../../../src-shared/domain/travel/open-trip';
import { applyPolicyChange } from '../../../src-shared/domain/travel/policy-change';
import { tripsAffectedByTightening } from '../../../src-shared/domain/travel/policy-tightening';
import { addDays } from '../../../src-shared/domain/travel/trip-dates';
import { applyTripCommand, type TravelActor, type TripCommandInput } from '../../../src-shared/domain/travel/trip-decisions';
import { FINAL_TRIP_STATUSES } from '../../../src-shared/domain/travel/trip-lifecycle';
import type { TripRecord } from '../../../src-shared/domain/travel/trip-record';
import { validateTripRequest, type DeviceFacts } from '../../../src-shared/domain/travel/trip-validation';
import type { TripType } from '../../../src-shared/domain/travel/trip';
import { policyWith } from './fixtures';

/**
 * The Must show: no sequence of commands gets a device abroad without an approval valid for every leg. Random
 * sequences of policy changes (flagged or, as on a desktop that has not synced yet, not), requests, approvals by
 * various people, rejections, withdrawals, cancellations, resubmissions, departures and returns run through the
 * domain; whenever a departure with devices is accepted, an oracle written independently of the rules checks it
 * against the policy version in force at that moment and against the approvals the sequence actually gave.
 */

const TAM: TravelActor = { personId: 'tam', name: 'Tam', roles: ['staff'] };
/** A line manager who also travels. */
const LEE: TravelActor = { personId: 'lee', name: 'Lee', roles: ['staff', 'line_manager'] };
const MEG: TravelActor = { personId: 'meg', name: 'Meg', roles: ['staff', 'line_manager'] };
const SID: TravelActor = { personId: 'sid', name: 'Sid', roles: ['staff', 'security'] };
/** May give either approval, never both for one trip. */
const DEE: TravelActor = { personId: 'dee', name: 'Dee', roles: ['staff', 'line_manager', 'security'] };
const PEOPLE: readonly TravelActor[] = [TAM, LEE, MEG, SID, DEE];
const TRAVELLERS: readonly TravelActor[] = [TAM, LEE];

function asset(n: number, tag: string, changes: Partial<DeviceFacts>): DeviceFacts {
  return { assetId: `01900000-0000-7000-8000-00000000000${String(n)}`, assetTag: tag, status: 'issued', holderId: 'tam', suspended: false, ...changes };
}

const ASSETS: readonly DeviceFacts[] = [
  asset(1, 'LT-1', {}),
  asset(2, 'PH-2', {}),
  asset(3, 'LT-3', { holderId: 'lee' }),
  asset(4, 'LT-4', { status: 'lost', holderId: null }),
  asset(5, 'PH-5', { suspended: true }),
];
const ASSET_FACTS = new Map(ASSETS.map((facts) => [facts.assetId, facts]));

const COUNTRIES: readonly CountryCode[] = ['FR', 'DE', 'CN', 'RU', 'IR'];
const START_POLICY = policyWith({
  FR: { tier: 'permitted', notify: false },
  DE: { tier: 'permitted', notify: false },
  CN: { tier: 'security_review', notify: false },
  RU: { tier: 'prohibited', notify: false },
  IR: { tier: 'permitted', notify: true },
});

type Step =
  | { readonly kind: 'policy'; readonly country: CountryCode; readonly tier: CountryTier; readonly notify: boolean; readonly flagAffected: boolean }
  | {
      readonly kind: 'request';
      readonly traveller: number;
      readonly type: TripType;
      readonly startIn: number;
      readonly legs: readonly { readonly country: CountryCode; readonly days: number }[];
      readonly devices: readonly number[];
      /** Keep only devices the traveller may take (none on a personal trip); otherwise send the pick as it is. */
      readonly sensibleDevices: boolean;
      /** Now and then, a request that must be refused. */
      readonly spoil: 'none' | 'pastStart' | 'backToFront';
    }
  | { readonly kind: 'act'; readonly trip: number; readonly actor: number; readonly command: ActCommand; readonly waitUntilStart: boolean }
  | { readonly kind: 'advance'; readonly days: number };

type ActCommand =
  | 'approveAsManager'
  | 'approveAsSecurity'
  | 'reject'
  | 'withdraw'
  | 'cancel'
  | 'resubmit'
  | 'recordDeparture'
  | 'confirmDeviceReturned'
  | 'recordReturn';

// China (security review at the start) twice as often, so plenty of trips need both approvals.
const country = fc.constantFrom(...COUNTRIES, 'CN');
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('policy' as const), country, tier: fc.constantFrom(...COUNTRY_TIER_VALUES), notify: fc.boolean(), flagAffected: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      traveller: fc.nat(1),
      type: fc.constantFrom<TripType>('official', 'official', 'personal'),
      startIn: fc.integer({ min: 0, max: 24 }),
      legs: fc.array(fc.record({ country, days: fc.integer({ min: 0, max: 6 }) }), { minLength: 1, maxLength: 3 }),
      devices: fc.subarray([0, 1, 2, 3, 4]),
      sensibleDevices: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      spoil: fc.oneof(
        { weight: 8, arbitrary: fc.constant('none' as const) },
        { weight: 1, arbitrary: fc.constantFrom('pastStart' as const, 'backToFront' as const) },
      ),
    }),
  },
  {
    weight: 16,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      trip: fc.nat(80),
      // One past the last person means the trip's own traveller.
      actor: fc.nat(PEOPLE.length),
      // Let the days pass until the trip starts before the step (time only moves forward), as travel does.
      waitUntilStart: fc.boolean(),
      // Weighted towards the steps that move a trip on, so plenty of sequences reach a departure.
      command: fc.oneof(
        { weight: 3, arbitrary: fc.constant<ActCommand>('approveAsManager') },
        { weight: 3, arbitrary: fc.constant<ActCommand>('approveAsSecurity') },
        { weight: 3, arbitrary: fc.constant<ActCommand>('recordDeparture') },
        { weight: 2, arbitrary: fc.constant<ActCommand>('confirmDeviceReturned') },
        { weight: 1, arbitrary: fc.constantFrom<ActCommand>('reject', 'withdraw', 'cancel', 'resubmit', 'recordReturn') },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 2 }) }) },
);

/** What the sequence actually did, kept by the harness rather than read from the trip records. */
interface Given {
  manager: string | null;
  security: string | null;
}

interface World {
  today: string;
  tick: number;
  policy: CountryPolicyVersion;
  trips: TripRecord[];
  /** Approvals given since each trip was last (re)submitted. */
  given: Map<string, Given>;
}

const stats = { departuresWithDevices: 0, departuresWithSecurityReview: 0, departuresRefusedByPolicy: 0 };

function rolesOf(personId: string): readonly string[] {
  return PEOPLE.find((person) => person.personId === personId)?.roles ?? [];
}

/** The oracle: a departure with devices is covered for every leg under the policy in force, by independent approvals. */
function expectCovered(trip: TripRecord, world: World): void {
  expect(trip.type, 'a personal trip took devices').toBe('official');
  const tiers = trip.legs.map((leg) => world.policy.rules[leg.country]?.tier ?? 'security_review');
  expect(tiers, 'a device went to a prohibited country').not.toContain('prohibited');
  const given = world.given.get(trip.id);
  const managerId = given?.manager ?? null;
  expect(managerId, 'no line manager approval').not.toBeNull();
  expect(managerId).not.toBe(trip.travellerId);
  expect(rolesOf(managerId ?? '')).toContain('line_manager');
  if (tiers.includes('security_review')) {
    stats.departuresWithSecurityReview += 1;
    const securityId = given?.security ?? null;
    expect(securityId, 'no security approval for a security-review country').not.toBeNull();
    expect(securityId).not.toBe(trip.travellerId);
    expect(securityId, 'one person gave both approvals').not.toBe(managerId);
    expect(rolesOf(securityId ?? '')).toContain('security');
  }
  for (const leg of trip.legs) {
    if (world.policy.rules[leg.country]?.notify === true) expect(trip.route.notifyCountries, 'travel not notified (AUP 7.14)').toContain(leg.country);
  }
  const first = trip.legs.reduce((min, leg) => (leg.from < min ? leg.from : min), '9999-12-31');
  const last = trip.legs.reduce((max, leg) => (leg.to > max ? leg.to : max), '0000-01-01');
  expect(world.today >= first && world.today <= last, 'left outside the approved dates').toBe(true);
  for (const device of trip.route.devices) {
    const facts = ASSET_FACTS.get(device.assetId);
    expect(facts?.holderId, `${device.assetTag} is not the traveller's`).toBe(trip.travellerId);
    expect(facts?.status).toBe('issued');
    expect(facts?.suspended).toBe(false);
  }
}

function moment(world: World): string {
  world.tick += 1;
  return new Date(Date.parse(`${world.today}T08:00:00Z`) + world.tick * 1000).toISOString();
}

function otherTripsOf(world: World, travellerId: string, exceptId: string | null) {
  return world.trips.filter((trip) => trip.travellerId === travellerId && trip.id !== exceptId && !FINAL_TRIP_STATUSES.includes(trip.status));
}

function replace(world: World, next: TripRecord): void {
  world.trips = world.trips.map((trip) => (trip.id === next.id ? next : trip));
}

function changePolicy(world: World, s: Extract<Step, { kind: 'policy' }>): void {
  const before = world.policy;
  const changed = applyPolicyChange(
    before,
    { basedOnVersion: before.version, changes: [{ country: s.country, tier: s.tier, notify: s.notify }], reason: 'Random change' },
    { at: moment(world), by: 'sid', byName: 'Sid' },
  );
  if (!changed.ok) return;
  world.policy = changed.value;
  if (!s.flagAffected) return; // as on a desktop that has the new version but not yet the flags
  for (const { trip, action, reason } of tripsAffectedByTightening(world.trips, before, world.policy, world.today)) {
    if (action !== 'reReview') continue;
    const flagged = applyTripCommand(trip, { command: 'flagForReReview', reason }, { actor: SID, at: moment(world), today: world.today, policy: world.policy });
    expect(flagged.ok).toBe(true);
    if (flagged.ok) replace(world, flagged.value);
  }
}

function request(world: World, s: Extract<Step, { kind: 'request' }>): void {
  const traveller = TRAVELLERS[s.traveller] ?? TAM;
  let start = addDays(world.today, s.spoil === 'pastStart' ? -1 : s.startIn);
  const legs = s.legs.map((leg, index) => {
    const from = start;
    const to = addDays(from, s.spoil === 'backToFront' && index === 0 ? -1 : leg.days);
    start = to;
    return { country: leg.country, from, to };
  });
  const picked = s.devices.map((index) => ASSETS[index]).filter((facts) => facts !== undefined);
  const devices = !s.sensibleDevices
    ? picked
    : s.type === 'personal'
      ? []
      : picked.filter((facts) => facts.holderId === traveller.personId && facts.status === 'issued' && !facts.suspended);
  const input = {
    type: s.type,
    legs,
    deviceIds: devices.map((facts) => facts.assetId),
    justification: s.type === 'official' ? 'Work' : undefined,
  };
  const valid = validateTripRequest(input, { today: world.today, travellerId: traveller.personId, devices: ASSET_FACTS, otherTrips: otherTripsOf(world, traveller.personId, null) });
  if (!valid.ok) return;
  for (const leg of valid.value.legs) expect(leg.from >= world.today && leg.to >= leg.from).toBe(true);
  const trip = openTrip(valid.value, world.policy, { id: `trip-${String(world.trips.length + 1)}`, travellerId: traveller.personId, travellerName: traveller.name, at: moment(world) });
  expect(trip.route.policyVersion, 'judged against the version in force when submitted').toBe(world.policy.version);
  world.trips.push(trip);
  world.given.set(trip.id, { manager: null, security: null });
}

function act(world: World, s: Extract<Step, { kind: 'act' }>): void {
  // Mostly one of the latest official trips still in play (so sequences get somewhere), sometimes any trip at all (so
  // final and personal ones are tried too).
  const inPlay = world.trips.filter((candidate) => candidate.type === 'official' && !FINAL_TRIP_STATUSES.includes(candidate.status));
  const anyTrip = s.trip % 4 === 0 || inPlay.length === 0;
  const pool = anyTrip ? world.trips : inPlay;
  const trip = anyTrip ? pool[Math.floor(s.trip / 4) % Math.max(pool.length, 1)] : pool[pool.length - 1 - (s.trip % Math.min(pool.length, 3))];
  if (trip === undefined) return;
  const actor = PEOPLE[s.actor] ?? PEOPLE.find((person) => person.personId === trip.travellerId);
  if (actor === undefined) return;
  if (s.waitUntilStart) {
    const start = trip.legs.reduce((min, leg) => (leg.from < min ? leg.from : min), '9999-12-31');
    if (start > world.today) world.today = start;
  }
  let input: TripCommandInput;
  switch (s.command) {
    case 'approveAsManager':
    case 'approveAsSecurity':
    case 'reject':
    case 'cancel':
      input = { command: s.command, reason: 'Decided' };
      break;
    case 'withdraw':
      input = { command: 'withdraw', reason: null };
      break;
    case 'resubmit': {
      const again = validateTripRequest(
        { type: trip.type, legs: trip.legs, deviceIds: trip.requestedDevices.map((device) => device.assetId), justification: trip.justification },
        { today: world.today, travellerId: trip.travellerId, devices: ASSET_FACTS, otherTrips: otherTripsOf(world, trip.travellerId, trip.id) },
      );
      if (!again.ok) return;
      input = { command: 'resubmit', request: again.value };
      break;
    }
    case 'recordDeparture':
    case 'recordReturn':
      input = { command: s.command };
      break;
    case 'confirmDeviceReturned': {
      const abroad = trip.route.devices.find((device) => !trip.returns.some((item) => item.assetId === device.assetId));
      input = { command: 'confirmDeviceReturned', assetId: abroad?.assetId ?? 'none', returnedOn: world.today };
      break;
    }
  }
  const result = applyTripCommand(trip, input, { actor, at: moment(world), today: world.today, policy: world.policy });
  if (!result.ok) {
    if (s.command === 'recordDeparture' && result.error.message.includes('needs a re-review')) stats.departuresRefusedByPolicy += 1;
    return;
  }
  const next = result.value;
  if (s.command === 'approveAsManager') world.given.set(trip.id, { manager: actor.personId, security: null });
  if (s.command === 'approveAsSecurity') world.given.set(trip.id, { manager: world.given.get(trip.id)?.manager ?? null, security: actor.personId });
  if (s.command === 'resubmit') {
    expect(next.route.policyVersion).toBe(world.policy.version);
    world.given.set(trip.id, { manager: null, security: null });
  }
  if (s.command === 'recordDeparture' && next.route.devices.length > 0) {
    stats.departuresWithDevices += 1;
    expectCovered(next, world);
  }
  replace(world, next);
}

/** Plain checks (not expect) because they run for every trip after every step of every sequence. */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function expectInvariants(before: readonly TripRecord[], world: World): void {
  for (const trip of world.trips) {
    const earlier = before.find((candidate) => candidate.id === trip.id);
    if (earlier !== undefined && FINAL_TRIP_STATUSES.includes(earlier.status)) check(trip === earlier, `final trip ${trip.id} changed`);
    if (trip.type === 'personal') {
      check(trip.route.devices.length === 0, `personal trip ${trip.id} has devices to take`);
      check(trip.status === 'noted' || trip.status === 'withdrawn', `personal trip ${trip.id} is ${trip.status}`);
    }
    check(trip.managerApproval?.by !== trip.travellerId, `trip ${trip.id} approved by its traveller`);
    check(trip.securityApproval === null || trip.securityApproval.by !== trip.managerApproval?.by, `trip ${trip.id} approved twice by one person`);
  }
}

/** Two sequences every run starts with, so the paths the statistics below ask for are always taken at least once. */
const requestStep = (country: CountryCode): Step => ({
  kind: 'request',
  traveller: 0,
  type: 'official',
  startIn: 0,
  legs: [{ country, days: 3 }],
  devices: [0],
  sensibleDevices: true,
  spoil: 'none',
});
const actStep = (command: ActCommand, actor: number): Step => ({ kind: 'act', trip: 1, actor, command, waitUntilStart: false });
const THE_TRAVELLER = PEOPLE.length;
const EXAMPLES: Step[][] = [
  // China: the manager, then security, approve; Tam leaves with the laptop and brings it back.
  [requestStep('CN'), actStep('approveAsManager', 2), actStep('approveAsSecurity', 2), actStep('approveAsSecurity', 3), actStep('recordDeparture', THE_TRAVELLER), actStep('confirmDeviceReturned', THE_TRAVELLER)],
  // France: approved by the manager; France then needs a security review, on a desktop that has not flagged the trip.
  [
    requestStep('FR'),
    actStep('approveAsManager', 1),
    { kind: 'policy', country: 'FR', tier: 'security_review', notify: false, flagAffected: false },
    actStep('recordDeparture', THE_TRAVELLER),
  ],
];

describe('travel safety (Must show)', () => {
  it('no sequence of commands gets a device abroad without an approval valid for every leg under the policy in force', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 80, size: 'max' }), (steps) => {
        const world: World = { today: '2026-03-02', tick: 0, policy: START_POLICY, trips: [], given: new Map() };
        for (const s of steps) {
          const before = [...world.trips];
          if (s.kind === 'policy') changePolicy(world, s);
          else if (s.kind === 'request') request(world, s);
          else if (s.kind === 'act') act(world, s);
          else world.today = addDays(world.today, s.days);
          expectInvariants(before, world);
        }
      }),
      { numRuns: 300, examples: EXAMPLES.map((steps) => [steps]) },
    );
    // The property is only as good as the departures it saw: the examples guarantee one of each, and random runs
    // usually add about 25 departures with devices, 7 through a security review and a dozen refused by a tightening.
    expect(stats.departuresWithDevices).toBeGreaterThanOrEqual(1);
    expect(stats.departuresWithSecurityReview).toBeGreaterThanOrEqual(1);
    expect(stats.departuresRefusedByPolicy).toBeGreaterThanOrEqual(1);
  });
});
