import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handlers, type Method } from '../../../src-shared/api/handlers';
import { newId } from '../../../src-shared/ids';
import type { Result } from '../../../src-shared/result';
import type { Store } from '../../../src-main/store/open-store';
import { StoreError } from '../../../src-main/store/store-error';
import { testDispatcher } from '../../support/dispatcher';

const METHODS = Object.keys(handlers) as Method[];
const outboxCount = (store: Store) => (store.db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;

function expectFieldError(result: Result<unknown>, field?: string): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('invalid_input');
  expect(Object.keys(result.error.fields).length).toBeGreaterThan(0);
  if (field !== undefined) expect(result.error.fields).toHaveProperty(field);
  expect(result.error.message.length).toBeGreaterThan(10);
}

const validAsset = () => ({ id: newId(), assetTag: 'LT-0001', serialNumber: 'PF3XK9', type: 'laptop', model: 'Lenovo ThinkPad T14' });
const validPerson = () => ({ id: newId(), staffNumber: 'S1001', name: 'Ada Lovelace', email: 'Ada.Lovelace@example.gov.uk', lineManagerId: '' });

describe('dispatch: every method of the handler table', () => {
  it.each(METHODS)('%s rejects an unknown field, naming it', async (method) => {
    const { dispatch } = testDispatcher();
    expectFieldError(await dispatch(method, { notAField: 1 }), 'notAField');
  });

  it.each(METHODS)('%s rejects input that is not an object', async (method) => {
    const { dispatch } = testDispatcher();
    for (const input of ['text', 42, null, [], true]) expectFieldError(await dispatch(method, input));
  });

  it('never throws and never writes on arbitrary junk input, for any method', async () => {
    const { dispatch, store } = testDispatcher();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), fc.anything(), async (method, input) => {
        const before = outboxCount(store as Store);
        const result = await dispatch(method, input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(outboxCount(store as Store)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});

describe('dispatch: method names', () => {
  it('refuses an unknown method by name', async () => {
    const { dispatch } = testDispatcher();
    const result = await dispatch('asset.delete', {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown_method', message: 'There is no method "asset.delete"', fields: {} } });
  });

  it('refuses a method name that is not a string, or that is inherited from Object', async () => {
    const { dispatch } = testDispatcher();
    for (const method of [undefined, 7, { toString: () => 'asset.list' }, '__proto__', 'constructor', 'toString']) {
      const result = await dispatch(method, {});
      expect(result.ok ? 'ok' : result.error.code).toBe('unknown_method');
    }
  });

  it('truncates a huge method name in its message', async () => {
    const { dispatch } = testDispatcher();
    const result = await dispatch('x'.repeat(100_000), {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(200);
  });
});

describe('dispatch: the people and assets slice', () => {
  it('creates an asset and lists it, normalising the tag and serial', async () => {
    const { dispatch } = testDispatcher();
    const created = await dispatch('asset.create', { ...validAsset(), assetTag: '  lt-0001 ', serialNumber: 'pf3xk9' });
    expect(created).toEqual({ ok: true, value: { mutationId: 1 } });
    const listed = await dispatch('asset.list', {});
    expect(listed.ok && listed.value).toMatchObject({ total: 1, items: [{ assetTag: 'LT-0001', serialNumber: 'PF3XK9', type: 'laptop' }] });
  });

  it('refuses a duplicate asset tag, whatever its case, naming the field, and writes nothing', async () => {
    const { dispatch, store } = testDispatcher();
    await dispatch('asset.create', validAsset());
    const duplicate = await dispatch('asset.create', { ...validAsset(), assetTag: 'lt-0001' });
    expect(duplicate.ok).toBe(false);
    if (duplicate.ok) return;
    expect(duplicate.error.code).toBe('conflict');
    expect(duplicate.error.fields.assetTag).toContain('LT-0001 is already used');
    expect(outboxCount(store as Store)).toBe(1);
  });

  it('refuses a duplicate staff number and a duplicate email address', async () => {
    const { dispatch } = testDispatcher();
    await dispatch('person.create', validPerson());
    const sameStaff = await dispatch('person.create', { ...validPerson(), email: 'someone.else@example.gov.uk' });
    const sameEmail = await dispatch('person.create', { ...validPerson(), staffNumber: 'S2002', email: 'ADA.LOVELACE@example.gov.uk' });
    expect(!sameStaff.ok && sameStaff.error.fields).toHaveProperty('staffNumber');
    expect(!sameEmail.ok && sameEmail.error.fields).toHaveProperty('email');
  });

  it('links a person to their line manager and lists the manager by name', async () => {
    const { dispatch } = testDispatcher();
    const manager = validPerson();
    await dispatch('person.create', manager);
    await dispatch('person.create', { id: newId(), staffNumber: 'S2', name: 'Grace Hopper', email: 'grace@example.gov.uk', lineManagerId: manager.id });
    const listed = await dispatch('person.list', {});
    expect(listed.ok && listed.value).toMatchObject({
      total: 2,
      items: [
        { name: 'Ada Lovelace', lineManagerName: null },
        { name: 'Grace Hopper', lineManagerName: 'Ada Lovelace', lineManagerId: manager.id },
      ],
    });
  });

  it('refuses a line manager who is not in the directory', async () => {
    const { dispatch } = testDispatcher();
    const result = await dispatch('person.create', { ...validPerson(), lineManagerId: newId() });
    expect(!result.ok && result.error.fields).toHaveProperty('lineManagerId');
  });

  it('refuses oversized strings with a field error', async () => {
    const { dispatch } = testDispatcher();
    const result = await dispatch('asset.create', { ...validAsset(), model: 'x'.repeat(1_000_000) });
    expectFieldError(result, 'model');
    if (!result.ok) expect(result.error.fields.model).toBe('Make and model must be 120 characters or fewer');
  });
});

describe('dispatch: when the store could not be opened', () => {
  const unavailable = new StoreError('store_newer', 'This data was saved by a newer version of Custodian');

  it('still answers app.info, explaining why', async () => {
    const { dispatch } = testDispatcher(unavailable);
    const info = await dispatch('app.info', {});
    expect(info.ok && info.value).toMatchObject({ store: { ok: false, message: unavailable.message } });
  });

  it('answers every other call with store_unavailable and the same explanation', async () => {
    const { dispatch } = testDispatcher(unavailable);
    const result = await dispatch('asset.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'store_unavailable', message: unavailable.message, fields: {} } });
  });
});

describe('dispatch: unexpected failures', () => {
  it('reports an internal error without leaking details, logs it, and keeps serving', async () => {
    const { dispatch, store, log } = testDispatcher();
    (store as Store).db.exec('DROP TABLE outbox'); // sabotage: the next mutation cannot record itself
    const failed = await dispatch('asset.create', validAsset());
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      expect(failed.error.code).toBe('internal');
      expect(failed.error.message).not.toContain('outbox');
    }
    expect(log.errors).toHaveLength(1);
    expect((await dispatch('asset.list', {})).ok).toBe(true);
    expect((store as Store).db.prepare('SELECT COUNT(*) AS n FROM assets').get()).toEqual({ n: 0 });
  });
});
