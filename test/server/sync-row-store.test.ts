import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src-server/db/database';
import { lockSyncHead } from '../../src-server/sync/sync-head';
import { SyncRowStore } from '../../src-server/sync/write/row-store';
import { newId } from '../../src-shared/ids';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/databases';
import { seedOrg, type Org } from './support/org';

const AT = '2026-11-20T14:02:00.000Z';

function asset(id: string, assetTag: string, serialNumber = `SN-${assetTag}`) {
  return {
    id,
    assetTag,
    serialNumber,
    type: 'laptop',
    model: 'Dell Latitude 7450',
    imei: null,
    phoneNumber: null,
    purchaseDate: null,
    purchaseValuePence: null,
    location: null,
    notes: null,
    status: 'in_stock',
    holderId: null,
    statusChangedAt: AT,
    statusChangedBy: null,
    createdAt: AT,
    updatedAt: AT,
  };
}

/** The store a push uses, in a transaction that is always rolled back: these tests leave nothing behind. */
async function withStore(test: TestDatabase, work: (store: SyncRowStore, tx: Queryable) => Promise<void>): Promise<void> {
  const done = new Error('rolled back on purpose');
  await test.db
    .transaction(async (tx) => {
      const store = new SyncRowStore(tx, (await lockSyncHead(tx)) + 1);
      await work(store, tx);
      throw done;
    })
    .catch((error: unknown) => {
      if (error !== done) throw error;
    });
}

describe.each(BACKENDS)('a push’s row store on %s', { timeout: 30_000 }, (backend) => {
  let test: TestDatabase;
  let org: Org;
  beforeAll(async () => {
    test = await openTestDatabase(backend);
    org = await seedOrg(test.db);
  }, 60_000);
  afterAll(() => test.close());

  it('answers reads from what this push wrote, before anything reaches the database', async () => {
    await withStore(test, async (store, tx) => {
      const id = newId();
      store.insert('assets', asset(id, 'LT-HELD-1'));
      expect(await store.get('assets', id)).toMatchObject({ assetTag: 'LT-HELD-1' });
      expect(await store.get('assets', id.toUpperCase())).toMatchObject({ id });
      expect(await store.findBy('assets', 'assetTag', 'LT-HELD-1')).toMatchObject({ id });
      expect((await tx.query('SELECT 1 FROM assets WHERE id = $1', [id])).rows).toHaveLength(0);
      await store.flush();
      expect((await tx.query('SELECT version FROM assets WHERE id = $1', [id])).rows).toHaveLength(1);
    });
  });

  it('moves a unique value between rows as updates do, and refuses a value another row holds', async () => {
    await withStore(test, async (store) => {
      const seeded = org.assets[0];
      if (!seeded) throw new Error('seed');
      await store.update('assets', seeded.id, { assetTag: 'LT-RENAMED' });
      expect(await store.findBy('assets', 'assetTag', seeded.assetTag)).toBeUndefined();
      expect(await store.findBy('assets', 'assetTag', 'LT-RENAMED')).toMatchObject({ id: seeded.id });
      const other = org.assets[1];
      if (!other) throw new Error('seed');
      await expect(store.update('assets', other.id, { assetTag: 'LT-RENAMED' })).rejects.toMatchObject({ code: 'conflict' });
    });
  });

  it('undoes a failed mutation in memory, and says so when a lookup had already written it to the database', async () => {
    await withStore(test, async (store) => {
      const kept = newId();
      const undone = newId();
      store.begin();
      store.insert('assets', asset(kept, 'LT-KEPT-1'));
      expect(store.commit().map((change) => change.id)).toEqual([kept]);

      store.begin();
      store.insert('assets', asset(undone, 'LT-UNDONE-1'));
      expect(store.rollback()).toBe(true);
      expect(await store.get('assets', undone)).toBeUndefined();
      expect(await store.get('assets', kept)).toMatchObject({ assetTag: 'LT-KEPT-1' });

      // A lookup by a column with no unique index can only be answered by the database, which must first hold the
      // push's writes: undoing this mutation afterwards needs the database too (the push then retries carefully).
      store.begin();
      store.insert('assets', asset(newId(), 'LT-FLUSHED-1', 'SN-SHARED'));
      expect(await store.findBy('assets', 'serialNumber', 'SN-SHARED')).toMatchObject({ assetTag: 'LT-FLUSHED-1' });
      expect(store.rollback()).toBe(false);
    });
  });

  it('records an exit when a row’s subject moves away from a person', async () => {
    await withStore(test, async (store, tx) => {
      const held = org.assets.find((a) => a.holderId === org.people.alice.id);
      if (!held) throw new Error('seed');
      await store.update('assets', held.id, { status: 'returned', holderId: null });
      await store.flush();
      const { rows } = await tx.query<{ subject: string }>("SELECT subject_id::text AS subject FROM sync_exits WHERE table_name = 'assets' AND row_id = $1", [held.id]);
      expect(rows).toEqual([{ subject: org.people.alice.id }]);
    });
  });
});
