import { describe, expect, it } from 'vitest';
import { COUNTRY_TIER_VALUES, type CountryTier } from '../../../src-shared/domain/travel/country-policy';
import { openTrip } from '../../../src-shared/domain/travel/open-trip';
import { noticeText, travelNotice } from '../../../src-shared/domain/travel/travel-notice';
import { isStricterRoute, routeTrip, type ApprovalStage } from '../../../src-shared/domain/travel/trip-routing';
import { TRIP_TYPE_VALUES, type TripType } from '../../../src-shared/domain/travel/trip';
import { LAPTOP, leg, newTrip, PHONE, policyWith, POLICY } from './fixtures';

const LEGS = [leg('FR', '2026-03-10', '2026-03-14')];

interface Expected {
  readonly stages: readonly ApprovalStage[];
  readonly devicesGo: boolean;
  readonly refusedBecause: RegExp | null;
  readonly checkOnReturn: boolean;
}

const PERSONAL = {
  withDevice: { stages: [], devicesGo: false, refusedBecause: /^Department devices cannot go on a personal trip \(AUP 7\.13\)/, checkOnReturn: false },
  noDevice: { stages: [], devicesGo: false, refusedBecause: null, checkOnReturn: false },
} satisfies { withDevice: Expected; noDevice: Expected };

/** Every policy tier × trip type × with or without a device: the route the rules must choose. */
const ROUTES: Record<TripType, Record<CountryTier, { withDevice: Expected; noDevice: Expected }>> = {
  official: {
    permitted: {
      withDevice: { stages: ['line_manager'], devicesGo: true, refusedBecause: null, checkOnReturn: false },
      noDevice: { stages: ['line_manager'], devicesGo: false, refusedBecause: null, checkOnReturn: false },
    },
    security_review: {
      withDevice: { stages: ['line_manager', 'security'], devicesGo: true, refusedBecause: null, checkOnReturn: true },
      noDevice: { stages: ['line_manager'], devicesGo: false, refusedBecause: null, checkOnReturn: false },
    },
    prohibited: {
      withDevice: {
        stages: ['line_manager'],
        devicesGo: false,
        refusedBecause: /^Devices are prohibited in France \(country policy version 7\): LT-0001 cannot go, but the trip can go ahead without it$/,
        checkOnReturn: false,
      },
      noDevice: { stages: ['line_manager'], devicesGo: false, refusedBecause: null, checkOnReturn: false },
    },
  },
  // No approval and no device, whatever the tier: AUP 7.13 keeps devices off personal trips.
  personal: { permitted: PERSONAL, security_review: PERSONAL, prohibited: PERSONAL },
};

describe('routing: every policy tier × trip type (AUP 7.13, 7.14)', () => {
  for (const type of TRIP_TYPE_VALUES) {
    for (const tier of COUNTRY_TIER_VALUES) {
      for (const notify of [false, true]) {
        for (const withDevice of [true, false]) {
          const expected = ROUTES[type][tier][withDevice ? 'withDevice' : 'noDevice'];
          it(`${type} trip, ${tier}${notify ? ', notify' : ''}, ${withDevice ? 'with a laptop' : 'no device'} → ${expected.stages.join(' then ') || 'no approval'}`, () => {
            const policy = policyWith({ FR: { tier, notify } }, 7);
            const route = routeTrip({ type, legs: LEGS, devices: withDevice ? [LAPTOP] : [] }, policy);
            expect(route.policyVersion).toBe(7);
            expect(route.stages).toEqual(expected.stages);
            expect(route.devices).toEqual(expected.devicesGo ? [LAPTOP] : []);
            if (expected.refusedBecause === null) expect(route.refusedDevices).toEqual([]);
            else {
              expect(route.refusedDevices).toHaveLength(1);
              expect(route.refusedDevices[0]?.assetId).toBe(LAPTOP.assetId);
              expect(route.refusedDevices[0]?.reason).toMatch(expected.refusedBecause);
            }
            expect(route.checkOnReturnCountries).toEqual(expected.checkOnReturn ? ['FR'] : []);
            // AUP 7.14 applies to every trip, official or personal, device or not.
            expect(route.notifyCountries).toEqual(notify ? ['FR'] : []);
          });
        }
      }
    }
  }
});

describe('routing a trip of several legs', () => {
  it('takes the strictest leg: one security-review country puts the whole trip to security', () => {
    const route = routeTrip({ type: 'official', legs: [leg('FR', '2026-03-10', '2026-03-12'), leg('CN', '2026-03-12', '2026-03-20')], devices: [LAPTOP, PHONE] }, POLICY);
    expect(route.stages).toEqual(['line_manager', 'security']);
    expect(route.devices).toEqual([LAPTOP, PHONE]);
    expect(route.checkOnReturnCountries).toEqual(['CN']);
  });

  it('refuses every device when any leg is prohibited, since a device goes on every leg, and names the countries', () => {
    const legs = [leg('CN', '2026-03-10', '2026-03-12'), leg('RU', '2026-03-12', '2026-03-20'), leg('FR', '2026-03-20', '2026-03-22')];
    const route = routeTrip({ type: 'official', legs, devices: [LAPTOP, PHONE] }, POLICY);
    expect(route.stages).toEqual(['line_manager']);
    expect(route.devices).toEqual([]);
    expect(route.refusedDevices.map((device) => device.reason)).toEqual([
      'Devices are prohibited in Russian Federation (country policy version 1): LT-0001 cannot go, but the trip can go ahead without it',
      'Devices are prohibited in Russian Federation (country policy version 1): PH-0001 cannot go, but the trip can go ahead without it',
    ]);
  });

  it('lists each notify country once, in the order visited', () => {
    const legs = [leg('IR', '2026-03-10', '2026-03-12'), leg('FR', '2026-03-12', '2026-03-14'), leg('IR', '2026-03-14', '2026-03-16')];
    expect(routeTrip({ type: 'personal', legs, devices: [] }, POLICY).notifyCountries).toEqual(['IR']);
  });

  it('treats a country the policy version has no rule for as needing a security review', () => {
    const policy = { ...POLICY, rules: {} };
    expect(routeTrip({ type: 'official', legs: LEGS, devices: [LAPTOP] }, policy).stages).toEqual(['line_manager', 'security']);
  });
});

describe('opening a trip and its AUP 7.14 notice', () => {
  it('notes a personal trip without approval and sends an official one to the line manager, under the version in force', () => {
    const personal = newTrip({ type: 'personal', legs: [leg('IR', '2026-03-10', '2026-03-14')] });
    expect(personal.status).toBe('noted');
    expect(personal.route.stages).toEqual([]);
    const official = newTrip({ policy: policyWith({ FR: { tier: 'permitted', notify: false } }, 4) });
    expect(official.status).toBe('submitted');
    expect(official.route.policyVersion).toBe(4);
    expect(official.statusSetByName).toBe('Tam Traveller');
  });

  it('makes a notice for a trip to a notify country, official or personal, and none otherwise', () => {
    const personal = newTrip({ type: 'personal', legs: [leg('IR', '2026-03-10', '2026-03-14')] });
    const notice = travelNotice(personal);
    expect(notice).toEqual({ tripId: 'trip-1', travellerId: 'p-traveller', tripType: 'personal', countries: ['IR'], from: '2026-03-10', to: '2026-03-14', policyVersion: 1 });
    expect(noticeText(notice ?? ({} as never), 'Tam Traveller')).toBe(
      'Tam Traveller will be in Islamic Republic of Iran (personal trip, 10 Mar 2026 to 14 Mar 2026): country policy version 1 asks for notice of any travel there (AUP 7.14)',
    );
    expect(travelNotice(newTrip({ legs: [leg('IR', '2026-03-10', '2026-03-14')] }))?.tripType).toBe('official');
    expect(travelNotice(newTrip())).toBeNull();
  });

  it('copes with legs given in any order when describing dates', () => {
    const trip = openTrip(
      { type: 'personal', legs: [leg('IR', '2026-03-14', '2026-03-16'), leg('FR', '2026-03-10', '2026-03-14')], devices: [], justification: null },
      POLICY,
      { id: 't', travellerId: 'p', travellerName: 'P', at: '2026-03-01T00:00:00.000Z' },
    );
    expect(travelNotice(trip)).toMatchObject({ from: '2026-03-10', to: '2026-03-16' });
  });
});

describe('comparing judgements', () => {
  const base = routeTrip({ type: 'official', legs: LEGS, devices: [LAPTOP] }, policyWith({ FR: { tier: 'permitted', notify: false } }));
  const under = (tier: CountryTier, notify = false) => routeTrip({ type: 'official', legs: LEGS, devices: [LAPTOP] }, policyWith({ FR: { tier, notify } }));

  it('finds a judgement stricter when a device is refused, a security review or a notice is newly needed', () => {
    expect(isStricterRoute(under('security_review'), base)).toBe(true);
    expect(isStricterRoute(under('prohibited'), base)).toBe(true);
    expect(isStricterRoute(under('permitted', true), base)).toBe(true);
  });

  it('never finds the same or a looser judgement stricter', () => {
    expect(isStricterRoute(under('permitted'), base)).toBe(false);
    expect(isStricterRoute(base, under('security_review'))).toBe(false);
    expect(isStricterRoute(under('security_review'), under('prohibited'))).toBe(false);
  });
});
