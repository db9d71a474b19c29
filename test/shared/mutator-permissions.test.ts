import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src-shared/auth/actor';
import { barredAsSelf, grantReaches, heldGrants, MUTATOR_RULES } from '../../src-shared/auth/mutator-permissions';
import type { Role } from '../../src-shared/domain/roles';
import type { MutatorName } from '../../src-shared/mutators/registry';

/** Whom a record is about, seen from the actor: themself, someone below them, someone else, or nobody (stock). */
type Subject = 'self' | 'report' | 'other' | 'nobody';

const ME = 'me';
const SUBJECT_IDS: Readonly<Record<Subject, string | null>> = { self: ME, report: 'a-report', other: 'someone-else', nobody: null };

/** Whether the table lets an actor with `roles` run `name` on a record about `subject` (as the server decides it). */
function allowed(name: MutatorName, roles: readonly Role[], subject: Subject): boolean {
  const actor: Actor = { personId: ME, roles };
  const rule = MUTATOR_RULES[name];
  const subjectId = SUBJECT_IDS[subject];
  if (barredAsSelf(actor, rule, subjectId)) return false;
  return heldGrants(actor, rule).some((grant) => grantReaches(actor, grant, subjectId, (id) => id === SUBJECT_IDS.report));
}

const STAFF: Role[] = ['staff'];
const MANAGER: Role[] = ['staff', 'line_manager'];
const DESK: Role[] = ['staff', 'it_service_desk'];
const SECURITY: Role[] = ['staff', 'security'];
const ADMIN: Role[] = ['staff', 'admin'];
const EVERY_ROLE: Role[] = ['staff', 'line_manager', 'it_service_desk', 'security', 'admin'];

describe('returns and restocks are recorded at the IT service desk only (DESIGN.md "Who uses it"; AUP 8.4)', () => {
  // AUP 8.4 has line managers complete leavers' exit procedures, not record the kit back into the register.
  const handBack = ['asset.return', 'asset.returnMany', 'asset.restock'] as const;

  it.each(handBack)('%s is granted to the desk alone, over any record', (name) => {
    expect(MUTATOR_RULES[name].grants).toEqual([{ role: 'it_service_desk', over: 'all' }]);
  });

  it.each(
    handBack.flatMap((name) =>
      (
        [
          [DESK, 'other', true],
          [DESK, 'self', true],
          [DESK, 'nobody', true],
          [MANAGER, 'report', false],
          [MANAGER, 'self', false],
          [STAFF, 'self', false],
          [SECURITY, 'other', false],
          [ADMIN, 'other', false],
        ] as const
      ).map(([roles, subject, expected]) => [name, roles.join('+'), subject, expected, roles] as const),
    ),
  )('%s by %s about %s: %s', (name, _roles, subject, expected, roles) => {
    expect(allowed(name, roles, subject)).toBe(expected);
  });
});

describe('nobody records their own security training (AUP 1.8)', () => {
  it('the rule is never about oneself', () => {
    expect(MUTATOR_RULES['person.recordTraining'].notAboutSelf).toBe(true);
  });

  it.each([
    ['staff', STAFF, 'self', false],
    ['staff', STAFF, 'other', false],
    ['a line manager', MANAGER, 'self', false],
    ['a line manager', MANAGER, 'report', true],
    ['a line manager', MANAGER, 'other', false],
    ['the desk', DESK, 'self', false],
    ['the desk', DESK, 'other', true],
    ['security', SECURITY, 'self', false],
    ['security', SECURITY, 'other', true],
    ['an administrator', ADMIN, 'self', false],
    ['an administrator', ADMIN, 'other', true],
    ['someone with every role', EVERY_ROLE, 'self', false],
    ['someone with every role', EVERY_ROLE, 'report', true],
  ] as const)('%s recording training about %s: %s', (_who, roles, subject, expected) => {
    expect(allowed('person.recordTraining', roles, subject)).toBe(expected);
  });

  it('other changes about oneself are not barred by it (a person reports their own laptop lost, confirms the AUP)', () => {
    expect(allowed('asset.markLost', STAFF, 'self')).toBe(true);
    expect(allowed('person.acknowledgeAup', STAFF, 'self')).toBe(true);
    expect(allowed('asset.markLost', STAFF, 'other')).toBe(false);
  });
});

describe('travel (AUP 7.13, 7.14): the traveller asks, line managers and security decide, nobody on their own trip', () => {
  const cases: readonly (readonly [MutatorName, readonly Role[], Subject, boolean])[] = [
    ['travel.request', STAFF, 'self', true],
    ['travel.request', MANAGER, 'report', false],
    ['travel.request', EVERY_ROLE, 'other', false],
    ['travel.withdraw', STAFF, 'self', true],
    ['travel.withdraw', MANAGER, 'report', false],
    ['travel.resubmit', STAFF, 'self', true],
    ['travel.approveAsManager', MANAGER, 'report', true],
    ['travel.approveAsManager', MANAGER, 'self', false],
    ['travel.approveAsManager', MANAGER, 'other', false],
    ['travel.approveAsManager', SECURITY, 'other', false],
    ['travel.approveAsSecurity', SECURITY, 'other', true],
    ['travel.approveAsSecurity', EVERY_ROLE, 'self', false],
    ['travel.approveAsSecurity', MANAGER, 'report', false],
    ['travel.reject', MANAGER, 'report', true],
    ['travel.reject', SECURITY, 'other', true],
    ['travel.reject', STAFF, 'self', false],
    ['travel.cancel', MANAGER, 'report', true],
    ['travel.cancel', EVERY_ROLE, 'self', false],
    ['travel.cancel', DESK, 'other', false],
    ['travel.recordDeparture', STAFF, 'self', true],
    ['travel.recordDeparture', MANAGER, 'report', true],
    ['travel.recordDeparture', DESK, 'other', false],
    ['travel.confirmDeviceReturned', MANAGER, 'report', true],
    ['travel.recordReturn', STAFF, 'self', true],
    ['countryPolicy.change', SECURITY, 'self', true],
    ['countryPolicy.change', SECURITY, 'nobody', true],
    ['countryPolicy.change', MANAGER, 'nobody', false],
    ['countryPolicy.change', ADMIN, 'nobody', false],
  ];

  it.each(cases.map(([name, roles, subject, expected]) => [name, roles.join('+'), subject, expected, roles] as const))(
    '%s by %s on a record about %s: %s',
    (name, _label, subject, expected, roles) => {
      expect(allowed(name, roles, subject)).toBe(expected);
    },
  );
});
