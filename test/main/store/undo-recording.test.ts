import { describe, expect, it } from 'vitest';
import { CURRENT_AUP_VERSION } from '../../../src-shared/domain/policy';
import { newId } from '../../../src-shared/ids';
import { mutators } from '../../../src-shared/mutators/registry';
import { runMutation, runMutationBatch, type MutationEnvironment } from '../../../src-main/store/mutation-runner';
import type { Store } from '../../../src-main/store/open-store';
import type { UndoEntry } from '../../../src-main/store/undo-log';
import { FIXED_NOW, fixedClock, memoryStore } from '../../support/store';

const ACTOR = '0190a000-0000-7000-8000-00000000000a';
const env = (store: Store, actorId: string | null = ACTOR): MutationEnvironment => ({ db: store.db, clientId: store.installation.clientId, actorId, clock: fixedClock });
const undoOf = (store: Store, id: number) =>
  JSON.parse((store.db.prepare('SELECT entries FROM undo_log WHERE mutation_id = ?').get(id) as { entries: string }).entries) as UndoEntry[];

describe('undo records (for a pull’s rewind)', () => {
  it('records each mutation’s writes in order: inserts with no before-image, updates with the whole row as it was', async () => {
    const store = memoryStore();
    const person = newId();
    const asset = newId();
    await runMutation(env(store), mutators['person.create'], { id: person, staffNumber: 'S1', name: 'Ada Lovelace', email: 'ada@example.gov.uk', roles: ['line_manager'], trainingCompletedOn: '2026-06-01' });
    await runMutation(env(store), mutators['asset.create'], { id: asset, assetTag: 'LT-1', serialNumber: 'S1', type: 'laptop', model: 'Dell' });
    expect(undoOf(store, 2)).toEqual([
      { t: 'assets', id: asset, before: null },
      { t: 'asset_events', id: expect.any(String) as unknown, before: null },
    ]);
    await runMutation(env(store), mutators['asset.issue'], { assetId: asset, personId: person, aupVersion: CURRENT_AUP_VERSION, aupConfirmed: true });
    const [ack, update, event] = undoOf(store, 3);
    expect(ack).toMatchObject({ t: 'aup_acknowledgements', before: null });
    expect(update).toEqual({
      t: 'assets',
      id: asset,
      before: expect.objectContaining({ id: asset, assetTag: 'LT-1', status: 'in_stock', holderId: null, statusChangedAt: FIXED_NOW.toISOString() }) as unknown,
    });
    expect(Object.keys(update?.before ?? {})).toHaveLength(17);
    expect(event).toMatchObject({ t: 'asset_events', before: null });
    await runMutation(env(store), mutators['person.recordTraining'], { personId: person, completedOn: '2026-11-01' });
    // JSON fields come back decoded, as the pulled rows have them.
    expect(undoOf(store, 4)).toEqual([{ t: 'people', id: person, before: expect.objectContaining({ roles: ['staff', 'line_manager'], trainingCompletedOn: '2026-06-01' }) as unknown }]);
  });

  it('keeps one before-image per row and mutation, and who made the mutation in the outbox', async () => {
    const store = memoryStore();
    const person = newId();
    const assets = [newId(), newId()];
    await runMutation(env(store, null), mutators['person.create'], { id: person, staffNumber: 'S1', name: 'Ada', email: 'ada@example.gov.uk', trainingCompletedOn: '2026-06-01' });
    for (const [i, id] of assets.entries()) {
      await runMutation(env(store), mutators['asset.create'], { id, assetTag: `LT-${String(i)}`, serialNumber: 'S', type: 'laptop', model: 'Dell' });
      await runMutation(env(store), mutators['asset.issue'], { assetId: id, personId: person, aupVersion: CURRENT_AUP_VERSION, aupConfirmed: true });
    }
    const { mutationId } = await runMutation(env(store), mutators['asset.returnMany'], { assetIds: assets, condition: 'Good' });
    expect(undoOf(store, mutationId).map((e) => [e.t, e.before === null])).toEqual([
      ['assets', false],
      ['asset_events', true],
      ['assets', false],
      ['asset_events', true],
    ]);
    expect(store.db.prepare('SELECT mutation_id AS id, actor_id AS actor FROM outbox WHERE mutation_id IN (1, 2)').all()).toEqual([
      { id: 1, actor: null },
      { id: 2, actor: ACTOR },
    ]);
  });

  it('writes one undo row per mutation of an import batch, and none for a refused mutation', async () => {
    const store = memoryStore();
    const rows = Array.from({ length: 3 }, (_, i) => ({ id: newId(), assetTag: `IMP-${String(i)}`, serialNumber: 'S', type: 'monitor', model: 'Dell' }));
    await runMutationBatch(env(store), [{ mutator: mutators['asset.import'], args: { rows } }]);
    expect(store.db.prepare('SELECT mutation_id AS id FROM undo_log').all()).toEqual([{ id: 1 }]);
    expect(undoOf(store, 1)).toHaveLength(6);
    await expect(runMutation(env(store), mutators['asset.create'], { ...rows[0], id: newId() })).rejects.toThrow(/already used/);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM undo_log').get()).toEqual({ n: 1 });
  });
});
