import { describe, expect, it } from 'vitest';
import { applyTripCommand, type TravelActor, type TripCommandInput } from '../../../src-shared/domain/travel/trip-decisions';
import {
  canApplyTrip,
  FINAL_TRIP_STATUSES,
  initialTripStatus,
  TRIP_COMMANDS,
  TRIP_STATUS_VALUES,
  TRIP_STATUSES,
  TRIP_TRANSITIONS,
  tripCommandsFrom,
  tripRefusalMessage,
  type TripCommand,
  type TripStatus,
} from '../../../src-shared/domain/travel/trip-lifecycle';
import type { TripRecord } from '../../../src-shared/domain/travel/trip-record';
import { TRAVEL_MUTATOR_NAMES } from '../../../src-shared/domain/travel/travel-mutators';
import { context, LAPTOP, leg, manager, securityOfficer, traveller, tripIn } from './fixtures';

/** The lifecycle written out by hand: which statuses each command is allowed from. Everything else is refused. */
const ALLOWED: Record<TripCommand, readonly TripStatus[]> = {
  approveAsManager: ['submitted'],
  approveAsSecurity: ['manager_approved'],
  reject: ['submitted', 'manager_approved'],
  withdraw: ['noted', 'submitted', 'manager_approved', 'approved', 're_review_required'],
  cancel: ['approved', 're_review_required'],
  flagForReReview: ['submitted', 'manager_approved', 'approved'],
  resubmit: ['re_review_required'],
  recordDeparture: ['approved'],
  confirmDeviceReturned: ['travelling'],
  recordReturn: ['travelling'],
};

/** For each command, someone allowed to take it, what they send, and the trip it is taken on (CN: security review). */
const VALID: Record<TripCommand, { actor: TravelActor; input: TripCommandInput; noDevices?: true }> = {
  approveAsManager: { actor: manager, input: { command: 'approveAsManager', reason: 'Needed for the conference' } },
  approveAsSecurity: { actor: securityOfficer, input: { command: 'approveAsSecurity', reason: 'Clean laptop, VPN only' } },
  reject: { actor: securityOfficer, input: { command: 'reject', reason: 'Not needed in person' } },
  withdraw: { actor: traveller, input: { command: 'withdraw', reason: null } },
  cancel: { actor: manager, input: { command: 'cancel', reason: 'Conference called off' } },
  flagForReReview: { actor: securityOfficer, input: { command: 'flagForReReview', reason: 'Country policy version 2: China tightened' } },
  resubmit: {
    actor: traveller,
    input: { command: 'resubmit', request: { type: 'official', legs: [leg('CN', '2026-03-02', '2026-03-06')], devices: [LAPTOP], justification: 'Still needed' } },
  },
  recordDeparture: { actor: traveller, input: { command: 'recordDeparture' } },
  confirmDeviceReturned: { actor: traveller, input: { command: 'confirmDeviceReturned', assetId: LAPTOP.assetId, returnedOn: '2026-03-02' } },
  recordReturn: { actor: traveller, input: { command: 'recordReturn' }, noDevices: true },
};

function tripFor(command: TripCommand, status: TripStatus): TripRecord {
  return tripIn(status, VALID[command].noDevices ? { devices: [] } : {});
}

describe('trip lifecycle table', () => {
  it('allows exactly the hand-written transitions', () => {
    for (const command of TRIP_COMMANDS) {
      expect(TRIP_STATUS_VALUES.filter((status) => canApplyTrip(command, status)), command).toEqual([...ALLOWED[command]].sort((a, b) => TRIP_STATUS_VALUES.indexOf(a) - TRIP_STATUS_VALUES.indexOf(b)));
    }
    expect(Object.keys(ALLOWED).sort()).toEqual([...TRIP_COMMANDS].sort());
  });

  it('starts personal trips noted and official ones waiting for the line manager', () => {
    expect(initialTripStatus('personal')).toBe('noted');
    expect(initialTripStatus('official')).toBe('submitted');
  });

  it('lets nothing leave a final state, and offers no system-only step on the trip page', () => {
    expect(FINAL_TRIP_STATUSES).toEqual(['completed', 'rejected', 'withdrawn', 'cancelled']);
    for (const status of FINAL_TRIP_STATUSES) expect(TRIP_COMMANDS.filter((command) => canApplyTrip(command, status))).toEqual([]);
    expect(tripCommandsFrom('approved')).toEqual(['withdraw', 'cancel', 'recordDeparture']);
  });

  it('reaches every status from a request, and a final status from every status', () => {
    const reached = new Set<TripStatus>(['noted', 'submitted']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const command of TRIP_COMMANDS) {
        const { from, to } = TRIP_TRANSITIONS[command];
        if (!from.some((status) => reached.has(status))) continue;
        for (const target of to) {
          if (reached.has(target)) continue;
          reached.add(target);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...TRIP_STATUS_VALUES].sort());
    for (const status of TRIP_STATUS_VALUES.filter((s) => !FINAL_TRIP_STATUSES.includes(s))) {
      expect(TRIP_COMMANDS.some((command) => canApplyTrip(command, status) && TRIP_TRANSITIONS[command].to.some((to) => FINAL_TRIP_STATUSES.includes(to))), status).toBe(true);
    }
  });

  it('names an intent-level mutator for every command, each one in the list the next increment registers', () => {
    expect(new Set(TRAVEL_MUTATOR_NAMES).size).toBe(TRAVEL_MUTATOR_NAMES.length);
    for (const name of TRAVEL_MUTATOR_NAMES) expect(name).toMatch(/^(travel|countryPolicy)\.[a-z][A-Za-z]+$/);
    const used = new Set(TRIP_COMMANDS.map((command) => TRIP_TRANSITIONS[command].mutator));
    expect([...used, 'travel.request'].sort()).toEqual([...TRAVEL_MUTATOR_NAMES].sort());
  });

  it('words a refusal with the current state, who set it and when (UK time)', () => {
    expect(tripRefusalMessage('withdraw', { trip: 'the trip to France (10 Mar 2026 to 14 Mar 2026)', status: 'travelling', setByName: 'Jo Bloggs', setAt: '2026-07-15T13:02:00.000Z' })).toBe(
      'Cannot withdraw the trip to France (10 Mar 2026 to 14 Mar 2026): its status is “Travelling” (set by Jo Bloggs on 15 Jul 2026 at 14:02)',
    );
    expect(tripRefusalMessage('cancel', { trip: 'the trip to France', status: 'completed', setByName: null, setAt: '2026-01-05T09:00:00.000Z' })).toBe(
      'Cannot cancel the trip to France: its status is “Completed”, which is final (set on this desktop on 5 Jan 2026 at 09:00)',
    );
  });
});

describe('every command from every state', () => {
  for (const command of TRIP_COMMANDS) {
    for (const status of TRIP_STATUS_VALUES) {
      const allowed = ALLOWED[command].includes(status);
      it(`${command} from ${status}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const { actor, input } = VALID[command];
        const result = applyTripCommand(tripFor(command, status), input, context(actor));
        if (allowed) {
          expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
          if (result.ok) expect(TRIP_TRANSITIONS[command].to).toContain(result.value.status);
          return;
        }
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('conflict');
        expect(result.error.message).toContain(`Cannot ${TRIP_TRANSITIONS[command].verb} the trip to People's Republic of China (2 Mar 2026 to 6 Mar 2026)`);
        expect(result.error.message).toContain(`its status is “${TRIP_STATUSES[status]}”`);
        expect(result.error.message).toContain('(set by Sid Security on 1 Mar 2026 at 13:02)');
      });
    }
  }
});
