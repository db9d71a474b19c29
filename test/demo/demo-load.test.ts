import { describe, expect, it } from 'vitest';
import type { Store } from '../../src-main/store/open-store';
import { generateDepartment } from '../../src-shared/demo/department';
import { DEMO_SCALE } from '../../src-shared/demo/scale';
import { CURRENT_AUP_VERSION } from '../../src-shared/domain/policy';
import { newId } from '../../src-shared/ids';
import { testDispatcher } from '../support/dispatcher';
import { FIXED_NOW } from '../support/store';

const count = (store: Store, sql: string) => (store.db.prepare(sql).get() as { n: number }).n;

async function loadedDemo() {
  const { dispatch, store } = testDispatcher();
  const result = await dispatch('demo.load', {});
  return { dispatch, store: store as Store, result };
}

describe('demo.load through the dispatcher', () => {
  it('fills an empty store with the demo department and says how many people and assets it added', async () => {
    const { store, result } = await loadedDemo();
    expect(result).toEqual({ ok: true, value: { people: 500, assets: 1_500 } });
    const department = generateDepartment(DEMO_SCALE, { asOf: FIXED_NOW.toISOString() });
    const byStatus = Object.fromEntries(
      (store.db.prepare('SELECT status, COUNT(*) AS n FROM assets GROUP BY status').all() as { status: string; n: number }[]).map((r) => [
        r.status,
        r.n,
      ]),
    );
    expect(byStatus).toEqual(department.assetsByStatus);
  });

  it('writes only through mutators: one outbox entry per generated change, ids 1..n without gaps', async () => {
    const { store } = await loadedDemo();
    const changes = [...generateDepartment(DEMO_SCALE, { asOf: FIXED_NOW.toISOString() }).mutations()].length;
    expect(store.db.prepare('SELECT COUNT(*) AS n, MIN(mutation_id) AS first, MAX(mutation_id) AS last FROM outbox').get()).toEqual({
      n: changes,
      first: 1,
      last: changes,
    });
  });

  it('leaves every issued asset with exactly one holder, who has not left and confirmed the current AUP for it', async () => {
    const { store } = await loadedDemo();
    expect(count(store, "SELECT COUNT(*) AS n FROM assets WHERE status = 'issued'")).toBeGreaterThan(0);
    expect(count(store, "SELECT COUNT(*) AS n FROM assets WHERE (status = 'issued') <> (holder_id IS NOT NULL)")).toBe(0);
    const unacknowledged = count(
      store,
      `SELECT COUNT(*) AS n FROM assets a JOIN people p ON p.id = a.holder_id
        WHERE a.status = 'issued' AND (p.status = 'left' OR NOT EXISTS (
          SELECT 1 FROM aup_acknowledgements k WHERE k.asset_id = a.id AND k.person_id = a.holder_id AND k.policy_version = '${CURRENT_AUP_VERSION}'))`,
    );
    expect(unacknowledged).toBe(0);
  });

  it('records the reason whenever kit went to someone whose security training had lapsed', async () => {
    const { store } = await loadedDemo();
    expect(
      count(store, "SELECT COUNT(*) AS n FROM asset_events WHERE event = 'issue' AND note LIKE 'Issued with lapsed security training: %'"),
    ).toBeGreaterThan(0);
  });

  it('refuses a store that already has a person, and changes nothing', async () => {
    const { dispatch, store } = testDispatcher();
    const person = { id: newId(), staffNumber: 'S1', name: 'Ada Lovelace', email: 'ada@example.gov.uk' };
    expect((await dispatch('person.create', person)).ok).toBe(true);
    const refused = await dispatch('demo.load', {});
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('conflict');
    expect(refused.error.message).toContain('only be loaded into an empty store');
    expect(refused.error.message).toContain('1 person');
    expect(count(store as Store, 'SELECT COUNT(*) AS n FROM outbox')).toBe(1);
  });

  it('refuses to load twice', async () => {
    const { dispatch, store } = await loadedDemo();
    const before = count(store, 'SELECT COUNT(*) AS n FROM outbox');
    const again = await dispatch('demo.load', {});
    expect(!again.ok && again.error.code).toBe('conflict');
    expect(count(store, 'SELECT COUNT(*) AS n FROM outbox')).toBe(before);
  });

  it('accepts only an empty input object', async () => {
    const { dispatch } = testDispatcher();
    const result = await dispatch('demo.load', { people: 10 });
    expect(!result.ok && result.error.fields).toHaveProperty('people');
  });
});
