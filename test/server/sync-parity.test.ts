import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMutation } from '../../src-main/store/mutation-runner';
import { SqliteTx } from '../../src-main/store/sqlite-tx';
import { newId } from '../../src-shared/ids';
import { findMutator } from '../../src-shared/mutators/registry';
import { SYNCED_TABLES } from '../../src-shared/sync/protocol';
import { memoryStore } from '../support/store';
import { startTestApi, type TestApi } from './support/api';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/databases';
import { PASSWORD, seedOrg, type Org } from './support/org';
import { injected, intents, MADE_AT, SyncClient, type Intent } from './support/sync';

/**
 * The same mutations run on the desktop's store (its optimistic run) and pushed to the server (the authoritative run)
 * must make the same records, with the same ids, field for field: otherwise a desktop would see its own changes
 * flicker or duplicate when the server's rows arrive in the next pull.
 */
describe.each(BACKENDS)('the server runs mutators as the desktop does, on %s', { timeout: 60_000 }, (backend) => {
  let test: TestDatabase;
  let api: TestApi;
  let org: Org;
  let token: string;

  beforeAll(async () => {
    test = await openTestDatabase(backend);
    api = await startTestApi(test.db);
    org = await seedOrg(test.db);
    token = await api.signIn(org.people.desk.email, PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await test.close();
  });

  it('makes the same rows and ids from the same mutations', async () => {
    const personId = newId();
    const phoneId = newId();
    const laptopId = newId();
    const journey: Intent[] = [
      {
        name: 'person.create',
        args: { id: personId, staffNumber: 'ps-001 ', name: 'Priya Shah', email: ' Priya.Shah@Example.gov.uk', lineManagerId: '', roles: ['line_manager'], trainingCompletedOn: '2025-01-15' },
      },
      intents.createAsset(phoneId, 'ph-parity-1', { type: 'smartphone', imei: '490154203237518', phoneNumber: '07700 900123', purchaseDate: '2025-04-01', purchaseValuePence: 45_000, notes: '  Spare  ' }),
      intents.createAsset(laptopId, 'lt-parity-1'),
      intents.issue(phoneId, personId),
      intents.issue(laptopId, personId),
      intents.markDamaged(phoneId),
      { name: 'asset.sendToRepair', args: { assetId: phoneId, note: 'Cracked screen' } },
      intents.recordTraining(personId, '2026-11-01'),
      intents.acknowledgeAup(personId),
      { name: 'asset.returnMany', args: { assetIds: [laptopId], condition: 'Scratched lid' } },
    ];

    const desktop = memoryStore();
    try {
      const { clientId } = desktop.installation;
      const env = { db: desktop.db, clientId, actorId: org.people.desk.id, clock: () => new Date(MADE_AT) };
      for (const intent of journey) {
        const mutator = findMutator(intent.name);
        if (!mutator) throw new Error(intent.name);
        await runMutation(env, mutator, intent.args);
      }
      const server = new SyncClient(injected(api), token, clientId);
      expect(await server.push(journey)).toEqual({ lastMutationId: journey.length, applied: journey.length, rejected: 0, duplicates: 0 });
      await server.sync();

      const local = new SqliteTx(desktop.db, { clientId, mutationId: 0, actorId: null, now: MADE_AT });
      let compared = 0;
      for (const table of SYNCED_TABLES) {
        const ids = desktop.db.prepare(`SELECT id FROM ${table}`).all() as { id: string }[];
        for (const { id } of ids) {
          expect([table, server.rows(table).get(id)]).toEqual([table, await local.get(table, id)]);
          compared += 1;
        }
      }
      // 1 person, 2 assets, 7 history events, 3 AUP confirmations.
      expect(compared).toBe(13);
    } finally {
      desktop.close();
    }
  });
});
