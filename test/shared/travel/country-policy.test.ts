import { describe, expect, it } from 'vitest';
import { DESTINATION_CODES } from '../../../src-shared/domain/travel/countries';
import {
  COUNTRY_TIER_VALUES,
  currentPolicy,
  initialCountryPolicy,
  isStricterTier,
  policyNumbered,
  ruleFor,
  UNCLASSIFIED_RULE,
  type CountryPolicyVersion,
} from '../../../src-shared/domain/travel/country-policy';
import { applyPolicyChange, countryPolicyChangeArgs, type CountryPolicyChangeArgs } from '../../../src-shared/domain/travel/policy-change';
import { describeTightening, tighteningsBetween, tripsAffectedByTightening } from '../../../src-shared/domain/travel/policy-tightening';
import type { TripStatus } from '../../../src-shared/domain/travel/trip-lifecycle';
import { fieldErrors } from '../../../src-shared/validation';
import { accepted, leg, permitted, policyWith, prohibited, review, securityOfficer, TODAY, tripIn } from './fixtures';

const STAMP = { at: '2026-03-02T10:00:00.000Z', by: securityOfficer.personId, byName: securityOfficer.name };

function change(current: CountryPolicyVersion, changes: CountryPolicyChangeArgs['changes'], reason = 'Updated FCDO advice'): CountryPolicyVersion {
  return accepted(applyPolicyChange(current, { basedOnVersion: current.version, changes, reason }, STAMP));
}

describe('the country policy', () => {
  it('starts with every destination unclassified: devices go there only after a security review', () => {
    const first = initialCountryPolicy('2026-01-01T00:00:00.000Z');
    expect(first.version).toBe(1);
    expect(first.setBy).toBeNull();
    expect(Object.keys(first.rules).sort()).toEqual([...DESTINATION_CODES].sort());
    for (const code of DESTINATION_CODES) expect(ruleFor(first, code)).toEqual({ tier: 'security_review', notify: false });
    expect(ruleFor({ ...first, rules: {} }, 'FR')).toBe(UNCLASSIFIED_RULE);
  });

  it('orders tiers from permitted to prohibited', () => {
    expect(COUNTRY_TIER_VALUES).toEqual(['permitted', 'security_review', 'prohibited']);
    expect(isStricterTier('prohibited', 'security_review')).toBe(true);
    expect(isStricterTier('security_review', 'permitted')).toBe(true);
    expect(isStricterTier('permitted', 'permitted')).toBe(false);
    expect(isStricterTier('permitted', 'prohibited')).toBe(false);
  });

  it('makes the next version from a change: numbered, stamped, only the changed countries different', () => {
    const first = initialCountryPolicy('2026-01-01T00:00:00.000Z');
    const second = change(first, [{ country: 'FR', tier: 'permitted', notify: false }, { country: 'RU', tier: 'prohibited', notify: true }]);
    expect(second).toMatchObject({ version: 2, effectiveAt: STAMP.at, setBy: 'p-security', setByName: 'Sid Security', reason: 'Updated FCDO advice' });
    expect(ruleFor(second, 'FR')).toEqual(permitted);
    expect(ruleFor(second, 'RU')).toEqual({ tier: 'prohibited', notify: true });
    const others = DESTINATION_CODES.filter((code) => code !== 'FR' && code !== 'RU');
    for (const code of others) expect(ruleFor(second, code)).toEqual(ruleFor(first, code));
    expect(ruleFor(first, 'FR')).toEqual(UNCLASSIFIED_RULE); // the earlier version is untouched
  });

  it('refuses a change made on an older version, naming the current one and who set it', () => {
    const second = change(initialCountryPolicy('2026-01-01T00:00:00.000Z'), [{ country: 'FR', tier: 'permitted', notify: false }]);
    const stale = applyPolicyChange(second, { basedOnVersion: 1, changes: [{ country: 'DE', tier: 'permitted', notify: false }], reason: 'x' }, STAMP);
    expect(stale).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'The country policy changed to version 2 (set by Sid Security on 2 Mar 2026 at 10:00) while you were editing version 1: look at it again and make your change on the current version',
        fields: {},
      },
    });
  });

  it('drops rows that change nothing, and refuses a change with nothing left', () => {
    const first = policyWith({ FR: permitted });
    const next = change(first, [{ country: 'FR', tier: 'permitted', notify: false }, { country: 'DE', tier: 'prohibited', notify: false }]);
    expect(next.version).toBe(2);
    const nothing = applyPolicyChange(first, { basedOnVersion: 1, changes: [{ country: 'FR', tier: 'permitted', notify: false }], reason: 'x' }, STAMP);
    expect(nothing.ok).toBe(false);
    if (!nothing.ok) expect(nothing.error.fields).toEqual({ changes: 'Change the tier or the notify flag of at least one country' });
  });

  it('never dates a version before the one it follows (a desktop clock behind is no reason to refuse)', () => {
    const first = initialCountryPolicy('2026-03-05T00:00:00.000Z');
    const next = change(first, [{ country: 'FR', tier: 'permitted', notify: false }]);
    expect(next.effectiveAt).toBe('2026-03-05T00:00:00.000Z');
  });

  it('finds the version in force and any version by number', () => {
    const first = initialCountryPolicy('2026-01-01T00:00:00.000Z');
    const second = change(first, [{ country: 'FR', tier: 'permitted', notify: false }]);
    const third = change(second, [{ country: 'FR', tier: 'prohibited', notify: false }]);
    expect(currentPolicy([second, third, first])).toBe(third);
    expect(policyNumbered([first, second, third], 2)).toBe(second);
    expect(policyNumbered([first], 9)).toBeUndefined();
  });

  it('checks a change’s arguments with field messages', () => {
    const parsed = countryPolicyChangeArgs.safeParse({
      basedOnVersion: 3,
      changes: [
        { country: 'fr', tier: 'permitted', notify: false },
        { country: 'FR', tier: 'prohibited', notify: true },
        { country: 'GB', tier: 'permitted', notify: false },
        { country: 'QQ', tier: 'banned', notify: 'yes' },
      ],
      reason: ' ',
    });
    expect(parsed.success ? {} : fieldErrors(parsed.error)).toEqual({
      'changes.1.country': 'France is listed twice: change each country once',
      'changes.2.country': 'Travel within the United Kingdom needs no travel request: choose a country outside the UK',
      'changes.3.country': '“QQ” is not a country we know: use the two-letter ISO 3166-1 code, for example FR for France',
      'changes.3.tier': 'Choose devices permitted, security review required or devices prohibited',
      'changes.3.notify': 'Say whether travel here must be notified',
      reason: 'Enter the reason for the change',
    });
  });
});

describe('tightenings', () => {
  const before = policyWith({ FR: permitted, DE: review, CN: review, IT: { tier: 'permitted', notify: true } });

  it('are a stricter tier or a notify flag added, never a loosening', () => {
    const after = change(before, [
      { country: 'FR', tier: 'security_review', notify: false },
      { country: 'DE', tier: 'permitted', notify: true },
      { country: 'CN', tier: 'permitted', notify: false },
      { country: 'IT', tier: 'permitted', notify: false },
    ]);
    const found = tighteningsBetween(before, after);
    expect(found.map((item) => item.country)).toEqual(['FR', 'DE']);
    expect(found.map(describeTightening)).toEqual([
      'France: devices permitted with manager approval → security review required',
      'Germany: travel must now be notified (AUP 7.14)',
    ]);
    expect(tighteningsBetween(after, after)).toEqual([]);
  });
});

describe('trips affected by a tightening', () => {
  const before = policyWith({ FR: permitted, CN: review, RU: prohibited });
  const trips = (status: TripStatus, withDevice = true) =>
    tripIn(status, { legs: [leg('FR', '2026-03-02', '2026-03-06')], devices: withDevice ? undefined : [], policy: before });

  it('flags approved and pending official trips for re-review when a tier on them tightens', () => {
    const after = change(before, [{ country: 'FR', tier: 'security_review', notify: false }]);
    for (const status of ['submitted', 'manager_approved', 'approved'] satisfies TripStatus[]) {
      const affected = tripsAffectedByTightening([trips(status)], before, after, TODAY);
      expect(affected).toHaveLength(1);
      expect(affected[0]).toMatchObject({
        action: 'reReview',
        reason: 'Country policy version 2: France: devices permitted with manager approval → security review required',
      });
    }
  });

  it('leaves a trip taking no device alone when only a tier tightens, but not when notice becomes due', () => {
    const stricter = change(before, [{ country: 'FR', tier: 'prohibited', notify: false }]);
    expect(tripsAffectedByTightening([trips('approved', false)], before, stricter, TODAY)).toEqual([]);
    const notified = change(before, [{ country: 'FR', tier: 'permitted', notify: true }]);
    expect(tripsAffectedByTightening([trips('approved', false)], before, notified, TODAY).map((item) => item.action)).toEqual(['reReview']);
  });

  it('asks for a notice for a noted personal trip, and alerts security to devices already abroad', () => {
    const notified = change(before, [{ country: 'FR', tier: 'prohibited', notify: true }]);
    const affected = tripsAffectedByTightening([trips('noted'), trips('travelling')], before, notified, TODAY);
    expect(affected.map((item) => [item.trip.status, item.action])).toEqual([
      ['noted', 'notify'],
      ['travelling', 'alertAbroad'],
    ]);
    const tierOnly = change(before, [{ country: 'FR', tier: 'prohibited', notify: false }]);
    expect(tripsAffectedByTightening([trips('noted')], before, tierOnly, TODAY)).toEqual([]);
  });

  it('ignores final and already-flagged trips, trips already over, trips elsewhere and loosenings', () => {
    const after = change(before, [{ country: 'FR', tier: 'prohibited', notify: true }]);
    for (const status of ['completed', 'rejected', 'withdrawn', 'cancelled', 're_review_required'] satisfies TripStatus[]) {
      expect(tripsAffectedByTightening([trips(status)], before, after, TODAY)).toEqual([]);
    }
    expect(tripsAffectedByTightening([trips('approved')], before, after, '2026-03-07')).toEqual([]);
    const elsewhere = tripIn('approved', { legs: [leg('DE', '2026-03-02', '2026-03-06')], policy: before });
    expect(tripsAffectedByTightening([elsewhere], before, after, TODAY)).toEqual([]);
    const looser = change(before, [{ country: 'CN', tier: 'permitted', notify: false }]);
    const toChina = tripIn('approved', { legs: [leg('CN', '2026-03-02', '2026-03-06')], policy: before });
    expect(tripsAffectedByTightening([toChina], before, looser, TODAY)).toEqual([]);
  });

  it('flags a trip whose devices were refused (prohibited country) only when notice becomes due', () => {
    const toRussia = tripIn('approved', { legs: [leg('RU', '2026-03-02', '2026-03-06'), leg('CN', '2026-03-06', '2026-03-08')], policy: before });
    expect(toRussia.route.devices).toEqual([]);
    const chinaProhibited = change(before, [{ country: 'CN', tier: 'prohibited', notify: false }]);
    expect(tripsAffectedByTightening([toRussia], before, chinaProhibited, TODAY)).toEqual([]);
    const russiaNotified = change(before, [{ country: 'RU', tier: 'prohibited', notify: true }]);
    expect(tripsAffectedByTightening([toRussia], before, russiaNotified, TODAY).map((item) => item.action)).toEqual(['reReview']);
  });
});
