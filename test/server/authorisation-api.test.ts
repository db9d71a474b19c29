import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src-shared/auth/actor';
import { managerLookup, type ManagerOf } from '../../src-shared/auth/hierarchy';
import { canSeeAsset, canSeeAssetEvent, canSeePerson } from '../../src-shared/auth/visibility';
import { ROLE_VALUES, type Role } from '../../src-shared/domain/roles';
import { startTestApi, type TestApi } from './support/api';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/databases';
import { PASSWORD, PEOPLE, PERSONA_BY_ROLE, seedOrg, type Name, type Org } from './support/org';

interface Identified {
  readonly id: string;
}

describe.each(BACKENDS)('authorisation of every endpoint, for every role, on %s', { timeout: 30_000 }, (backend) => {
  let test: TestDatabase;
  let api: TestApi;
  let org: Org;
  let managerOf: ManagerOf;
  const tokens = {} as Record<Name, string>;

  beforeAll(async () => {
    test = await openTestDatabase(backend);
    api = await startTestApi(test.db);
    org = await seedOrg(test.db);
    managerOf = managerLookup(Object.values(org.people));
    for (const name of PEOPLE) tokens[name] = await api.signIn(org.people[name].email, PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await test.close();
  });

  const actorOf = (name: Name): Actor => ({ personId: org.people[name].id, roles: org.people[name].roles });
  const nameOf = (id: string | null) => PEOPLE.find((name) => org.people[name].id === id) ?? null;

  /** Follows nextCursor to the end, a few items at a time, so paging is exercised too. */
  async function everything<T extends Identified>(url: string, token: string): Promise<T[]> {
    const items: T[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages += 1) {
      const separator = url.includes('?') ? '&' : '?';
      const reply = await api.get(`${url}${separator}limit=3${after === null ? '' : `&after=${after}`}`, token);
      expect(reply.status, reply.body).toBe(200);
      const value = reply.json.value as { items: T[]; nextCursor: string | null };
      items.push(...value.items);
      after = value.nextCursor;
      if (after === null) return items;
    }
    throw new Error('paging did not end');
  }

  const personas = ROLE_VALUES.map((role) => [role, PERSONA_BY_ROLE[role]] as const);

  describe('hand-checked expectations (independent of the authorisation module)', () => {
    it('a line manager sees themself and their chain of reports; a second-level manager sees the whole chain', async () => {
      const names = async (who: Name) => (await everything<Identified>('/api/v1/people', tokens[who])).map((p) => nameOf(p.id)).sort();
      expect(await names('mgr')).toEqual(['alice', 'bob', 'mgr']);
      expect(await names('boss')).toEqual(['alice', 'bob', 'boss', 'carol', 'mgr']);
      expect(await names('alice')).toEqual(['alice']);
      expect(await names('desk')).toEqual([...PEOPLE].sort());
    });

    it('a holder does not see who held their laptop before them; the service desk sees the whole history', async () => {
      const events = async (who: Name) =>
        (await everything<Identified & { personId: string | null; event: string }>(`/api/v1/assets/${org.handedDownAssetId}/events`, tokens[who])).map(
          (e) => `${e.event}:${nameOf(e.personId) ?? '-'}`,
        );
      expect(await events('alice')).toEqual(['issue:alice']);
      expect((await events('desk')).sort()).toEqual(['create:-', 'issue:alice', 'issue:dave', 'restock:-', 'return:dave'].sort());
      expect((await api.get(`/api/v1/assets/${org.handedDownAssetId}/events`, tokens.dave)).status).toBe(404);
    });

    it('an admin sees the whole directory but only their own equipment', async () => {
      expect((await everything<Identified>('/api/v1/people', tokens.adm)).length).toBe(PEOPLE.length);
      const assets = await everything<Identified & { holderId: string | null }>('/api/v1/assets', tokens.adm);
      expect(assets.map((a) => nameOf(a.holderId))).toEqual(['adm']);
    });
  });

  describe.each(personas)('as %s (%s)', (_role: Role, who: Name) => {
    it('GET /api/v1/people returns exactly the people they may see: no one else, no one missed', async () => {
      const got = (await everything<Identified>('/api/v1/people', tokens[who])).map((p) => p.id).sort();
      const allowed = PEOPLE.filter((name) => canSeePerson(actorOf(who), org.people[name], managerOf)).map((name) => org.people[name].id);
      expect(got).toEqual(allowed.sort());
    });

    it('GET /api/v1/people/{id}: 200 for themself and those they may see, 404 for everyone else', async () => {
      for (const name of PEOPLE) {
        const reply = await api.get(`/api/v1/people/${org.people[name].id}`, tokens[who]);
        const allowed = canSeePerson(actorOf(who), org.people[name], managerOf);
        expect([name, reply.status]).toEqual([name, allowed ? 200 : 404]);
        if (allowed) expect((reply.json.value as Identified).id).toBe(org.people[name].id);
      }
      expect(canSeePerson(actorOf(who), org.people[who], managerOf)).toBe(true);
    });

    it('GET /api/v1/assets returns exactly the assets they may see, and filters cannot widen that', async () => {
      const allowed = org.assets.filter((asset) => canSeeAsset(actorOf(who), asset, managerOf)).map((a) => a.id).sort();
      expect((await everything<Identified>('/api/v1/assets', tokens[who])).map((a) => a.id).sort()).toEqual(allowed);
      for (const name of PEOPLE) {
        const heldBy = (await everything<Identified>(`/api/v1/assets?holderId=${org.people[name].id}`, tokens[who])).map((a) => a.id);
        expect(heldBy.every((id) => allowed.includes(id))).toBe(true);
      }
      const inStock = (await everything<Identified>('/api/v1/assets?status=in_stock', tokens[who])).map((a) => a.id);
      expect(inStock.every((id) => allowed.includes(id))).toBe(true);
    });

    it('GET /api/v1/assets/{id}: 200 for assets they may see, 404 for the rest', async () => {
      for (const asset of org.assets) {
        const reply = await api.get(`/api/v1/assets/${asset.id}`, tokens[who]);
        expect([asset.assetTag, reply.status]).toEqual([asset.assetTag, canSeeAsset(actorOf(who), asset, managerOf) ? 200 : 404]);
      }
    });

    it('GET /api/v1/assets/{id}/events returns only events about people they may see, for assets they may see', async () => {
      for (const asset of org.assets) {
        const url = `/api/v1/assets/${asset.id}/events`;
        if (!canSeeAsset(actorOf(who), asset, managerOf)) {
          expect((await api.get(url, tokens[who])).status).toBe(404);
          continue;
        }
        const got = (await everything<Identified>(url, tokens[who])).map((e) => e.id).sort();
        const allowed = org.events.filter((e) => e.assetId === asset.id && canSeeAssetEvent(actorOf(who), e, managerOf)).map((e) => e.id);
        expect(got).toEqual(allowed.sort());
      }
    });

    it('GET /api/v1/me answers about themself only', async () => {
      const reply = await api.get('/api/v1/me', tokens[who]);
      expect((reply.json.value as { person: Identified }).person.id).toBe(org.people[who].id);
    });

    it('admin endpoints: allowed for admins only, on their own account and anyone else’s', async () => {
      const admin = who === 'adm';
      for (const target of [who, 'dave'] as const) {
        const personId = org.people[target].id;
        for (const url of [`/api/v1/admin/accounts/${personId}/enable`]) {
          const reply = await api.post(url, undefined, tokens[who]);
          // An admin reaches the handler (409: the account is not disabled); everyone else is stopped at 403.
          expect(reply.status).toBe(admin ? 409 : 403);
        }
        if (!admin) {
          expect((await api.post(`/api/v1/admin/accounts/${personId}/disable`, undefined, tokens[who])).status).toBe(403);
          expect((await api.post('/api/v1/admin/accounts', { personId }, tokens[who])).status).toBe(403);
        }
      }
      const { rows } = await test.db.query('SELECT 1 FROM accounts WHERE disabled_at IS NOT NULL');
      expect(rows).toEqual([]);
    });
  });

  it('logs each refused look-up of someone else’s record, with ids only', async () => {
    const before = api.logLines.length;
    await api.get(`/api/v1/people/${org.people.dave.id}`, tokens.alice);
    const line = api.logLines.slice(before).find((l) => l.includes('authorisation_refused'));
    expect(JSON.parse(line ?? '{}')).toMatchObject({ actorId: org.people.alice.id, resource: 'people', resourceId: org.people.dave.id });
    expect(line).not.toContain('@');
  });
});
