import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incidentReference, INCIDENT_REFERENCE, installationCode } from '../../src-shared/domain/incident-reference';
import {
  canTakeStep,
  FINAL_SUSPENSION_STATUSES,
  stepsFrom,
  SUSPENSION_STATUS_VALUES,
  SUSPENSION_STEP_VALUES,
  SUSPENSION_STEPS,
  suspensionOverdue,
  suspensionRefusal,
  type SuspensionStatus,
} from '../../src-shared/domain/phone-suspension';

const step = fc.constantFrom(...SUSPENSION_STEP_VALUES);

describe('phone suspension state machine (AUP 8.2)', () => {
  it('from a request, any sequence of steps moves only along the table and stops at reinstated', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let status: SuspensionStatus = 'requested';
        let everSuspendedOrWiped = false;
        for (const next of steps) {
          const allowed = canTakeStep(next, status);
          expect(stepsFrom(status).includes(next)).toBe(allowed);
          if (!allowed) continue;
          expect(FINAL_SUSPENSION_STATUSES).not.toContain(status);
          const to = SUSPENSION_STEPS[next].to;
          if (to === 'reinstated') expect(everSuspendedOrWiped).toBe(true); // nothing to reinstate before a suspension or wipe
          if (to === 'suspended' || to === 'wipe_confirmed') everSuspendedOrWiped = true;
          status = to;
        }
        if (FINAL_SUSPENSION_STATUSES.includes(status)) expect(stepsFrom(status)).toEqual([]);
      }),
    );
  });

  it('reaches every status from a request, and only reinstated is final', () => {
    const reached = new Set<SuspensionStatus>(['requested']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const s of SUSPENSION_STEP_VALUES) {
        const to = SUSPENSION_STEPS[s].to;
        if (SUSPENSION_STEPS[s].from.some((from) => reached.has(from)) && !reached.has(to)) {
          reached.add(to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...SUSPENSION_STATUS_VALUES].sort());
    expect(SUSPENSION_STATUS_VALUES.filter((status) => stepsFrom(status).length === 0)).toEqual(['reinstated']);
  });

  it('words a refusal with the current state, who set it and when', () => {
    expect(suspensionRefusal('reinstate', { assetTag: 'PH-1', status: 'requested', setByName: 'Dee Desk', setAt: '2026-07-15T13:02:00.000Z' })).toBe(
      'Cannot reinstate PH-1: its suspension is at “suspension requested” (set by Dee Desk on 15 Jul 2026 at 14:02)',
    );
    expect(suspensionRefusal('suspend', { assetTag: 'PH-1', status: 'reinstated', setByName: null, setAt: '2026-01-05T09:00:00.000Z' })).toContain(
      'which is final (set on this desktop',
    );
  });

  it('highlights exactly the open, never-suspended, not reinstated requests older than 24 hours', () => {
    const requestedAt = '2026-03-01T12:00:00.000Z';
    fc.assert(
      fc.property(
        fc.constantFrom(...SUSPENSION_STATUS_VALUES),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 72 * 60 }),
        (status, suspended, open, minutes) => {
          const now = new Date(Date.parse(requestedAt) + minutes * 60_000).toISOString();
          const overdue = suspensionOverdue({ status, suspendedAt: suspended ? requestedAt : null, requestedAt }, open, now);
          expect(overdue).toBe(open && !suspended && status !== 'reinstated' && minutes > 24 * 60);
        },
      ),
    );
  });
});

describe('incident references', () => {
  it('are readable, the same for the same mutation, and never equal for two mutations of one installation', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (clientId, a, b) => {
        const first = incidentReference('2026', clientId, a);
        expect(first).toMatch(INCIDENT_REFERENCE);
        expect(incidentReference('2026', clientId.toUpperCase(), a)).toBe(first);
        if (a !== b) expect(incidentReference('2026', clientId, b)).not.toBe(first);
      }),
    );
    expect(incidentReference('2026', '01900000-0000-7000-8000-000000000001', 42)).toMatch(/^SEC-2026-[0-9A-Z]{5}-0042$/);
  });

  it('spread installations over the code space (no two of 200 desktops share a code, for these ids)', () => {
    const codes = new Set(Array.from({ length: 200 }, (_, i) => installationCode(`01900000-0000-7000-8000-${String(i).padStart(12, '0')}`)));
    expect(codes.size).toBe(200);
  });
});
