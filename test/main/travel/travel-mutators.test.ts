import { describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/result';
import { value } from '../../support/result';
import { issuedAsset, travelCounts, travelTeam, tripEvents, tripRequest, tripRow, type Desk } from './support';

function refusal(result: Result<unknown>): { code: string; message: string; fields: Readonly<Record<string, string>> } {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

/** Runs `call`, expects a refusal with `code`, and checks that nothing was written. */
async function refusedWithoutWriting(d: Desk, call: () => Promise<Result<unknown>>, code: string) {
  const before = travelCounts(d.store);
  const tripsBefore = d.store.db.prepare('SELECT * FROM trips ORDER BY id').all();
  const error = refusal(await call());
  expect(error.code).toBe(code);
  expect(travelCounts(d.store)).toEqual(before);
  expect(d.store.db.prepare('SELECT * FROM trips ORDER BY id').all()).toEqual(tripsBefore);
  return error;
}

async function changePolicy(d: Desk, actor: string, basedOnVersion: number, changes: { country: string; tier: string; notify: boolean }[]) {
  d.actAs(actor);
  value(await d.dispatch('countryPolicy.change', { basedOnVersion, changes, reason: 'Quarterly review' }));
}

describe('travel mutators: an official trip with a laptop to a security-review country', () => {
  it('goes from request through both approvals, departure and the laptop’s return, with a timeline entry each step', async () => {
    const { d, manager, ada, sec } = await travelTeam();
    const laptop = await issuedAsset(d, ada, 'laptop');
    d.actAs(ada);
    const request = tripRequest({ deviceIds: [laptop.id] });
    value(await d.dispatch('travel.request', request));
    expect(tripRow(d.store, request.id)).toMatchObject({
      status: 'submitted',
      needs_security: 'yes',
      policy_version: 1,
      line_manager_id: manager,
      starts_on: '2026-11-25',
      ends_on: '2026-11-30',
      round: 1,
    });
    expect(d.store.db.prepare('SELECT asset_tag, refused_reason FROM trip_devices WHERE trip_id = ?').all(request.id)).toEqual([
      { asset_tag: laptop.tag, refused_reason: null },
    ]);

    d.actAs(manager);
    value(await d.dispatch('travel.approveAsManager', { tripId: request.id, reason: 'Business need confirmed' }));
    expect(tripRow(d.store, request.id)).toMatchObject({ status: 'manager_approved', manager_approved_by: manager, manager_approval_reason: 'Business need confirmed' });
    d.actAs(sec);
    value(await d.dispatch('travel.approveAsSecurity', { tripId: request.id, reason: 'Standard precautions briefed' }));
    expect(tripRow(d.store, request.id)).toMatchObject({ status: 'approved', security_approved_by: sec });

    d.time.advanceHours(48);
    d.actAs(ada);
    value(await d.dispatch('travel.recordDeparture', { tripId: request.id }));
    expect(tripRow(d.store, request.id)).toMatchObject({ status: 'travelling', departed_on: '2026-11-25' });
    d.time.advanceHours(24 * 6);
    value(await d.dispatch('travel.confirmDeviceReturned', { tripId: request.id, assetId: laptop.id, returnedOn: '2026-11-30' }));
    expect(tripRow(d.store, request.id)).toMatchObject({ status: 'completed' });
    expect(d.store.db.prepare('SELECT returned_on, return_confirmed_by, needs_check FROM trip_devices WHERE trip_id = ?').get(request.id)).toEqual({
      returned_on: '2026-11-30',
      return_confirmed_by: ada,
      needs_check: 'yes',
    });
    expect(tripEvents(d.store, request.id)).toEqual(['requested', 'approveAsManager', 'approveAsSecurity', 'recordDeparture', 'confirmDeviceReturned']);
  });

  it('never takes both approvals from one person, and nobody approves their own trip: nothing is written', async () => {
    const { d, secManager, bob } = await travelTeam();
    const laptop = await issuedAsset(d, bob, 'laptop');
    d.actAs(bob);
    const request = tripRequest({ deviceIds: [laptop.id] });
    value(await d.dispatch('travel.request', request));
    await refusedWithoutWriting(d, () => d.dispatch('travel.approveAsManager', { tripId: request.id, reason: 'Mine' }), 'forbidden');
    d.actAs(secManager);
    value(await d.dispatch('travel.approveAsManager', { tripId: request.id, reason: 'Needed' }));
    const error = await refusedWithoutWriting(d, () => d.dispatch('travel.approveAsSecurity', { tripId: request.id, reason: 'Fine' }), 'forbidden');
    expect(error.message).toMatch(/security approval must come from someone else/);
  });

  it('refuses a step the state machine does not allow, naming the status, who set it and when', async () => {
    const { d, manager, ada } = await travelTeam();
    d.actAs(ada);
    const request = tripRequest();
    value(await d.dispatch('travel.request', request));
    value(await d.dispatch('travel.withdraw', { tripId: request.id, reason: null }));
    d.actAs(manager);
    const error = await refusedWithoutWriting(d, () => d.dispatch('travel.approveAsManager', { tripId: request.id, reason: 'OK' }), 'conflict');
    expect(error.message).toMatch(/its status is “Withdrawn”, which is final \(set by Ada Lovelace on/);
  });
});

describe('travel mutators: routes and decisions', () => {
  it('needs only the line manager for a permitted country; the manager may reject, and cancel an approved trip', async () => {
    const { d, manager, ada, grace, sec } = await travelTeam();
    await changePolicy(d, sec, 1, [{ country: 'FR', tier: 'permitted', notify: false }]);
    const laptop = await issuedAsset(d, ada, 'laptop');
    d.actAs(ada);
    const first = tripRequest({ deviceIds: [laptop.id] });
    value(await d.dispatch('travel.request', first));
    expect(tripRow(d.store, first.id)).toMatchObject({ needs_security: 'no', policy_version: 2 });
    d.actAs(manager);
    value(await d.dispatch('travel.approveAsManager', { tripId: first.id, reason: 'Fine' }));
    expect(tripRow(d.store, first.id)).toMatchObject({ status: 'approved' });
    await refusedWithoutWriting(d, () => d.dispatch('travel.cancel', { tripId: first.id, reason: '' }), 'invalid_input');
    value(await d.dispatch('travel.cancel', { tripId: first.id, reason: 'Conference called off' }));
    expect(tripRow(d.store, first.id)).toMatchObject({ status: 'cancelled', stop_reason: 'Conference called off', stopped_by: manager });

    d.actAs(grace);
    const second = tripRequest();
    value(await d.dispatch('travel.request', second));
    d.actAs(manager);
    value(await d.dispatch('travel.reject', { tripId: second.id, reason: 'Send someone else' }));
    expect(tripRow(d.store, second.id)).toMatchObject({ status: 'rejected', stop_reason: 'Send someone else' });
  });

  it('refuses devices in a prohibited country but lets the trip go ahead without them', async () => {
    const { d, sec, ada } = await travelTeam();
    await changePolicy(d, sec, 1, [{ country: 'KP', tier: 'prohibited', notify: true }]);
    const laptop = await issuedAsset(d, ada, 'laptop');
    d.actAs(ada);
    const request = tripRequest({ legs: [{ country: 'KP', from: '2026-11-25', to: '2026-11-27' }], deviceIds: [laptop.id] });
    value(await d.dispatch('travel.request', request));
    expect(tripRow(d.store, request.id)).toMatchObject({ status: 'submitted', needs_security: 'no' });
    const device = d.store.db.prepare('SELECT refused_reason FROM trip_devices WHERE trip_id = ?').get(request.id) as { refused_reason: string };
    expect(device.refused_reason).toMatch(/Devices are prohibited in North Korea/);
    expect(d.store.db.prepare('SELECT countries, policy_version FROM travel_notices WHERE trip_id = ?').all(request.id)).toEqual([{ countries: 'KP', policy_version: 2 }]);
  });

  it('notes a personal trip without approval, and makes the AUP 7.14 notice for a notify country', async () => {
    const { d, sec, ada } = await travelTeam();
    await changePolicy(d, sec, 1, [{ country: 'CN', tier: 'security_review', notify: true }]);
    d.actAs(ada);
    const request = tripRequest({ type: 'personal', justification: null, legs: [{ country: 'CN', from: '2026-12-20', to: '2026-12-28' }] });
    value(await d.dispatch('travel.request', request));
    expect(tripRow(d.store, request.id)).toMatchObject({ status: 'noted', type: 'personal' });
    expect(tripEvents(d.store, request.id)).toEqual(['noted', 'notified']);
    expect(d.store.db.prepare('SELECT trip_type, countries, from_on, to_on FROM travel_notices').all()).toEqual([
      { trip_type: 'personal', countries: 'CN', from_on: '2026-12-20', to_on: '2026-12-28' },
    ]);
  });
});

describe('countryPolicy.change', () => {
  it('versions every change, and flags approved trips it tightens for re-review; the traveller resubmits as a new round', async () => {
    const { d, sec, manager, ada } = await travelTeam();
    await changePolicy(d, sec, 1, [{ country: 'FR', tier: 'permitted', notify: false }]);
    const laptop = await issuedAsset(d, ada, 'laptop');
    d.actAs(ada);
    const request = tripRequest({ deviceIds: [laptop.id] });
    value(await d.dispatch('travel.request', request));
    d.actAs(manager);
    value(await d.dispatch('travel.approveAsManager', { tripId: request.id, reason: 'Fine' }));

    await changePolicy(d, sec, 2, [{ country: 'FR', tier: 'security_review', notify: false }]);
    expect(d.store.db.prepare('SELECT policy_version, set_by FROM country_policy_versions ORDER BY policy_version').all()).toEqual([
      { policy_version: 2, set_by: sec },
      { policy_version: 3, set_by: sec },
    ]);
    expect(tripRow(d.store, request.id)).toMatchObject({ status: 're_review_required', stopped_by: sec });
    expect(String(tripRow(d.store, request.id).stop_reason)).toMatch(/^Country policy version 3: France/);

    d.actAs(ada);
    value(await d.dispatch('travel.resubmit', { tripId: request.id, type: request.type, legs: request.legs, deviceIds: request.deviceIds, justification: request.justification }));
    expect(tripRow(d.store, request.id)).toMatchObject({ status: 'submitted', round: 2, needs_security: 'yes', policy_version: 3, manager_approved_by: null });
    expect(d.store.db.prepare('SELECT round, COUNT(*) AS n FROM trip_legs WHERE trip_id = ? GROUP BY round').all(request.id)).toEqual([
      { round: 1, n: 1 },
      { round: 2, n: 1 },
    ]);
    expect(tripEvents(d.store, request.id)).toEqual(['requested', 'approveAsManager', 'flagForReReview', 'resubmitted']);
  });

  it('is the security team’s alone, and a change based on an older version is refused: nothing is written', async () => {
    const { d, sec, manager } = await travelTeam();
    d.actAs(manager);
    const change = { basedOnVersion: 1, changes: [{ country: 'FR', tier: 'permitted', notify: false }], reason: 'Review' };
    await refusedWithoutWriting(d, () => d.dispatch('countryPolicy.change', change), 'forbidden');
    await changePolicy(d, sec, 1, [{ country: 'FR', tier: 'permitted', notify: false }]);
    const stale = await refusedWithoutWriting(d, () => d.dispatch('countryPolicy.change', { ...change, changes: [{ country: 'DE', tier: 'prohibited', notify: false }] }), 'conflict');
    expect(stale.message).toMatch(/changed to version 2/);
    await refusedWithoutWriting(d, () => d.dispatch('countryPolicy.change', { ...change, basedOnVersion: 2 }), 'invalid_input');
  });
});

describe('travel mutators: bad input writes nothing', () => {
  it('refuses past dates, return before departure, overlapping legs and unknown countries, naming each field', async () => {
    const { d, ada } = await travelTeam();
    d.actAs(ada);
    const error = await refusedWithoutWriting(
      d,
      () =>
        d.dispatch(
          'travel.request',
          tripRequest({
            legs: [
              { country: 'FR', from: '2026-11-01', to: '2026-11-05' },
              { country: 'DE', from: '2026-12-10', to: '2026-12-01' },
              { country: 'XX', from: '2026-12-12', to: '2026-12-14' },
              { country: 'IT', from: '2026-12-11', to: '2026-12-20' },
            ],
          }),
        ),
      'invalid_input',
    );
    expect(Object.keys(error.fields).sort()).toEqual(['legs.0.from', 'legs.1.to', 'legs.2.country', 'legs.3.from'].sort());
  });

  it('refuses devices the traveller does not hold, or that are reported lost', async () => {
    const { d, ada, grace } = await travelTeam();
    const gracesLaptop = await issuedAsset(d, grace, 'laptop');
    const phone = await issuedAsset(d, ada, 'smartphone');
    d.actAs(ada);
    value(await d.dispatch('asset.reportLoss', { id: crypto.randomUUID(), assetId: phone.id, kind: 'lost', occurredOn: '2026-11-22', location: 'Train', circumstances: 'Left it', deviceUnlocked: 'no' }));
    const error = await refusedWithoutWriting(d, () => d.dispatch('travel.request', tripRequest({ deviceIds: [gracesLaptop.id, phone.id] })), 'invalid_input');
    expect(error.fields['deviceIds.0']).toMatch(/is not issued to you/);
    expect(error.fields['deviceIds.1']).toMatch(/is reported lost/);
  });

  it('refuses a trip overlapping another of the traveller’s, a departure before the start, and a return date before departure', async () => {
    const { d, ada, sec, manager } = await travelTeam();
    await changePolicy(d, sec, 1, [{ country: 'FR', tier: 'permitted', notify: false }]);
    const laptop = await issuedAsset(d, ada, 'laptop');
    d.actAs(ada);
    const request = tripRequest({ deviceIds: [laptop.id] });
    value(await d.dispatch('travel.request', request));
    await refusedWithoutWriting(d, () => d.dispatch('travel.request', tripRequest({ legs: [{ country: 'DE', from: '2026-11-28', to: '2026-12-02' }] })), 'invalid_input');
    d.actAs(manager);
    value(await d.dispatch('travel.approveAsManager', { tripId: request.id, reason: 'Fine' }));
    d.actAs(ada);
    await refusedWithoutWriting(d, () => d.dispatch('travel.recordDeparture', { tripId: request.id }), 'conflict');
    d.time.advanceHours(48);
    value(await d.dispatch('travel.recordDeparture', { tripId: request.id }));
    await refusedWithoutWriting(d, () => d.dispatch('travel.confirmDeviceReturned', { tripId: request.id, assetId: laptop.id, returnedOn: '2026-11-20' }), 'invalid_input');
    await refusedWithoutWriting(d, () => d.dispatch('travel.recordReturn', { tripId: request.id }), 'conflict');
  });

  it('needs someone signed in, and a trip that exists', async () => {
    const { d } = await travelTeam();
    d.actAs(null);
    await refusedWithoutWriting(d, () => d.dispatch('travel.request', tripRequest()), 'forbidden');
  });
});

describe('travel.recordReturn', () => {
  it('completes a trip that took no device', async () => {
    const { d, ada, manager } = await travelTeam();
    d.actAs(ada);
    const request = tripRequest();
    value(await d.dispatch('travel.request', request));
    d.actAs(manager);
    value(await d.dispatch('travel.approveAsManager', { tripId: request.id, reason: 'Fine' }));
    d.time.advanceHours(72);
    value(await d.dispatch('travel.recordDeparture', { tripId: request.id }));
    value(await d.dispatch('travel.recordReturn', { tripId: request.id }));
    expect(tripRow(d.store, request.id)).toMatchObject({ status: 'completed', departed_on: '2026-11-26' });
  });
});
