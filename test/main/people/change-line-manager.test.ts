import { describe, expect, it } from 'vitest';
import type { PersonDetail } from '../../../src-shared/api/person-queries';
import { heldGrants, MUTATOR_RULES } from '../../../src-shared/auth/mutator-permissions';
import type { Role } from '../../../src-shared/domain/roles';
import { newId } from '../../../src-shared/ids';
import { testDispatcher } from '../../support/dispatcher';
import { value } from '../../support/result';
import type { Store } from '../../../src-main/store/open-store';

/**
 *   head
 *   ├── ann ── cat ── dan
 *   └── bob
 */
async function setUp() {
  const { dispatch, store } = testDispatcher();
  const ids = { head: newId(), ann: newId(), bob: newId(), cat: newId(), dan: newId() };
  const managers: Record<keyof typeof ids, keyof typeof ids | null> = { head: null, ann: 'head', bob: 'head', cat: 'ann', dan: 'cat' };
  for (const [index, name] of (['head', 'ann', 'bob', 'cat', 'dan'] as const).entries()) {
    const manager = managers[name];
    value(
      await dispatch('person.create', {
        id: ids[name],
        staffNumber: `S${String(index)}`,
        name: name.charAt(0).toUpperCase() + name.slice(1),
        email: `${name}@example.gov.uk`,
        lineManagerId: manager === null ? null : ids[manager],
      }),
    );
  }
  const managerOf = async (name: keyof typeof ids) => value<PersonDetail>(await dispatch('person.get', { id: ids[name] })).person.lineManagerId;
  const outbox = () => ((store as Store).db.prepare('SELECT name, args FROM outbox ORDER BY mutation_id').all() as { name: string; args: string }[]).map((row) => row.name);
  return { dispatch, ids, managerOf, outbox };
}

describe('person.changeLineManager', () => {
  it('moves a person (and everyone below them) to another line manager, recorded as one change to send', async () => {
    const { dispatch, ids, managerOf, outbox } = await setUp();
    value(await dispatch('person.changeLineManager', { personId: ids.cat, lineManagerId: ids.bob }));
    expect(await managerOf('cat')).toBe(ids.bob);
    expect(await managerOf('dan')).toBe(ids.cat);
    expect(outbox().at(-1)).toBe('person.changeLineManager');
  });

  it('takes a person out of the hierarchy with null (or an unselected choice), and needs the field given', async () => {
    const { dispatch, ids, managerOf } = await setUp();
    value(await dispatch('person.changeLineManager', { personId: ids.ann, lineManagerId: null }));
    expect(await managerOf('ann')).toBeNull();
    value(await dispatch('person.changeLineManager', { personId: ids.bob, lineManagerId: '' }));
    expect(await managerOf('bob')).toBeNull();
    const missing = await dispatch('person.changeLineManager', { personId: ids.cat });
    expect(!missing.ok && missing.error).toMatchObject({ code: 'invalid_input', fields: { lineManagerId: 'Choose a line manager, or none' } });
  });

  it('refuses unknown people and managers, naming the field', async () => {
    const { dispatch, ids, outbox } = await setUp();
    const before = outbox().length;
    const nobody = await dispatch('person.changeLineManager', { personId: newId(), lineManagerId: ids.bob });
    expect(!nobody.ok && nobody.error).toMatchObject({ code: 'not_found', fields: { personId: 'Choose a person from the directory' } });
    const noManager = await dispatch('person.changeLineManager', { personId: ids.cat, lineManagerId: newId() });
    expect(!noManager.ok && noManager.error).toMatchObject({ code: 'not_found', fields: { lineManagerId: 'Choose a line manager from the directory' } });
    const notAnId = await dispatch('person.changeLineManager', { personId: ids.cat, lineManagerId: 'bob' });
    expect(!notAnId.ok && notAnId.error.code).toBe('invalid_input');
    expect(outbox()).toHaveLength(before);
  });

  it('refuses loops: someone managing themself, or someone below them', async () => {
    const { dispatch, ids, managerOf, outbox } = await setUp();
    const before = outbox().length;
    const self = await dispatch('person.changeLineManager', { personId: ids.cat, lineManagerId: ids.cat });
    expect(!self.ok && self.error).toMatchObject({ code: 'conflict', message: 'Cat cannot be their own line manager' });
    const direct = await dispatch('person.changeLineManager', { personId: ids.cat, lineManagerId: ids.dan });
    expect(!direct.ok && direct.error).toMatchObject({ code: 'conflict', message: 'Dan reports to Cat, so cannot be their line manager' });
    const deep = await dispatch('person.changeLineManager', { personId: ids.head, lineManagerId: ids.dan });
    expect(!deep.ok && deep.error).toMatchObject({ code: 'conflict', fields: { lineManagerId: 'Dan reports to Head, so cannot be their line manager' } });
    expect(await managerOf('head')).toBeNull();
    expect(await managerOf('cat')).toBe(ids.ann);
    expect(outbox()).toHaveLength(before);
  });

  it('writes nothing when the person already has that manager', async () => {
    const { dispatch, ids, managerOf } = await setUp();
    const before = value<PersonDetail>(await dispatch('person.get', { id: ids.cat })).person;
    value(await dispatch('person.changeLineManager', { personId: ids.cat, lineManagerId: ids.ann }));
    expect(value<PersonDetail>(await dispatch('person.get', { id: ids.cat })).person).toEqual(before);
    expect(await managerOf('cat')).toBe(ids.ann);
  });

  it('may be run by admins and the IT service desk for anyone, and by no one else', () => {
    const rule = MUTATOR_RULES['person.changeLineManager'];
    const actor = (roles: Role[]) => ({ personId: newId(), roles: ['staff', ...roles] as Role[] });
    expect(heldGrants(actor(['admin']), rule)).toEqual([{ role: 'admin', over: 'all' }]);
    expect(heldGrants(actor(['it_service_desk']), rule)).toEqual([{ role: 'it_service_desk', over: 'all' }]);
    for (const role of ['line_manager', 'security'] as const) expect(heldGrants(actor([role]), rule)).toEqual([]);
    expect(heldGrants(actor([]), rule)).toEqual([]);
  });
});
