import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AssetRow } from '../../../src-shared/domain/asset';
import { newId } from '../../../src-shared/ids';
import { defineMutator } from '../../../src-shared/mutators/define';
import { mutators } from '../../../src-shared/mutators/registry';
import { DomainError } from '../../../src-shared/result';
import { runMutation, runMutationBatch, type MutationEnvironment } from '../../../src-main/store/mutation-runner';
import type { Store } from '../../../src-main/store/open-store';
import { FIXED_NOW, fixedClock, memoryStore } from '../../support/store';

function environment(store: Store): MutationEnvironment {
  return { db: store.db, clientId: store.installation.clientId, actorId: null, clock: fixedClock };
}

const count = (store: Store, table: string) => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const outboxIds = (store: Store) =>
  (store.db.prepare('SELECT mutation_id AS id FROM outbox ORDER BY mutation_id').all() as { id: number }[]).map((r) => r.id);

const asset = (tag: string) => ({ id: newId(), assetTag: tag, serialNumber: `sn-${tag.trim()}`, type: 'laptop', model: 'Dell Latitude 7450' });

/** A complete in-stock asset row, for test mutators that write rows directly. */
function assetRow(id: string, assetTag: string, now: string): AssetRow {
  return {
    id,
    assetTag,
    serialNumber: 'X',
    type: 'other',
    model: 'X',
    imei: null,
    phoneNumber: null,
    purchaseDate: null,
    purchaseValuePence: null,
    location: null,
    notes: null,
    status: 'in_stock',
    holderId: null,
    statusChangedAt: now,
    statusChangedBy: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Writes a row, then fails: the runner must take the row back along with the outbox entry. */
const writesThenThrows = defineMutator({
  name: 'test.writesThenThrows',
  args: z.strictObject({ id: z.string() }),
  async run(tx, args) {
    await tx.insert('assets', assetRow(args.id, 'HALF-DONE', tx.context.now));
    throw new DomainError('conflict', 'changed my mind');
  },
});

describe('runMutation', () => {
  it('writes the rows and the outbox entry together, with the client id, name and parsed args', async () => {
    const store = memoryStore();
    const receipt = await runMutation(environment(store), mutators['asset.create'], asset(' lt-100 '));
    expect(receipt).toEqual({ mutationId: 1 });
    const entry = store.db.prepare('SELECT * FROM outbox').get() as Record<string, unknown>;
    expect(entry).toMatchObject({ mutation_id: 1, client_id: store.installation.clientId, name: 'asset.create', created_at: FIXED_NOW.toISOString() });
    expect(JSON.parse(entry.args as string)).toMatchObject({ assetTag: 'LT-100', serialNumber: 'SN-LT-100' });
    expect(store.db.prepare('SELECT asset_tag, created_at FROM assets').get()).toEqual({ asset_tag: 'LT-100', created_at: FIXED_NOW.toISOString() });
  });

  it('leaves neither rows nor an outbox entry when the mutator throws, and does not use up a mutation id', async () => {
    const store = memoryStore();
    await expect(runMutation(environment(store), writesThenThrows, { id: newId() })).rejects.toThrow('changed my mind');
    expect(count(store, 'assets')).toBe(0);
    expect(count(store, 'outbox')).toBe(0);
    expect(store.db.inTransaction).toBe(false);
    const next = await runMutation(environment(store), mutators['asset.create'], asset('LT-1'));
    expect(next.mutationId).toBe(1);
  });

  it('turns a database constraint that a mutator missed into a field error, not raw SQLite text', async () => {
    const store = memoryStore();
    const first = asset('LT-1');
    await runMutation(environment(store), mutators['asset.create'], first);
    const sameId = defineMutator({
      name: 'test.insertDuplicateId',
      args: z.strictObject({}),
      async run(tx) {
        await tx.insert('assets', assetRow(first.id, 'LT-2', tx.context.now));
      },
    });
    const error = await runMutation(environment(store), sameId, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('conflict');
    expect((error as DomainError).fields).toHaveProperty('id');
    expect(count(store, 'outbox')).toBe(1);
  });

  it('refuses an insert that leaves out a column (a mutator bug), writing nothing', async () => {
    const store = memoryStore();
    const missingNotes = defineMutator({
      name: 'test.insertWithoutNotes',
      args: z.strictObject({}),
      async run(tx) {
        const row: Record<string, unknown> = { ...assetRow(newId(), 'LT-1', tx.context.now) };
        delete row.notes;
        await tx.insert('assets', row as unknown as AssetRow);
      },
    });
    await expect(runMutation(environment(store), missingNotes, {})).rejects.toThrow('The assets row has no notes field');
    expect([count(store, 'assets'), count(store, 'outbox')]).toEqual([0, 0]);
  });

  it('hands out gap-free mutation ids whatever mix of successes and failures comes in', async () => {
    const step = fc.oneof(
      fc.constantFrom('LT-1', 'LT-2', 'LT-3', 'LT-4').map((tag) => ({ kind: 'create' as const, tag })),
      fc.constant({ kind: 'throw' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
        const store = memoryStore();
        let successes = 0;
        for (const s of steps) {
          const attempt =
            s.kind === 'create'
              ? runMutation(environment(store), mutators['asset.create'], asset(s.tag))
              : runMutation(environment(store), writesThenThrows, { id: newId() });
          if (await attempt.then(() => true, () => false)) successes += 1;
        }
        expect(outboxIds(store)).toEqual(Array.from({ length: successes }, (_, i) => i + 1));
        expect(count(store, 'assets')).toBe(successes);
        store.close();
      }),
      { numRuns: 60 },
    );
  });
});

describe('runMutationBatch', () => {
  it('commits every mutation of the batch with consecutive ids, reporting progress as it goes', async () => {
    const store = memoryStore();
    const progress: number[] = [];
    const items = Array.from({ length: 5 }, (_, i) => ({ mutator: mutators['asset.create'], args: asset(`LT-${String(i)}`) }));
    const result = await runMutationBatch(environment(store), items, { yieldEvery: 2, onProgress: (done) => progress.push(done) });
    expect(result).toEqual({ firstMutationId: 1, lastMutationId: 5 });
    expect(outboxIds(store)).toEqual([1, 2, 3, 4, 5]);
    expect(progress).toEqual([2, 4, 5]);
  });

  it('rolls back the whole batch when one mutation fails, leaving ids unused', async () => {
    const store = memoryStore();
    const items = [
      { mutator: mutators['asset.create'], args: asset('LT-1') },
      { mutator: mutators['asset.create'], args: asset('LT-2') },
      { mutator: mutators['asset.create'], args: asset('LT-1') }, // duplicate tag
    ];
    await expect(runMutationBatch(environment(store), items)).rejects.toThrow(/already used/);
    expect(count(store, 'assets')).toBe(0);
    expect(count(store, 'outbox')).toBe(0);
    expect((await runMutation(environment(store), mutators['asset.create'], asset('LT-9'))).mutationId).toBe(1);
  });
});
