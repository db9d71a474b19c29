import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src-shared/auth/actor';
import { newId } from '../../src-shared/ids';
import { SYNCED_TABLES } from '../../src-shared/sync/protocol';
import { startTestApi, type TestApi } from './support/api';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/databases';
import { PASSWORD, seedOrg, type Name, type Org } from './support/org';
import { injected, intents, moveToManager, SyncClient, type Intent } from './support/sync';
import { visibleIds } from './support/visible';

const WATCHERS = ['mgr', 'boss', 'alice', 'dave', 'desk'] as const satisfies readonly Name[];
const HOLDERS = ['alice', 'bob', 'carol', 'dave', 'mgr'] as const satisfies readonly Name[];
const MOVERS = ['alice', 'bob', 'carol'] as const satisfies readonly Name[];
const MANAGERS = ['mgr', 'boss', 'dave', null] as const;

type Step =
  | { readonly kind: 'custody'; readonly asset: number; readonly action: 'issue' | 'return' | 'restock' | 'lost'; readonly holder: (typeof HOLDERS)[number] }
  | { readonly kind: 'move'; readonly person: (typeof MOVERS)[number]; readonly manager: (typeof MANAGERS)[number] }
  | { readonly kind: 'training'; readonly person: (typeof HOLDERS)[number]; readonly day: number }
  | { readonly kind: 'pull'; readonly who: (typeof WATCHERS)[number] };

// Custody changes and pulls dominate, so a watcher often sees an asset before it leaves their sight (the del case).
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
    kind: fc.constant('custody' as const),
    asset: fc.integer({ min: 0, max: 3 }),
    action: fc.constantFrom('issue' as const, 'return' as const, 'restock' as const, 'lost' as const),
      holder: fc.constantFrom(...HOLDERS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), person: fc.constantFrom(...MOVERS), manager: fc.constantFrom(...MANAGERS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('training' as const), person: fc.constantFrom(...HOLDERS), day: fc.integer({ min: 1, max: 28 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('pull' as const), who: fc.constantFrom(...WATCHERS) }) },
);

describe.each(BACKENDS)('incremental sync converges on %s', { timeout: 120_000 }, (backend) => {
  let test: TestDatabase;
  let api: TestApi;
  let org: Org;
  const tokens = {} as Record<Name, string>;
  let desk: SyncClient;
  const tracked: string[] = [];

  beforeAll(async () => {
    test = await openTestDatabase(backend);
    api = await startTestApi(test.db, undefined, { pullPageRows: 4 });
    org = await seedOrg(test.db);
    for (const name of [...WATCHERS, 'bob', 'carol'] as const) tokens[name] = await api.signIn(org.people[name].email, PASSWORD);
    desk = new SyncClient(injected(api), tokens.desk);
    for (let i = 0; i < 4; i += 1) tracked.push(newId());
    await desk.push(tracked.map((id, i) => intents.createAsset(id, `LT-TRACK-${String(i)}`)));
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await test.close();
  });

  const actor = (name: Name): Actor => ({ personId: org.people[name].id, roles: org.people[name].roles });

  function intentFor(change: Extract<Step, { kind: 'custody' }>): Intent {
    const assetId = tracked[change.asset] ?? '';
    switch (change.action) {
      case 'issue':
        return intents.issue(assetId, org.people[change.holder].id);
      case 'return':
        return intents.return(assetId);
      case 'restock':
        return intents.restock(assetId);
      case 'lost':
        return intents.markLost(assetId);
    }
  }

  it('leaves every watcher holding exactly what it may see, as a fresh sync would, after any mix of changes and pulls', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
        const watchers = Object.fromEntries(WATCHERS.map((name) => [name, new SyncClient(injected(api), tokens[name])])) as Record<(typeof WATCHERS)[number], SyncClient>;
        for (const watcher of Object.values(watchers)) await watcher.sync();
        for (const change of steps) {
          if (change.kind === 'custody') await desk.push([intentFor(change)]);
          else if (change.kind === 'move') await moveToManager(test.db, org.people[change.person].id, change.manager === null ? null : org.people[change.manager].id);
          else if (change.kind === 'training') await desk.push([intents.recordTraining(org.people[change.person].id, `2026-10-${String(change.day).padStart(2, '0')}`)]);
          else await watchers[change.who].sync();
        }
        for (const name of WATCHERS) {
          const watcher = watchers[name];
          await watcher.sync();
          const expected = await visibleIds(test.db, actor(name));
          const fresh = new SyncClient(injected(api), tokens[name]);
          await fresh.sync();
          for (const table of SYNCED_TABLES) {
            expect([name, table, watcher.ids(table)]).toEqual([name, table, expected[table]]);
            expect([name, table, [...watcher.rows(table).entries()].sort()]).toEqual([name, table, [...fresh.rows(table).entries()].sort()]);
          }
        }
      }),
      { numRuns: 20 },
    );
  });
});
