import { describe, expect, it } from 'vitest';
import type { AssetStatus } from '../../../src-shared/domain/asset-lifecycle';
import { tripRequestFormSchema, tripRequestInput } from '../../../src-shared/domain/travel/trip-request';
import { validateTripRequest, type DeviceFacts, type TripRequestContext } from '../../../src-shared/domain/travel/trip-validation';
import { fieldErrors } from '../../../src-shared/validation';
import { accepted, LAPTOP, leg, PHONE, TODAY, traveller } from './fixtures';

const OTHER_ASSET = '01900000-0000-7000-8000-0000000000a9';

function facts(device: { assetId: string; assetTag: string }, changes: Partial<DeviceFacts> = {}): DeviceFacts {
  return { ...device, status: 'issued', holderId: traveller.personId, suspended: false, ...changes };
}

function contextWith(devices: DeviceFacts[] = [facts(LAPTOP), facts(PHONE)], otherTrips: TripRequestContext['otherTrips'] = []): TripRequestContext {
  return { today: TODAY, travellerId: traveller.personId, devices: new Map(devices.map((device) => [device.assetId, device])), otherTrips };
}

const GOOD = {
  type: 'official',
  legs: [{ country: 'FR', from: '2026-03-10', to: '2026-03-14' }],
  deviceIds: [LAPTOP.assetId],
  justification: 'Speaking at the Paris benefits conference',
};

/** The field errors of a request, or {} when it is valid. */
function problems(input: unknown, context = contextWith()): Record<string, string> {
  const result = validateTripRequest(input, context);
  return result.ok ? {} : { ...result.error.fields };
}

describe('a valid travel request', () => {
  it('comes back with legs in date order, devices named, and the justification trimmed', () => {
    const request = accepted(
      validateTripRequest(
        {
          ...GOOD,
          legs: [{ country: 'de', from: '2026-03-14', to: '2026-03-16' }, GOOD.legs[0]],
          deviceIds: [LAPTOP.assetId, PHONE.assetId],
          justification: '  Conference  ',
        },
        contextWith(),
      ),
    );
    expect(request).toEqual({
      type: 'official',
      legs: [leg('FR', '2026-03-10', '2026-03-14'), leg('DE', '2026-03-14', '2026-03-16')],
      devices: [LAPTOP, PHONE],
      justification: 'Conference',
    });
  });

  it('accepts a trip starting today, a one-day leg, and a personal trip with no devices or justification', () => {
    expect(problems({ ...GOOD, legs: [{ country: 'FR', from: TODAY, to: TODAY }] })).toEqual({});
    expect(problems({ type: 'personal', legs: GOOD.legs })).toEqual({});
  });

  it('lets consecutive legs share the travel day, and a new trip start the day another ends', () => {
    const legs = [GOOD.legs[0], { country: 'DE', from: '2026-03-14', to: '2026-03-20' }];
    expect(problems({ ...GOOD, legs }, contextWith(undefined, [{ legs: [leg('IT', '2026-03-01', '2026-03-10')] }]))).toEqual({});
  });
});

describe('bad input: each gets a clear error under its field, and nothing comes back to write', () => {
  it('return before departure', () => {
    expect(problems({ ...GOOD, legs: [{ country: 'FR', from: '2026-03-14', to: '2026-03-10' }] })).toEqual({
      'legs.0.to': 'The end date must be the same as or after the start date (14 Mar 2026): you cannot come back before you leave',
    });
  });

  it('overlapping legs', () => {
    const legs = [GOOD.legs[0], { country: 'DE', from: '2026-03-12', to: '2026-03-20' }];
    expect(problems({ ...GOOD, legs })).toEqual({
      'legs.1.from': 'The dates in Germany overlap leg 1 (France), 10 Mar 2026 to 14 Mar 2026: legs may share a travel day but not overlap',
    });
    // However the traveller orders them.
    expect(Object.keys(problems({ ...GOOD, legs: [{ country: 'DE', from: '2026-03-08', to: '2026-03-20' }, GOOD.legs[0]] }))).toEqual(['legs.1.from']);
  });

  it('past dates (today is injected, not read from a clock)', () => {
    expect(problems({ ...GOOD, legs: [{ country: 'FR', from: '2026-03-01', to: '2026-03-04' }] })).toEqual({
      'legs.0.from': 'The start date must be today or later: 1 Mar 2026 has passed (today is 2 Mar 2026)',
    });
    expect(problems({ ...GOOD, legs: [{ country: 'FR', from: '2026-03-01', to: '2026-03-04' }] }, { ...contextWith(), today: '2026-02-28' })).toEqual({});
  });

  it('dates that are not real dates', () => {
    expect(problems({ ...GOOD, legs: [{ country: 'FR', from: '2026-02-30', to: '10/03/2026' }] })).toEqual({
      'legs.0.from': 'The start date must be a real date, for example 2026-03-27',
      'legs.0.to': 'The end date must be a real date, for example 2026-03-27',
    });
    expect(problems({ ...GOOD, legs: [{ country: 'FR', from: '', to: '2026-03-10' }] })).toEqual({ 'legs.0.from': 'Enter the start date' });
  });

  it('unknown country codes, and the UK itself', () => {
    expect(problems({ ...GOOD, legs: [{ ...GOOD.legs[0], country: 'ZZ' }] })).toEqual({
      'legs.0.country': '“ZZ” is not a country we know: use the two-letter ISO 3166-1 code, for example FR for France',
    });
    expect(problems({ ...GOOD, legs: [{ ...GOOD.legs[0], country: 'GB' }] })['legs.0.country']).toMatch(/needs no travel request/);
  });

  it('devices the traveller does not hold', () => {
    const someoneElses = facts(LAPTOP, { holderId: 'p-colleague' });
    expect(problems(GOOD, contextWith([someoneElses]))).toEqual({ 'deviceIds.0': 'LT-0001 is not issued to you: choose from the equipment you hold' });
    for (const status of ['in_stock', 'returned', 'in_repair', 'retired'] satisfies AssetStatus[]) {
      expect(problems(GOOD, contextWith([facts(LAPTOP, { status, holderId: null })]))).toEqual({
        'deviceIds.0': 'LT-0001 is not issued to you: choose from the equipment you hold',
      });
    }
    expect(problems({ ...GOOD, deviceIds: [OTHER_ASSET] })).toEqual({ 'deviceIds.0': 'That device is not in the register: choose from the equipment you hold' });
    expect(problems({ ...GOOD, deviceIds: ['LT-0001'] })).toEqual({ 'deviceIds.0': 'The device id must be a UUID' });
  });

  it('devices that are lost, stolen, damaged or suspended', () => {
    for (const status of ['lost', 'stolen', 'damaged'] satisfies AssetStatus[]) {
      expect(problems(GOOD, contextWith([facts(LAPTOP, { status, holderId: null })]))).toEqual({ 'deviceIds.0': `LT-0001 is reported ${status}, so it cannot go abroad` });
    }
    const suspendedPhone = facts(PHONE, { suspended: true });
    expect(problems({ ...GOOD, deviceIds: [PHONE.assetId] }, contextWith([suspendedPhone]))).toEqual({
      'deviceIds.0': 'PH-0001 has its line suspended (AUP 8.2), so it cannot go abroad',
    });
  });

  it('a personal trip with devices (AUP 7.13)', () => {
    expect(problems({ ...GOOD, type: 'personal' })).toEqual({
      deviceIds: 'Department devices cannot go on a personal trip (AUP 7.13): remove them, or request an official trip',
    });
  });

  it('an official trip with no justification, the same device twice, no legs, too many legs, unknown fields', () => {
    expect(problems({ ...GOOD, justification: '   ' })).toEqual({ justification: 'Enter the business justification for this trip' });
    expect(problems({ ...GOOD, deviceIds: [LAPTOP.assetId, LAPTOP.assetId] })).toEqual({ 'deviceIds.1': 'You have chosen this device twice' });
    expect(problems({ ...GOOD, legs: [] })).toEqual({ legs: 'Add at least one country you will visit' });
    const legs = Array.from({ length: 21 }, (_, day) => ({ country: 'FR', from: `2026-04-${String(day + 1).padStart(2, '0')}`, to: `2026-04-${String(day + 1).padStart(2, '0')}` }));
    expect(problems({ ...GOOD, legs })).toEqual({ legs: 'A trip can have at most 20 countries: request a second trip for the rest' });
    expect(problems({ ...GOOD, status: 'approved' })).toEqual({ status: 'status is not a recognised field' });
    expect(problems({ ...GOOD, type: 'holiday' })).toEqual({ type: 'Choose official business or personal' });
  });

  it('dates clashing with another of the traveller’s trips', () => {
    const other = { legs: [leg('IT', '2026-03-08', '2026-03-11')] };
    expect(problems(GOOD, contextWith(undefined, [other]))).toEqual({
      'legs.0.from': 'Your dates in France (10 Mar 2026 to 14 Mar 2026) overlap the trip to Italy (8 Mar 2026 to 11 Mar 2026): change the dates, or withdraw that trip first',
    });
  });

  it('reports every problem at once, even alongside a field that is malformed, with a summary naming each field', () => {
    const result = validateTripRequest(
      {
        type: 'personal',
        legs: [
          { country: 'ZZ', from: '2026-03-01', to: '2026-03-05' },
          { country: 'FR', from: '2026-03-14', to: '2026-03-13' },
          { country: 'DE', from: '2026-03-03', to: '2026-03-04' },
        ],
        deviceIds: [LAPTOP.assetId],
      },
      contextWith(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.fields).toEqual({
      deviceIds: 'Department devices cannot go on a personal trip (AUP 7.13): remove them, or request an official trip',
      'legs.0.country': '“ZZ” is not a country we know: use the two-letter ISO 3166-1 code, for example FR for France',
      'legs.0.from': 'The start date must be today or later: 1 Mar 2026 has passed (today is 2 Mar 2026)',
      'legs.1.to': 'The end date must be the same as or after the start date (14 Mar 2026): you cannot come back before you leave',
      'legs.2.from': 'The dates in Germany overlap leg 1, 1 Mar 2026 to 5 Mar 2026: legs may share a travel day but not overlap',
    });
    expect(result.error.message).toMatch(/^The travel request has 5 problems: /);
  });
});

describe('the form schema', () => {
  it('shows the past-date rule inline, and the mutator arguments schema leaves it to the store-aware check', () => {
    const past = { ...GOOD, legs: [{ country: 'FR', from: '2026-03-01', to: '2026-03-04' }] };
    const form = tripRequestFormSchema(TODAY).safeParse(past);
    expect(form.success ? {} : fieldErrors(form.error)).toEqual({ 'legs.0.from': 'The start date must be today or later: 1 Mar 2026 has passed (today is 2 Mar 2026)' });
    expect(tripRequestInput.safeParse(past).success).toBe(true);
  });
});
