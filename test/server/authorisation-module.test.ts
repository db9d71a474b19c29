import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src-shared/auth/actor';
import { everyoneBelow, isBelow, managerLookup, type HierarchyEntry } from '../../src-shared/auth/hierarchy';
import { may } from '../../src-shared/auth/permissions';
import { canSee, canSeeAsset, canSeeAssetEvent, canSeePerson, REACH_BY_ROLE, reachOf, RESOURCES } from '../../src-shared/auth/visibility';
import { ROLE_VALUES, type Role } from '../../src-shared/domain/roles';

// boss → mgr → alice; a loop x → y → z → x that someone typed in by mistake.
const tree: HierarchyEntry[] = [
  { id: 'boss', lineManagerId: null },
  { id: 'mgr', lineManagerId: 'boss' },
  { id: 'alice', lineManagerId: 'mgr' },
  { id: 'dave', lineManagerId: null },
  { id: 'x', lineManagerId: 'z' },
  { id: 'y', lineManagerId: 'x' },
  { id: 'z', lineManagerId: 'y' },
];
const managerOf = managerLookup(tree);
const actor = (personId: string, ...roles: Role[]): Actor => ({ personId, roles });

describe('the line-management hierarchy', () => {
  it('knows who is below whom, at any depth, and not sideways or upwards', () => {
    expect(isBelow('alice', 'mgr', managerOf)).toBe(true);
    expect(isBelow('alice', 'boss', managerOf)).toBe(true);
    expect(isBelow('mgr', 'alice', managerOf)).toBe(false);
    expect(isBelow('dave', 'boss', managerOf)).toBe(false);
    expect(isBelow('boss', 'boss', managerOf)).toBe(false);
    expect(isBelow('nobody', 'boss', managerOf)).toBe(false);
    expect([...everyoneBelow('boss', tree)].sort()).toEqual(['alice', 'mgr']);
    expect([...everyoneBelow('alice', tree)]).toEqual([]);
  });

  it('stops at a cycle instead of looping: everyone in it is below everyone else in it', () => {
    expect(isBelow('x', 'y', managerOf)).toBe(true);
    expect(isBelow('y', 'x', managerOf)).toBe(true);
    expect(isBelow('x', 'x', managerOf)).toBe(true);
    expect([...everyoneBelow('x', tree)].sort()).toEqual(['x', 'y', 'z']);
  });

  it('answers the same whether asked one person at a time or for a whole list (any tree, cycles included)', () => {
    const forests = fc
      .integer({ min: 1, max: 12 })
      .chain((n) => fc.array(fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: null }), { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(forests, fc.nat(), (managers, pick) => {
        const people = managers.map((manager, i) => ({ id: `p${String(i)}`, lineManagerId: manager === null || manager === i ? null : `p${String(manager)}` }));
        const lookup = managerLookup(people);
        const manager = `p${String(pick % people.length)}`;
        const below = everyoneBelow(manager, people);
        for (const person of people) expect(below.has(person.id)).toBe(isBelow(person.id, manager, lookup));
      }),
    );
  });
});

describe('visibility', () => {
  it('gives each role the reach the design asks for', () => {
    expect(REACH_BY_ROLE.person).toEqual({ staff: 'own', line_manager: 'reports', it_service_desk: 'all', security: 'all', admin: 'all' });
    expect(REACH_BY_ROLE.asset).toEqual({ staff: 'own', line_manager: 'reports', it_service_desk: 'all', security: 'all', admin: 'none' });
    expect(REACH_BY_ROLE.asset_event).toEqual(REACH_BY_ROLE.asset);
  });

  it('treats everyone as staff, and takes the widest reach of several roles', () => {
    expect(reachOf(actor('a'), 'person')).toBe('own');
    expect(reachOf(actor('a', 'admin'), 'asset')).toBe('own');
    expect(reachOf(actor('a', 'admin'), 'person')).toBe('all');
    expect(reachOf(actor('a', 'admin', 'line_manager'), 'asset')).toBe('reports');
    expect(reachOf(actor('a', 'line_manager', 'security'), 'asset_event')).toBe('all');
  });

  it('lets staff see only records about themselves', () => {
    const alice = actor('alice', 'staff');
    expect(canSeePerson(alice, { id: 'alice' }, managerOf)).toBe(true);
    expect(canSeePerson(alice, { id: 'mgr' }, managerOf)).toBe(false);
    expect(canSeeAsset(alice, { holderId: 'alice' }, managerOf)).toBe(true);
    expect(canSeeAsset(alice, { holderId: 'dave' }, managerOf)).toBe(false);
    expect(canSeeAsset(alice, { holderId: null }, managerOf)).toBe(false);
    expect(canSeeAssetEvent(alice, { personId: 'dave' }, managerOf)).toBe(false);
  });

  it('lets a line manager see everyone below them, not above or beside', () => {
    const boss = actor('boss', 'line_manager');
    expect(canSeePerson(boss, { id: 'alice' }, managerOf)).toBe(true);
    expect(canSeeAsset(boss, { holderId: 'mgr' }, managerOf)).toBe(true);
    expect(canSeePerson(boss, { id: 'dave' }, managerOf)).toBe(false);
    const mgr = actor('mgr', 'line_manager');
    expect(canSeePerson(mgr, { id: 'boss' }, managerOf)).toBe(false);
    expect(canSeeAsset(mgr, { holderId: null }, managerOf)).toBe(false);
  });

  it('does not let a person with reports but without the line manager role see them', () => {
    expect(canSeePerson(actor('mgr', 'staff'), { id: 'alice' }, managerOf)).toBe(false);
  });

  it('lets the service desk and security see every record, unheld assets included', () => {
    for (const role of ['it_service_desk', 'security'] as const) {
      for (const resource of RESOURCES) {
        expect(canSee(actor('dave', role), resource, null, managerOf)).toBe(true);
        expect(canSee(actor('dave', role), resource, 'alice', managerOf)).toBe(true);
      }
    }
  });

  it('lets an admin see everyone in the directory but, for custody, only their own assets', () => {
    const adm = actor('dave', 'admin');
    expect(canSeePerson(adm, { id: 'alice' }, managerOf)).toBe(true);
    expect(canSeeAsset(adm, { holderId: 'dave' }, managerOf)).toBe(true);
    expect(canSeeAsset(adm, { holderId: 'alice' }, managerOf)).toBe(false);
    expect(canSeeAssetEvent(adm, { personId: 'alice' }, managerOf)).toBe(false);
  });
});

describe('permissions', () => {
  it('lets only admins manage accounts', () => {
    expect(ROLE_VALUES.filter((role) => may(actor('a', role), 'account.manage'))).toEqual(['admin']);
  });
});
