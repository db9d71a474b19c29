import { describe, expect, it } from 'vitest';
import { departureProblems } from '../../../src-shared/domain/travel/approval-coverage';
import { devicesAbroad, overdueDevices } from '../../../src-shared/domain/travel/device-returns';
import { applyTripCommand, type TravelActor, type TripCommandInput } from '../../../src-shared/domain/travel/trip-decisions';
import type { TripRecord } from '../../../src-shared/domain/travel/trip-record';
import type { Result } from '../../../src-shared/result';
import {
  accepted,
  colleague,
  context,
  dualRole,
  LAPTOP,
  leg,
  manager,
  newTrip,
  PHONE,
  policyWith,
  POLICY,
  permitted,
  prohibited,
  review,
  securityOfficer,
  traveller,
  tripIn,
} from './fixtures';

const TO_CHINA = [leg('CN', '2026-03-02', '2026-03-06')];
const approveAsManager: TripCommandInput = { command: 'approveAsManager', reason: 'Needed' };
const approveAsSecurity: TripCommandInput = { command: 'approveAsSecurity', reason: 'Reviewed' };

function run(trip: TripRecord, input: TripCommandInput, actor: TravelActor, overrides: Parameters<typeof context>[1] = {}): Result<TripRecord> {
  return applyTripCommand(trip, input, context(actor, overrides));
}

function refusal(result: Result<TripRecord>): { code: string; message: string; fields: Readonly<Record<string, string>> } {
  if (result.ok) throw new Error(`expected a refusal, got status ${result.value.status}`);
  return result.error;
}

describe('approvals follow the route', () => {
  it('a permitted country needs only the line manager', () => {
    const approved = accepted(run(newTrip(), approveAsManager, manager));
    expect(approved.status).toBe('approved');
    expect(approved.managerApproval).toEqual({ by: 'p-manager', byName: 'Meg Manager', at: '2026-03-02T09:30:00.000Z', reason: 'Needed' });
    expect(approved).toMatchObject({ statusSetBy: 'p-manager', statusSetByName: 'Meg Manager', statusSetAt: '2026-03-02T09:30:00.000Z' });
  });

  it('a security-review country needs the line manager, then security', () => {
    const managerApproved = accepted(run(newTrip({ legs: TO_CHINA }), approveAsManager, manager));
    expect(managerApproved.status).toBe('manager_approved');
    const approved = accepted(run(managerApproved, approveAsSecurity, securityOfficer));
    expect(approved.status).toBe('approved');
    expect(approved.securityApproval?.byName).toBe('Sid Security');
  });

  it('the same person cannot give both approvals, even holding both roles', () => {
    const managerApproved = accepted(run(newTrip({ legs: TO_CHINA }), approveAsManager, dualRole));
    expect(refusal(run(managerApproved, approveAsSecurity, dualRole))).toEqual({
      code: 'forbidden',
      message: 'You gave the line manager approval for the trip to People\'s Republic of China (2 Mar 2026 to 6 Mar 2026): the security approval must come from someone else',
      fields: {},
    });
    expect(accepted(run(managerApproved, approveAsSecurity, securityOfficer)).status).toBe('approved');
  });

  it('nobody approves their own trip, whatever roles they hold', () => {
    const ownTrip = { ...newTrip({ legs: TO_CHINA }), travellerId: dualRole.personId };
    expect(refusal(run(ownTrip, approveAsManager, dualRole))).toMatchObject({ code: 'forbidden', message: 'You cannot give line manager approval to your own trip: only a line manager can' });
    const waitingForSecurity = { ...ownTrip, status: 'manager_approved' as const };
    expect(refusal(run(waitingForSecurity, approveAsSecurity, dualRole)).message).toBe('You cannot give security approval to your own trip: only the security team can');
  });

  it('each approval needs its role', () => {
    expect(refusal(run(newTrip(), approveAsManager, colleague)).message).toBe(
      'Only a line manager can give line manager approval to the trip to France (10 Mar 2026 to 14 Mar 2026)',
    );
    const waitingForSecurity = tripIn('manager_approved');
    expect(refusal(run(waitingForSecurity, approveAsSecurity, manager)).code).toBe('forbidden');
  });

  it('every decision carries a reason', () => {
    for (const reason of ['', '   ']) {
      expect(refusal(run(newTrip(), { command: 'approveAsManager', reason }, manager))).toEqual({
        code: 'invalid_input',
        message: 'Give a reason for approving',
        fields: { reason: 'Enter the reason for approving' },
      });
      expect(refusal(run(newTrip(), { command: 'reject', reason }, manager)).fields).toEqual({ reason: 'Enter the reason for rejecting' });
      expect(refusal(run(tripIn('approved'), { command: 'cancel', reason }, manager)).fields).toEqual({ reason: 'Enter the reason for cancelling' });
    }
    expect(accepted(run(newTrip(), { command: 'reject', reason: '  Not needed in person ' }, manager)).stoppedBy?.reason).toBe('Not needed in person');
  });
});

describe('rejecting, withdrawing, cancelling', () => {
  it('at the security stage only security can reject', () => {
    const waitingForSecurity = tripIn('manager_approved');
    expect(refusal(run(waitingForSecurity, { command: 'reject', reason: 'No' }, manager)).message).toBe(
      'The trip to People\'s Republic of China (2 Mar 2026 to 6 Mar 2026) is waiting for its security review: only the security team can reject it now',
    );
    expect(accepted(run(waitingForSecurity, { command: 'reject', reason: 'No' }, securityOfficer)).status).toBe('rejected');
    expect(accepted(run(newTrip(), { command: 'reject', reason: 'No' }, securityOfficer)).status).toBe('rejected');
  });

  it('only the traveller withdraws, any time before travel, with or without a reason', () => {
    expect(refusal(run(newTrip(), { command: 'withdraw', reason: null }, manager)).message).toBe(
      'Only the traveller can withdraw the trip to France (10 Mar 2026 to 14 Mar 2026)',
    );
    const withdrawn = accepted(run(tripIn('approved'), { command: 'withdraw', reason: null }, traveller));
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.stoppedBy?.reason).toBe('');
    expect(refusal(run(tripIn('travelling'), { command: 'withdraw', reason: null }, traveller)).code).toBe('conflict');
  });

  it('cancelling is the department’s decision: the traveller withdraws instead', () => {
    expect(refusal(run(tripIn('approved'), { command: 'cancel', reason: 'Changed my mind' }, traveller)).message).toBe(
      'You cannot cancel your own trip: only a line manager or the security team can',
    );
    expect(accepted(run(tripIn('approved'), { command: 'cancel', reason: 'Travel ban' }, securityOfficer)).status).toBe('cancelled');
  });
});

describe('re-review and resubmission', () => {
  it('a flagged trip is judged afresh under the policy in force, and its old approvals go', () => {
    const flagged = accepted(run(tripIn('approved', { legs: [leg('FR', '2026-03-02', '2026-03-06')] }), { command: 'flagForReReview', reason: 'France tightened' }, securityOfficer));
    expect(flagged.status).toBe('re_review_required');
    expect(flagged.stoppedBy?.reason).toBe('France tightened');
    const stricter = policyWith({ FR: prohibited }, 2);
    const resubmitted = accepted(
      run(flagged, { command: 'resubmit', request: { type: 'official', legs: flagged.legs, devices: [LAPTOP], justification: 'Still needed' } }, traveller, { policy: stricter }),
    );
    expect(resubmitted).toMatchObject({ status: 'submitted', managerApproval: null, securityApproval: null, stoppedBy: null, justification: 'Still needed' });
    expect(resubmitted.route.policyVersion).toBe(2);
    expect(resubmitted.route.devices).toEqual([]);
    expect(resubmitted.route.refusedDevices[0]?.reason).toMatch(/^Devices are prohibited in France \(country policy version 2\)/);
  });

  it('a resubmission keeps the trip type', () => {
    const flagged = tripIn('re_review_required');
    expect(refusal(run(flagged, { command: 'resubmit', request: { type: 'personal', legs: flagged.legs, devices: [], justification: null } }, traveller)).fields).toEqual({
      type: 'Keep the trip type: withdraw this trip and request a new one to change it',
    });
  });
});

describe('departure: devices leave only on approvals the policy in force would give', () => {
  const approvedToChina = () => tripIn('approved');

  it('is recorded within the trip’s dates', () => {
    expect(accepted(run(approvedToChina(), { command: 'recordDeparture' }, traveller)).departedOn).toBe('2026-03-02');
    expect(refusal(run(approvedToChina(), { command: 'recordDeparture' }, traveller, { today: '2026-03-01' })).message).toBe(
      'The trip to People\'s Republic of China (2 Mar 2026 to 6 Mar 2026) starts on 2 Mar 2026: record the departure on or after that day',
    );
    expect(refusal(run(approvedToChina(), { command: 'recordDeparture' }, traveller, { today: '2026-03-07' })).message).toMatch(/ended on 6 Mar 2026/);
  });

  it('is refused when the policy has tightened since approval, even if the trip was never flagged', () => {
    const approvedToFrance = tripIn('approved', { legs: [leg('FR', '2026-03-02', '2026-03-06')] });
    expect(approvedToFrance.route.stages).toEqual(['line_manager']);
    const nowReview = policyWith({ FR: review }, 3);
    expect(refusal(run(approvedToFrance, { command: 'recordDeparture' }, traveller, { policy: nowReview }))).toEqual({
      code: 'conflict',
      message:
        'Cannot record the departure of the trip to France (2 Mar 2026 to 6 Mar 2026): France now needs a security review (country policy version 3). It needs a re-review before anyone leaves with a device',
      fields: {},
    });
    expect(departureProblems(approvedToFrance, policyWith({ FR: prohibited }, 4))).toEqual(['Devices are now prohibited in France (country policy version 4)']);
    expect(departureProblems(approvedToFrance, policyWith({ FR: { tier: 'permitted', notify: true } }, 5))).toEqual([
      'Travel to France must now be notified first (AUP 7.14, country policy version 5)',
    ]);
  });

  it('goes ahead when the policy has loosened: the approvals given cover more than is now asked', () => {
    expect(accepted(run(approvedToChina(), { command: 'recordDeparture' }, traveller, { policy: policyWith({ CN: permitted }, 2) })).status).toBe('travelling');
  });

  it('never goes ahead on approvals that do not stand up, however the record came to be', () => {
    const trip = approvedToChina();
    expect(departureProblems({ ...trip, managerApproval: null }, POLICY)).toEqual(['The line manager has not approved it']);
    expect(departureProblems({ ...trip, securityApproval: null }, POLICY)).toEqual([
      'People\'s Republic of China now needs a security review (country policy version 1)',
    ]);
    const same = trip.managerApproval;
    expect(departureProblems({ ...trip, securityApproval: same }, POLICY)).toEqual(['The security approval was not given by a second, independent person']);
    expect(departureProblems({ ...trip, type: 'personal' }, POLICY)).toEqual(['Department devices cannot go on a personal trip (AUP 7.13)']);
  });
});

describe('coming back', () => {
  const travelling = (devices = [LAPTOP, PHONE], legs = [leg('CN', '2026-03-02', '2026-03-06')]) => tripIn('travelling', { devices, legs });

  it('completes when the last device is confirmed back, flagging each for a check when the country needs it', () => {
    const oneBack = accepted(run(travelling(), { command: 'confirmDeviceReturned', assetId: LAPTOP.assetId, returnedOn: '2026-03-02' }, manager));
    expect(oneBack.status).toBe('travelling');
    expect(oneBack.statusSetByName).toBe('Sid Security'); // unchanged: the status did not move
    expect(oneBack.returns).toEqual([{ assetId: LAPTOP.assetId, returnedOn: '2026-03-02', confirmedBy: 'p-manager', confirmedAt: '2026-03-02T09:30:00.000Z', needsCheck: true }]);
    expect(devicesAbroad(oneBack)).toEqual([PHONE]);
    const allBack = accepted(run(oneBack, { command: 'confirmDeviceReturned', assetId: PHONE.assetId, returnedOn: '2026-03-02' }, traveller));
    expect(allBack.status).toBe('completed');
    expect(devicesAbroad(allBack)).toEqual([]);
  });

  it('needs no check for a device back from a permitted country, unless the policy now asks for one', () => {
    const toFrance = travelling([LAPTOP], [leg('FR', '2026-03-02', '2026-03-06')]);
    const input: TripCommandInput = { command: 'confirmDeviceReturned', assetId: LAPTOP.assetId, returnedOn: '2026-03-02' };
    expect(accepted(run(toFrance, input, traveller)).returns[0]?.needsCheck).toBe(false);
    expect(accepted(run(toFrance, input, traveller, { policy: policyWith({ FR: review }, 2) })).returns[0]?.needsCheck).toBe(true);
  });

  it('refuses a device that did not go, one already back, and a return date outside the trip or in the future', () => {
    expect(refusal(run(travelling(), { command: 'confirmDeviceReturned', assetId: 'other', returnedOn: '2026-03-02' }, traveller)).fields).toEqual({
      assetId: 'Choose a device that went on this trip',
    });
    const oneBack = accepted(run(travelling(), { command: 'confirmDeviceReturned', assetId: LAPTOP.assetId, returnedOn: '2026-03-02' }, traveller));
    expect(refusal(run(oneBack, { command: 'confirmDeviceReturned', assetId: LAPTOP.assetId, returnedOn: '2026-03-02' }, traveller)).message).toBe(
      'LT-0001 was already confirmed back on 2 Mar 2026',
    );
    for (const returnedOn of ['2026-03-03', '2026-03-01', 'yesterday']) {
      expect(refusal(run(travelling(), { command: 'confirmDeviceReturned', assetId: LAPTOP.assetId, returnedOn }, traveller)).fields).toEqual({
        returnedOn: 'Enter the date LT-0001 came back: a real date from 2 Mar 2026 to today, 2 Mar 2026',
      });
    }
  });

  it('records the return of a trip that took no device, and refuses it while a device is abroad', () => {
    expect(accepted(run(travelling([]), { command: 'recordReturn' }, traveller)).status).toBe('completed');
    expect(refusal(run(travelling(), { command: 'recordReturn' }, traveller)).message).toBe('Confirm each device back first: LT-0001, PH-0001 are not confirmed back yet');
  });

  it('flags a device still abroad after the trip’s last day as overdue', () => {
    const trip = travelling();
    expect(overdueDevices(trip, '2026-03-06')).toEqual([]);
    expect(overdueDevices(trip, '2026-03-09')).toEqual([
      { ...LAPTOP, dueBack: '2026-03-06', daysOverdue: 3 },
      { ...PHONE, dueBack: '2026-03-06', daysOverdue: 3 },
    ]);
    const oneBack = accepted(run(trip, { command: 'confirmDeviceReturned', assetId: LAPTOP.assetId, returnedOn: '2026-03-02' }, traveller));
    expect(overdueDevices(oneBack, '2026-03-09').map((device) => device.assetTag)).toEqual(['PH-0001']);
    expect(overdueDevices(tripIn('approved'), '2026-03-09')).toEqual([]);
    expect(overdueDevices(tripIn('completed'), '2026-03-09')).toEqual([]);
  });
});
