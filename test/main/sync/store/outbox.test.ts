import { describe, expect, it } from 'vitest';
import { newId } from '../../../../src-shared/ids';
import { mutators } from '../../../../src-shared/mutators/registry';
import { SYNC_SCHEMA_VERSION, pushedMutation } from '../../../../src-shared/sync/protocol';
import { runMutation } from '../../../../src-main/store/mutation-runner';
import { exportOutbox, pendingCount, pendingMutations } from '../../../../src-main/sync/store/outbox';
import { FIXED_NOW, memoryStore } from '../../../support/store';
import { environment, ME } from './fixtures';

const asset = (tag: string, notes: string | null = null) => ({ id: newId(), assetTag: tag, serialNumber: `SN-${tag}`, type: 'laptop', model: 'Dell Latitude 7450', notes });

async function storeWithOutbox(notes: (string | null)[]) {
  const store = memoryStore();
  for (const [i, note] of notes.entries()) await runMutation(environment(store), mutators['asset.create'], asset(`LT-${String(i)}`, note));
  return store;
}

const argsBytes = (store: ReturnType<typeof memoryStore>, id: number) =>
  Buffer.byteLength((store.db.prepare('SELECT args FROM outbox WHERE mutation_id = ?').get(id) as { args: string }).args, 'utf8');

describe('pendingMutations', () => {
  it('returns outbox entries after an id, oldest first, in the push format with parsed arguments', async () => {
    const store = await storeWithOutbox([null, null, null]);
    const batch = pendingMutations(store.db, 1, 10, 1_000_000);
    expect(batch.map((m) => m.id)).toEqual([2, 3]);
    expect(batch[0]).toEqual({ id: 2, name: 'asset.create', args: expect.objectContaining({ assetTag: 'LT-1' }) as unknown, createdAt: FIXED_NOW.toISOString() });
    for (const mutation of batch) expect(pushedMutation.safeParse(mutation).success).toBe(true);
    expect(pendingMutations(store.db, 0, 2, 1_000_000).map((m) => m.id)).toEqual([1, 2]);
    expect(pendingMutations(store.db, 3, 10, 1_000_000)).toEqual([]);
    expect(pendingCount(store.db)).toBe(3);
  });

  it('stops before the entry that would pass the byte limit (UTF-8), but always sends at least one', async () => {
    const store = await storeWithOutbox(['é'.repeat(300), null, null]);
    const first = argsBytes(store, 1);
    const second = argsBytes(store, 2);
    expect(first).toBeGreaterThan(600); // two bytes a character
    expect(pendingMutations(store.db, 0, 10, first + second).map((m) => m.id)).toEqual([1, 2]);
    expect(pendingMutations(store.db, 0, 10, first + second - 1).map((m) => m.id)).toEqual([1]);
    expect(pendingMutations(store.db, 0, 10, 10).map((m) => m.id)).toEqual([1]);
  });
});

describe('exportOutbox', () => {
  it('writes the unsent changes as a JSON recovery document with the client id and each change’s author', async () => {
    const store = await storeWithOutbox([null, 'Spare']);
    const exported = exportOutbox(store.db, () => new Date('2026-11-24T12:00:00.000Z'));
    expect(JSON.parse(JSON.stringify(exported))).toEqual({
      format: 'custodian-unsent-changes',
      schemaVersion: SYNC_SCHEMA_VERSION,
      clientId: store.installation.clientId,
      exportedAt: '2026-11-24T12:00:00.000Z',
      mutations: [
        { id: 1, name: 'asset.create', args: expect.objectContaining({ assetTag: 'LT-0', notes: null }) as unknown, createdAt: FIXED_NOW.toISOString(), actorId: ME },
        { id: 2, name: 'asset.create', args: expect.objectContaining({ assetTag: 'LT-1', notes: 'Spare' }) as unknown, createdAt: FIXED_NOW.toISOString(), actorId: ME },
      ],
    });
  });
});
