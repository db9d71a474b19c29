import { describe, expect, it } from 'vitest';
import type { CountryPolicyView, TripAbroadItem, TripDetail, TripListItem } from '../../../src-shared/api/travel-queries';
import { value } from '../../support/result';
import { issuedAsset, travelTeam, tripRequest } from './support';

async function tripsUnderWay() {
  const team = await travelTeam();
  const { d, manager, ada, grace, sec } = team;
  d.actAs(sec);
  value(await d.dispatch('countryPolicy.change', { basedOnVersion: 1, changes: [{ country: 'CN', tier: 'security_review', notify: true }], reason: 'Review' }));
  const laptop = await issuedAsset(d, ada, 'laptop');
  d.actAs(ada);
  const china = tripRequest({ legs: [{ country: 'CN', from: '2026-11-23', to: '2026-11-26' }], deviceIds: [laptop.id] });
  value(await d.dispatch('travel.request', china));
  d.actAs(grace);
  const france = tripRequest({ legs: [{ country: 'FR', from: '2026-12-01', to: '2026-12-03' }] });
  value(await d.dispatch('travel.request', france));
  d.actAs(manager);
  value(await d.dispatch('travel.approveAsManager', { tripId: china.id, reason: 'Needed' }));
  return { ...team, laptop, china, france };
}

describe('travel queries through the dispatcher', () => {
  it('trip.get gives the trip with its legs, devices, timeline (newest first), notices and the steps its status allows', async () => {
    const { d, china, laptop } = await tripsUnderWay();
    const detail = value<TripDetail>(await d.dispatch('trip.get', { tripId: china.id }));
    expect(detail.trip).toMatchObject({ id: china.id, status: 'manager_approved', needsSecurity: 'yes', travellerName: 'Ada Lovelace' });
    expect(detail.legs.map((leg) => [leg.country, leg.fromOn, leg.toOn, leg.notify])).toEqual([['CN', '2026-11-23', '2026-11-26', 'yes']]);
    expect(detail.devices.map((device) => device.assetTag)).toEqual([laptop.tag]);
    expect(detail.timeline.map((entry) => [entry.event, entry.actorName])).toEqual([
      ['approveAsManager', 'Bo Boss'],
      ['notified', 'Ada Lovelace'],
      ['requested', 'Ada Lovelace'],
    ]);
    expect(detail.notices).toHaveLength(1);
    expect(detail.commands).toEqual(['approveAsSecurity', 'reject', 'withdraw']);
    expect(detail.overdue).toEqual([]);
    const missing = await d.dispatch('trip.get', { tripId: crypto.randomUUID() });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
  });

  it('trip.listForPerson lists a person’s trips with their countries and devices', async () => {
    const { d, ada, laptop } = await tripsUnderWay();
    const items = value<TripListItem[]>(await d.dispatch('trip.listForPerson', { personId: ada }));
    expect(items.map((item) => [item.countries, item.devices])).toEqual([[['CN'], [{ assetId: laptop.id, assetTag: laptop.tag, returned: false }]]]);
  });

  it('trip.approvalQueue gives the line manager’s queue and the security review queue', async () => {
    const { d, manager, china, france } = await tripsUnderWay();
    const managers = value<TripListItem[]>(await d.dispatch('trip.approvalQueue', { stage: 'line_manager', managerId: manager }));
    expect(managers.map((item) => item.trip.id)).toEqual([france.id]);
    const security = value<TripListItem[]>(await d.dispatch('trip.approvalQueue', { stage: 'security' }));
    expect(security.map((item) => item.trip.id)).toEqual([china.id]);
    const bad = await d.dispatch('trip.approvalQueue', { stage: 'nobody' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
  });

  it('trip.abroad lists who is abroad now and soon, and flags a device overdue after the last day', async () => {
    const { d, sec, ada, china, laptop } = await tripsUnderWay();
    d.actAs(sec);
    value(await d.dispatch('travel.approveAsSecurity', { tripId: china.id, reason: 'Briefed' }));
    let abroad = value<TripAbroadItem[]>(await d.dispatch('trip.abroad', {}));
    expect(abroad.map((item) => [item.trip.id, item.now])).toEqual([[china.id, true]]);
    d.actAs(ada);
    value(await d.dispatch('travel.recordDeparture', { tripId: china.id }));
    d.time.advanceHours(24 * 5);
    abroad = value<TripAbroadItem[]>(await d.dispatch('trip.abroad', { withinDays: 0 }));
    expect(abroad.map((item) => [item.trip.status, item.now, item.overdue])).toEqual([
      ['travelling', true, [{ assetId: laptop.id, assetTag: laptop.tag, dueBack: '2026-11-26', daysOverdue: 2 }]],
    ]);
  });

  it('countryPolicy.current gives every destination’s rule in force, by name', async () => {
    const { d } = await tripsUnderWay();
    const policy = value<CountryPolicyView>(await d.dispatch('countryPolicy.current', {}));
    expect(policy).toMatchObject({ version: 2, setByName: 'Sue Security', reason: 'Review' });
    expect(policy.rules.find((rule) => rule.country === 'CN')).toEqual({ country: 'CN', name: "People's Republic of China", tier: 'security_review', notify: true });
    expect(policy.rules.find((rule) => rule.country === 'FR')).toMatchObject({ tier: 'security_review', notify: false });
    expect(policy.rules.some((rule) => rule.country === 'GB')).toBe(false);
    expect(policy.rules.length).toBeGreaterThan(240);
  });
});
