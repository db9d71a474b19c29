import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_AUP_VERSION } from '../../../../src-shared/domain/policy';
import { mutators } from '../../../../src-shared/mutators/registry';
import { runMutation } from '../../../../src-main/store/mutation-runner';
import type { Store } from '../../../../src-main/store/open-store';
import { abortPullRun, applyPage, beginPullRun, finishPullRun } from '../../../../src-main/sync/store/pull-run';
import { memoryStore } from '../../../support/store';
import { assetRow, environment, eventRow, expectSearchConsistent, outboxIds, page, personRow, pull, put, snapshot } from './fixtures';

/** Someone outside this desktop's scope: rows may point at them (foreign keys are the server's business). */
const OUTSIDER = '0190a000-0000-7000-8000-0000000000ff';

/** A small synced department: a manager (whose own manager is out of scope), reports, a leaver, kit in every hand. */
async function syncedStore(): Promise<{ store: Store; people: string[]; assets: string[] }> {
  const store = memoryStore();
  const manager = personRow({ name: 'Grace Hopper', lineManagerId: OUTSIDER, roles: ['staff', 'line_manager'] });
  const report = personRow({ name: 'Ada Lovelace', lineManagerId: manager.id });
  const leaver = personRow({ name: 'Alan Turing', lineManagerId: manager.id, status: 'left' });
  const lapsed = personRow({ name: 'Mary Somerville', lineManagerId: manager.id, trainingCompletedOn: '2024-01-01' });
  const inStock = assetRow({ assetTag: 'LT-0001' });
  const issued = assetRow({ assetTag: 'LT-0002', status: 'issued', holderId: report.id });
  const heldOutside = assetRow({ assetTag: 'LT-0003', status: 'issued', holderId: OUTSIDER });
  const phone = assetRow({ assetTag: 'PH-0001', type: 'smartphone', model: 'Apple iPhone 15', imei: '356938035643809', phoneNumber: '07700900123' });
  await pull(store, [
    page({
      reset: true,
      patch: [
        ...[manager, report, leaver, lapsed].map((p) => put('people', p)),
        ...[inStock, issued, heldOutside, phone].map((a) => put('assets', a)),
        put('asset_events', eventRow({ assetId: issued.id, event: 'issue', fromStatus: 'in_stock', toStatus: 'issued', personId: report.id })),
      ],
    }),
  ]);
  return { store, people: [manager.id, report.id, leaver.id, lapsed.id], assets: [inStock.id, issued.id, heldOutside.id, phone.id] };
}

const COMMANDS = ['return', 'markLost', 'markStolen', 'markDamaged', 'sendToRepair', 'completeRepair', 'restock', 'retire'] as const;
const MUTATOR_OF = {
  return: 'asset.return',
  markLost: 'asset.markLost',
  markStolen: 'asset.markStolen',
  markDamaged: 'asset.markDamaged',
  sendToRepair: 'asset.sendToRepair',
  completeRepair: 'asset.completeRepair',
  restock: 'asset.restock',
  retire: 'asset.retire',
} as const;

const step = fc.oneof(
  fc.record({ kind: fc.constant('createAsset' as const), tag: fc.constantFrom('LT-0001', 'NEW-1', 'NEW-2', 'NEW-3') }),
  fc.record({ kind: fc.constant('importAssets' as const), tags: fc.uniqueArray(fc.constantFrom('IMP-1', 'IMP-2', 'IMP-3', 'LT-0002'), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('createPerson' as const), n: fc.integer({ min: 1, max: 3 }), manager: fc.nat() }),
  fc.record({ kind: fc.constant('issue' as const), asset: fc.nat(), person: fc.nat(), reason: fc.boolean() }),
  fc.record({ kind: fc.constantFrom(...COMMANDS), asset: fc.nat() }),
  fc.record({ kind: fc.constant('returnMany' as const), assets: fc.uniqueArray(fc.nat({ max: 6 }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('training' as const), person: fc.nat() }),
  fc.record({ kind: fc.constant('acknowledge' as const), person: fc.nat() }),
);

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

const pick = (pool: readonly string[], index: number) => pool[index % pool.length] as string;

/** Runs one local step through its real mutator; refusals are part of the game (they leave nothing behind). */
async function runStep(store: Store, people: string[], assets: string[], s: Step, n: number): Promise<void> {
  const env = environment(store);
  const id = `0190b000-0000-7000-8000-${String(n).padStart(12, '0')}`;
  const attempt = async (name: keyof typeof mutators, args: unknown): Promise<boolean> =>
    runMutation(env, mutators[name], args).then(
      () => true,
      () => false,
    );
  switch (s.kind) {
    case 'createAsset':
      if (await attempt('asset.create', { id, assetTag: s.tag, serialNumber: `SER-${String(n)}`, type: 'laptop', model: 'Dell Latitude 7450' })) assets.push(id);
      return;
    case 'importAssets': {
      const rows = s.tags.map((tag, i) => ({ id: `${id.slice(0, -2)}${String(i).padStart(2, '0')}`, assetTag: tag, serialNumber: `IMP-${String(n)}-${String(i)}`, type: 'monitor', model: 'Dell P2723' }));
      if (await attempt('asset.import', { rows })) assets.push(...rows.map((row) => row.id));
      return;
    }
    case 'createPerson': {
      const args = { id, staffNumber: `NEW${String(s.n)}`, name: `New Starter ${String(s.n)}`, email: `new${String(s.n)}@example.gov.uk`, lineManagerId: pick(people, s.manager), trainingCompletedOn: '2026-09-01' };
      if (await attempt('person.create', args)) people.push(id);
      return;
    }
    case 'issue':
      await attempt('asset.issue', {
        assetId: pick(assets, s.asset),
        personId: pick(people, s.person),
        aupVersion: CURRENT_AUP_VERSION,
        aupConfirmed: true,
        trainingLapseReason: s.reason ? 'Booked on the course next week' : null,
      });
      return;
    case 'returnMany':
      await attempt('asset.returnMany', { assetIds: [...new Set(s.assets.map((i) => pick(assets, i)))], condition: 'Good' });
      return;
    case 'training':
      await attempt('person.recordTraining', { personId: pick(people, s.person), completedOn: '2026-11-01' });
      return;
    case 'acknowledge':
      await attempt('person.acknowledgeAup', { personId: pick(people, s.person), policyVersion: CURRENT_AUP_VERSION, confirmed: true });
      return;
    default:
      await attempt(MUTATOR_OF[s.kind], { assetId: pick(assets, s.asset), note: 'Reason given', condition: 'Good' });
  }
}

describe('rewind and replay (property)', () => {
  it('rewind restores exactly the synced state from before any mix of local mutations; replay brings them back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 15 }), async (steps) => {
        const { store, people, assets } = await syncedStore();
        const synced = snapshot(store.db);
        for (const [n, s] of steps.entries()) await runStep(store, people, assets, s, n);
        expect(store.db.inTransaction).toBe(false);
        const local = snapshot(store.db);
        const pending = outboxIds(store.db);

        // REWIND: a pull whose patch is empty shows the store as the server last sent it.
        const run = beginPullRun(store.db);
        applyPage(run, page({ cookie: 'cookie-2', lastMutationId: 0 }));
        expect(snapshot(store.db)).toEqual(synced);
        expectSearchConsistent(store.db);

        // REPLAY: nothing changed on the server, so every pending mutation applies again, exactly as before.
        const result = await finishPullRun(run, environment(store));
        expect(result).toMatchObject({ rewound: pending.length, replayed: pending.length, replayFailures: [], confirmed: 0 });
        expect(snapshot(store.db)).toEqual(local);
        expect(outboxIds(store.db)).toEqual(pending);
        expectSearchConsistent(store.db);
        store.close();
      }),
      { numRuns: 60 },
    );
  });

  it('an abandoned run leaves the local changes as they were', async () => {
    const { store, people, assets } = await syncedStore();
    await runStep(store, people, assets, { kind: 'issue', asset: 0, person: 1, reason: false }, 1);
    await runStep(store, people, assets, { kind: 'createAsset', tag: 'NEW-1' }, 2);
    const local = snapshot(store.db);
    const run = beginPullRun(store.db);
    applyPage(run, page({ lastMutationId: 0, more: true }));
    expect(snapshot(store.db)).not.toEqual(local);
    abortPullRun(run);
    expect(snapshot(store.db)).toEqual(local);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
