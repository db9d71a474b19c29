import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../src-server/audit/verify-chain';
import type { Database } from '../../../../src-server/db/database';
import { hashToken } from '../../../../src-server/auth/tokens';
import { CURRENT_AUP_VERSION } from '../../../../src-shared/domain/policy';
import { newId } from '../../../../src-shared/ids';
import { SYNC_PATHS, SYNC_SCHEMA_VERSION } from '../../../../src-shared/sync/protocol';
import { request } from '../../../server/support/server-journey';
import { PASSWORD, type Variant } from './central';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMoment } from '../../../../src-shared/domain/asset-lifecycle';
import { daysBeforeDesktopDay, DESKTOP_DAY, desktopTime, emptySnapshot, idsOf, pullOf, pushOf, putsOf, type Desktop, type Snapshot } from './desktop';
import { defineLossReportCases } from './loss-report-case';
import { defineTravelCases } from './travel-case';
import { assetArgs, expectSameRows, issueArgs, LAPSE_REASON, lineScope, serverView, subjectOf, within, World, type Person } from './world';

interface Processed {
  readonly last: number;
  /** Mutation ids with an audit event, in audit order (an id applied twice would appear twice). */
  readonly applied: number[];
  readonly rejected: number[];
}

/** What the central database says each client's mutations came to: applied (one audit event each) or rejected. */
async function processedByClient(db: Database): Promise<Map<string, Processed>> {
  const { rows } = await db.query<{ client: string; last: unknown; applied: number[]; rejected: number[] }>(
    `SELECT c.client_id::text AS client, c.last_mutation_id AS last,
            (SELECT coalesce(array_agg((a.after->>'mutationId')::int ORDER BY a.seq), '{}') FROM audit_events a
              WHERE lower(a.client_id) = c.client_id::text AND a.after->>'mutationId' IS NOT NULL) AS applied,
            (SELECT coalesce(array_agg(r.mutation_id::int ORDER BY r.mutation_id), '{}') FROM sync_rejections r WHERE r.client_id = c.client_id) AS rejected
       FROM sync_clients c`,
  );
  return new Map(rows.map((row) => [row.client, { last: Number(row.last), applied: row.applied, rejected: row.rejected }]));
}

function rowById(snapshot: Snapshot, table: keyof Snapshot, id: string): Readonly<Record<string, unknown>> | undefined {
  return snapshot[table].find((row) => row.id === id);
}

const waiting = (n: number) => (n === 1 ? 'Your change is kept' : 'Your changes are kept');

/**
 * The issue's "Must show" integration suite: real server processes and several desktops, each a real store with its
 * own sync engine and handler table, driven only by "Sync now" (and, once, a poke) so every step is deterministic.
 */
export function defineSyncSuite(variant: Variant): void {
  describe(`sync between desktops and the central API (${variant.name})`, { timeout: 60_000 }, () => {
    let world: World;
    let tags = 0;
    const tag = (prefix: string) => `${prefix}-${String((tags += 1)).padStart(5, '0')}`;
    /** The other instance when there are two (the same one otherwise). */
    const other = (index: number) => world.central.url(index + 1);

    beforeAll(async () => {
      world = await World.start(variant);
    }, 120_000);
    afterEach(() => {
      world.closeDesktops();
    });
    afterAll(async () => {
      await world.stop();
    }, 60_000);

    /**
     * Expects the central database to record `clientId`'s mutations as `expected`. On PostgreSQL it is read at once,
     * beside the running servers; embedded PGlite serves one process only, and stopping the server to read it costs
     * seconds each time, so there the expectations are checked together by the suite's last test.
     */
    const deferred: { what: string; clientId: string; expected: Processed }[] = [];
    async function expectProcessed(what: string, clientId: string, expected: Processed): Promise<void> {
      if (world.central.variant.backend === 'pglite') {
        deferred.push({ what, clientId, expected });
        return;
      }
      const found = await world.central.withDatabase(async (db) => (await processedByClient(db)).get(clientId));
      expect(found, what).toEqual(expected);
    }

    describe.each(['B', 'A'] as const)('concurrent offline edits on two desktops (%s syncs first)', (first) => {
      it('converge: both stores and the server end with the same rows, in the server’s order', async () => {
        const { deskA, deskB } = world;
        const [amira] = await world.addPeople([{ name: 'Amira Smith', account: false }]);
        if (!amira) throw new Error('people not made');
        // B's clock is behind A's: client clocks are shown, never used to order anything.
        const a = await world.desktopFor(deskA, { instance: 0, clockStart: desktopTime('10:00') });
        const b = await world.desktopFor(deskB, { instance: 1, clockStart: desktopTime('09:00') });
        const trainedOn = daysBeforeDesktopDay(3);
        a.net.online = false;
        b.net.online = false;

        // A: two laptops into the register, one issued to Amira (her training is not on record: a reason is given).
        const laptop1 = assetArgs(tag('LT-A'));
        const laptop2 = assetArgs(tag('LT-A'));
        await a.call('asset.create', laptop1);
        await a.call('asset.create', laptop2);
        await a.call('asset.issue', issueArgs(laptop1.id, amira.personId));
        // B: Amira's training recorded; a new starter added, their AUP confirmation taken and a laptop issued to them.
        const starterId = newId();
        const laptop3 = assetArgs(tag('LT-B'));
        await b.call('person.recordTraining', { personId: amira.personId, completedOn: trainedOn });
        await b.call('person.create', { id: starterId, staffNumber: tag('NEW'), name: 'Nia Starter', email: `nia.starter.${String(tags)}@example.gov.uk` });
        await b.call('person.acknowledgeAup', { personId: starterId, policyVersion: CURRENT_AUP_VERSION, confirmed: true });
        await b.call('asset.create', laptop3);
        await b.call('asset.issue', issueArgs(laptop3.id, starterId));

        // Offline, "Sync now" says so and every change waits.
        expect(await a.syncNow()).toMatchObject({ state: 'offline', pending: 3, rejected: 0 });
        expect(await b.syncNow()).toMatchObject({ state: 'offline', pending: 5, rejected: 0 });
        expect(rowById(a.snapshot(), 'assets', laptop1.id)).toMatchObject({ status: 'issued', holderId: amira.personId });
        expect(rowById(b.snapshot(), 'people', amira.personId)).toMatchObject({ trainingCompletedOn: trainedOn });

        a.net.online = true;
        b.net.online = true;
        const order = first === 'A' ? [a, b, a, b] : [b, a, b, a];
        for (const desktop of order) expect(await desktop.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0, message: null });

        const server = await serverView(world.central.url(0), a.token() ?? '');
        expectSameRows(a.snapshot(), server, 'desktop A’s store');
        expectSameRows(b.snapshot(), server, 'desktop B’s store');
        expectSameRows(await serverView(other(0), b.token() ?? ''), server, 'the other instance’s view');

        // Both desktops' changes are there, each once.
        expect(rowById(server, 'people', amira.personId)).toMatchObject({ trainingCompletedOn: trainedOn });
        expect(rowById(server, 'people', starterId)).toMatchObject({ name: 'Nia Starter', roles: ['staff'] });
        expect(rowById(server, 'assets', laptop1.id)).toMatchObject({ status: 'issued', holderId: amira.personId, statusChangedBy: deskA.personId });
        expect(rowById(server, 'assets', laptop2.id)).toMatchObject({ status: 'in_stock', holderId: null });
        expect(rowById(server, 'assets', laptop3.id)).toMatchObject({ status: 'issued', holderId: starterId, statusChangedBy: deskB.personId });
        expect(server.aup_acknowledgements.filter((ack) => ack.personId === starterId).map((ack) => ack.assetId)).toEqual(expect.arrayContaining([null, laptop3.id]));
        // The server re-ran A's issue on its own data: the training lapse note depends on whether B's record came first.
        const issued = server.asset_events.filter((event) => event.assetId === laptop1.id && event.event === 'issue');
        expect(issued).toEqual([expect.objectContaining({ personId: amira.personId, actorId: deskA.personId, note: first === 'A' ? `Issued with lapsed security training: ${LAPSE_REASON}` : null })]);
      });
    });

    it('one asset issued to two people by two offline desktops ends issued once, and the second desktop is told who has it', async () => {
      const { deskA, deskB } = world;
      const [amira, ben] = await world.addPeople([
        { name: 'Amira Smith', account: false },
        { name: 'Ben Jones', account: false },
      ]);
      if (!amira || !ben) throw new Error('people not made');
      const a = await world.desktopFor(deskA, { instance: 0, clockStart: desktopTime('14:00') });
      const laptop = assetArgs(tag('LT-X'));
      await a.call('asset.create', laptop);
      expect(await a.syncNow()).toMatchObject({ state: 'synced', pending: 0 });
      const b = await world.desktopFor(deskB, { instance: 1 });
      expect(rowById(b.snapshot(), 'assets', laptop.id)).toMatchObject({ status: 'in_stock' });

      a.net.online = false;
      b.net.online = false;
      await a.call('asset.issue', issueArgs(laptop.id, amira.personId));
      await b.call('asset.issue', issueArgs(laptop.id, ben.personId));
      expect(rowById(b.snapshot(), 'assets', laptop.id)).toMatchObject({ status: 'issued', holderId: ben.personId });
      const [refused] = b.outbox();

      a.net.online = true;
      expect(await a.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
      b.net.online = true;
      expect(await b.syncNow()).toMatchObject({
        state: 'synced',
        pending: 0,
        rejected: 1,
        message: 'The server did not apply 1 change: see “Changes not applied”.',
      });
      expect(pushOf(b.net.pushes().at(-1) ?? expect.fail('B pushed nothing')).reply).toMatchObject({ applied: 0, rejected: 1, duplicates: 0 });

      // B now shows the server's truth: issued to A's choice, by A; nothing left of its own issue.
      const rows = b.snapshot();
      expect(rowById(rows, 'assets', laptop.id)).toMatchObject({ status: 'issued', holderId: amira.personId, statusChangedBy: deskA.personId });
      expect(rows.asset_events.filter((event) => event.assetId === laptop.id && event.event === 'issue').map((event) => event.personId)).toEqual([amira.personId]);
      expect(rows.aup_acknowledgements.filter((ack) => ack.personId === ben.personId)).toEqual([]);
      expect(b.outbox()).toEqual([]);
      const rejections = await b.rejections();
      expect(rejections).toEqual([
        {
          mutationId: refused?.id,
          name: 'asset.issue',
          code: 'conflict',
          // A's clock read 14:00 and a few seconds (shown in London time); B's, 09:30 and a few seconds.
          message: expect.stringMatching(
            new RegExp(`^Not applied: cannot issue ${laptop.assetTag}: it is issued to Amira Smith \\(set by Dana Hughes on ${describeMoment(desktopTime('14:00')).slice(0, -1)}\\d\\)$`),
          ) as string,
          rejectedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
          madeAt: expect.stringMatching(new RegExp(`^${DESKTOP_DAY}T09:30:\\d\\d\\.000Z$`)) as string,
        },
      ]);

      // Later changes on B still apply.
      const spare = assetArgs(tag('LT-Y'));
      await b.call('asset.create', spare);
      await b.call('asset.issue', issueArgs(spare.id, ben.personId));
      expect(await b.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 1 });
      expect(await a.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
      const server = await serverView(world.central.url(0), a.token() ?? '');
      expect(rowById(server, 'assets', spare.id)).toMatchObject({ status: 'issued', holderId: ben.personId, statusChangedBy: deskB.personId });
      expectSameRows(a.snapshot(), server, 'desktop A’s store');
      expectSameRows(b.snapshot(), server, 'desktop B’s store');
    });

    defineLossReportCases({ world: () => world, tag, expectProcessed });
    defineTravelCases({ world: () => world, tag, expectProcessed });

    it('a push sent twice at once (to both instances) applies once, and the same push replayed later changes nothing', async () => {
      const a = await world.desktopFor(world.deskA, { instance: 0 });
      const laptops = [assetArgs(tag('LT-D')), assetArgs(tag('LT-D')), assetArgs(tag('LT-D'))];
      for (const laptop of laptops) await a.call('asset.create', laptop);

      a.net.inject({ kind: 'duplicate', path: 'push', alsoTo: other(0) });
      expect(await a.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
      const [one, two] = a.net.pushes();
      if (!one || !two) throw new Error('the push was not sent twice');
      expect(two.body).toEqual(one.body);
      const replies = [pushOf(one).reply, pushOf(two).reply].sort((x, y) => (x?.applied ?? 0) - (y?.applied ?? 0));
      expect(replies).toEqual([
        { lastMutationId: 3, applied: 0, rejected: 0, duplicates: 3 },
        { lastMutationId: 3, applied: 3, rejected: 0, duplicates: 0 },
      ]);

      // Replayed later, as it was, with the desktop's own token.
      const replay = await request(other(0), 'POST', SYNC_PATHS.push, { token: a.token() ?? '', body: one.body });
      expect(replay).toEqual({ status: 200, json: { ok: true, value: { lastMutationId: 3, applied: 0, rejected: 0, duplicates: 3 } } });
      const before = a.snapshot();
      expect(await a.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
      expectSameRows(a.snapshot(), before, 'the store after the replay');

      const server = await serverView(world.central.url(0), a.token() ?? '');
      expectSameRows(a.snapshot(), server, 'the desktop’s store');
      for (const laptop of laptops) {
        expect(server.assets.filter((asset) => asset.assetTag === laptop.assetTag)).toHaveLength(1);
        expect(server.asset_events.filter((event) => event.assetId === laptop.id).map((event) => event.event)).toEqual(['create']);
      }
      await expectProcessed('the duplicated push', a.clientId(), { last: 3, applied: [1, 2, 3], rejected: [] });
    });

    it('a push whose reply is lost is sent again and applies once: outbox drained, nothing refused', async () => {
      const [holder] = await world.addPeople([{ name: 'Hana Ito', account: false }]);
      if (!holder) throw new Error('people not made');
      const a = await world.desktopFor(world.deskB, { instance: 1 });
      const laptop = assetArgs(tag('LT-L'));
      const phone = assetArgs(tag('PH-L'), { type: 'smartphone', model: 'Pixel 8', imei: '490154203237518' });
      await a.call('asset.create', laptop);
      await a.call('asset.create', phone);
      await a.call('asset.issue', issueArgs(phone.id, holder.personId));

      a.net.inject({ kind: 'drop-reply', path: 'push' });
      expect(await a.syncNow()).toMatchObject({ state: 'offline', pending: 3, rejected: 0 });
      // The server did apply it; only the desktop does not know.
      expect(pushOf(a.net.pushes()[0] ?? expect.fail('nothing pushed')).reply).toEqual({ lastMutationId: 3, applied: 3, rejected: 0, duplicates: 0 });
      expect(rowById(await serverView(other(1), a.token() ?? ''), 'assets', phone.id)).toMatchObject({ status: 'issued', holderId: holder.personId });
      expect(a.outbox().map((entry) => entry.id)).toEqual([1, 2, 3]);

      expect(await a.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0, message: null });
      const [lost, again] = a.net.pushes();
      expect(again?.body).toEqual(lost?.body);
      expect(pushOf(again ?? expect.fail('not sent again')).reply).toEqual({ lastMutationId: 3, applied: 0, rejected: 0, duplicates: 3 });
      expect(a.outbox()).toEqual([]);
      expect(await a.rejections()).toEqual([]);
      expectSameRows(a.snapshot(), await serverView(world.central.url(1), a.token() ?? ''), 'the desktop’s store');
      await expectProcessed('the push whose reply was lost', a.clientId(), { last: 3, applied: [1, 2, 3], rejected: [] });
    });

    it('changes the server always refuses are rejected with a reason and hold up none of the changes after them', async () => {
      const [manager] = await world.addPeople([{ name: 'Maya Okafor', roles: ['line_manager'] }]);
      if (!manager) throw new Error('people not made');
      const [report] = await world.addPeople([{ name: 'Rosa Lind', lineManagerId: manager.personId, account: false }]);
      if (!report) throw new Error('people not made');
      const m = await world.desktopFor(manager, { instance: 1 });
      m.net.online = false;
      const laptop = assetArgs(tag('LT-M'));
      const aup = { policyVersion: CURRENT_AUP_VERSION, confirmed: true };
      await m.call('asset.create', laptop); // 1: only the IT service desk adds assets
      await m.call('person.recordTraining', { personId: report.personId, completedOn: '2026-11-02' }); // 2: allowed for a report
      await m.call('person.acknowledgeAup', { personId: report.personId, ...aup }); // 3: a person confirms the AUP themself
      await m.call('person.acknowledgeAup', { personId: manager.personId, ...aup }); // 4: allowed
      await m.call('person.changeLineManager', { personId: report.personId, lineManagerId: null }); // 5: admins and the desk only
      expect(rowById(m.snapshot(), 'assets', laptop.id)).toBeDefined();

      m.net.online = true;
      expect(await m.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 3, message: 'The server did not apply 3 changes: see “Changes not applied”.' });
      expect(pushOf(m.net.pushes()[0] ?? expect.fail('nothing pushed')).reply).toEqual({ lastMutationId: 5, applied: 2, rejected: 3, duplicates: 0 });
      const rejections = await m.rejections();
      expect(rejections.map(({ mutationId, name, code }) => ({ mutationId, name, code }))).toEqual([
        { mutationId: 5, name: 'person.changeLineManager', code: 'forbidden' },
        { mutationId: 3, name: 'person.acknowledgeAup', code: 'forbidden' },
        { mutationId: 1, name: 'asset.create', code: 'forbidden' },
      ]);
      expect(rejections.map((rejection) => rejection.message)).toEqual([
        'Not applied: your roles (Staff or Line manager) do not allow you to change line managers: that needs the Administrator or IT service desk role',
        'Not applied: you may record an Acceptable Use Policy confirmation only for yourself',
        'Not applied: your roles (Staff or Line manager) do not allow you to add assets to the register: that needs the IT service desk role',
      ]);
      expect(m.outbox()).toEqual([]);

      const rows = m.snapshot();
      expect(rowById(rows, 'assets', laptop.id)).toBeUndefined();
      expect(rowById(rows, 'people', report.personId)).toMatchObject({ trainingCompletedOn: '2026-11-02', lineManagerId: manager.personId });
      expect(rows.aup_acknowledgements.map((ack) => ack.personId)).toEqual([manager.personId]);
      expectSameRows(rows, await serverView(world.central.url(0), m.token() ?? ''), 'the manager’s store');

      // A later change goes through; the refused ones are not sent again.
      await m.call('person.recordTraining', { personId: report.personId, completedOn: '2026-11-03' });
      expect(await m.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 3 });
      const later = pushOf(m.net.pushes().at(-1) ?? expect.fail('nothing pushed'));
      expect(later.request.mutations.map((mutation) => mutation.id)).toEqual([6]);
      expect(later.reply).toEqual({ lastMutationId: 6, applied: 1, rejected: 0, duplicates: 0 });
      expect(rowById(m.snapshot(), 'people', report.personId)).toMatchObject({ trainingCompletedOn: '2026-11-03' });
      await expectProcessed('the refused changes', m.clientId(), { last: 6, applied: [2, 4, 6], rejected: [1, 3, 5] });
    });

    it('a line manager’s desktop only ever receives their reports’ records, also after a report moves to another manager or returns an asset', async () => {
      const [m1, m2] = await world.addPeople([
        { name: 'Maya Okafor', roles: ['line_manager'] },
        { name: 'Noah Berg', roles: ['line_manager'] },
      ]);
      if (!m1 || !m2) throw new Error('people not made');
      const [r1, r2, r3] = await world.addPeople([
        { name: 'Rosa Lind', lineManagerId: m1.personId, account: false },
        { name: 'Sam Cole', lineManagerId: m1.personId, account: false },
        { name: 'Tom Reyes', lineManagerId: m2.personId, account: false },
      ]);
      if (!r1 || !r2 || !r3) throw new Error('people not made');
      // Gita reports to Sam: a line manager sees the whole chain below them.
      const [gita] = await world.addPeople([{ name: 'Gita Rao', lineManagerId: r2.personId, account: false }]);
      if (!gita) throw new Error('people not made');

      const d = await world.desktopFor(world.deskA, { instance: 0 });
      const [a1, a2, a3, a4, a5] = [1, 2, 3, 4, 5].map(() => assetArgs(tag('LT-S')));
      if (!a1 || !a2 || !a3 || !a4 || !a5) throw new Error('assets not made');
      for (const asset of [a1, a2, a3, a4, a5]) await d.call('asset.create', asset);
      for (const [asset, holder] of [
        [a1, r1],
        [a2, r2],
        [a3, gita],
        [a4, r3],
      ] as const)
        await d.call('asset.issue', issueArgs(asset.id, holder.personId));
      await d.call('person.acknowledgeAup', { personId: r2.personId, policyVersion: CURRENT_AUP_VERSION, confirmed: true });
      expect(await d.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });

      /** The manager's store holds exactly their scope of the server's rows, and no pull since `from` sent a row outside it. */
      async function expectScoped(desktop: Desktop, managerId: string, from: number): Promise<Snapshot> {
        const everything = await serverView(world.central.url(0), d.token() ?? '');
        const scope = lineScope(managerId, everything.people);
        const rows = desktop.snapshot();
        expectSameRows(rows, within(everything, scope), desktop.name);
        const pulls = desktop.net.pulls().slice(from);
        expect(pulls.length).toBeGreaterThan(0);
        for (const pull of pulls) {
          for (const { table, row } of putsOf(pullOf(pull)?.patch ?? [])) {
            expect(scope.has(subjectOf(table, row) ?? 'nobody'), `${desktop.name} was sent ${table} ${JSON.stringify(row)}`).toBe(true);
          }
        }
        return rows;
      }

      const one = await world.desktopFor(m1, { name: 'Maya’s desktop', instance: 1 });
      const two = await world.desktopFor(m2, { name: 'Noah’s desktop', instance: 0 });
      let rows = await expectScoped(one, m1.personId, 0);
      expect(idsOf(rows.people)).toEqual([m1.personId, r1.personId, r2.personId, gita.personId].sort());
      expect(idsOf(rows.assets)).toEqual([a1.id, a2.id, a3.id].sort());
      expect(rows.asset_events.every((event) => event.event === 'issue')).toBe(true);
      rows = await expectScoped(two, m2.personId, 0);
      expect(idsOf(rows.people)).toEqual([m2.personId, r3.personId].sort());
      expect(idsOf(rows.assets)).toEqual([a4.id]);

      // The administrator moves Sam (and with him Gita) to Noah.
      await world.admin.call('person.changeLineManager', { personId: r2.personId, lineManagerId: m2.personId });
      expect(await world.admin.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });

      let from = one.net.pulls().length;
      expect(await one.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
      expect(pullOf(one.net.pulls()[from] ?? expect.fail('no pull'))?.reset).toBe(true);
      rows = await expectScoped(one, m1.personId, from);
      expect(idsOf(rows.people)).toEqual([m1.personId, r1.personId].sort());
      expect(idsOf(rows.assets)).toEqual([a1.id]);
      const stored = JSON.stringify(rows);
      for (const gone of [r2.personId, gita.personId, a2.id, a3.id]) expect(stored).not.toContain(gone);

      from = two.net.pulls().length;
      expect(await two.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
      expect(pullOf(two.net.pulls()[from] ?? expect.fail('no pull'))?.reset).toBe(true);
      rows = await expectScoped(two, m2.personId, from);
      expect(idsOf(rows.people)).toEqual([m2.personId, r2.personId, r3.personId, gita.personId].sort());
      expect(idsOf(rows.assets)).toEqual([a2.id, a3.id, a4.id].sort());
      expect(rows.aup_acknowledgements.map((ack) => ack.personId)).toContain(r2.personId);

      // Rosa hands her laptop back at the desk: it leaves her manager's desktop, its history about her stays.
      await d.call('asset.return', { assetId: a1.id, condition: 'Good' });
      expect(await d.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
      from = one.net.pulls().length;
      expect(await one.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
      const returned = pullOf(one.net.pulls()[from] ?? expect.fail('no pull'));
      expect(returned).toMatchObject({ reset: false });
      expect(returned?.patch).toContainEqual({ op: 'del', table: 'assets', id: a1.id });
      rows = await expectScoped(one, m1.personId, from);
      expect(rows.assets).toEqual([]);
      expect(rows.asset_events.filter((event) => event.assetId === a1.id).map((event) => event.event).sort()).toEqual(['issue', 'return']);
    });

    it('a change on one desktop reaches another through a poke, without anyone pressing “Sync now”', async () => {
      const { deskA, deskB } = world;
      const a = world.newDesktop('desktop A (listening)', 0);
      a.net.allowPokes = true;
      const listening = a.net.pokeStreamOpen();
      await a.signIn(deskA);
      expect(await a.syncNow()).toMatchObject({ state: 'synced', pending: 0 });
      await listening;

      const b = await world.desktopFor(deskB, { instance: 1 });
      const laptop = assetArgs(tag('LT-P'));
      const arrived = a.net.next((exchange) => (pullOf(exchange)?.patch ?? []).some((op) => op.op === 'put' && op.table === 'assets' && op.row.id === laptop.id));
      await b.call('asset.create', laptop);
      expect(await b.syncNow()).toMatchObject({ state: 'synced', pending: 0 });
      // The poke starts a pull after a random pause of under 250 ms (its timer is held: the test lets it run).
      await a.timers.fireNext((ms) => ms < 250);
      await arrived;
      await a.settled();
      expect(rowById(a.snapshot(), 'assets', laptop.id)).toMatchObject({ assetTag: laptop.assetTag, status: 'in_stock' });
    });

    describe('a sign-in that ends: the desktop is signed out and keeps every unsent change', () => {
      async function signedOutKeepsChanges(
        what: string,
        desk: Person,
        end: (desktop: Desktop, personId: string) => Promise<void>,
        message: (pending: number) => string,
      ) {
        const k = await world.desktopFor(desk, { instance: 1 });
        const first = assetArgs(tag('LT-K'));
        await k.call('asset.create', first);
        await end(k, desk.personId);

        expect(await k.syncNow()).toMatchObject({ state: 'signed_out', reason: 'session_ended', pending: 1, message: message(1) });
        expect(k.token()).toBeNull();
        expect(k.outbox().map((entry) => entry.name)).toEqual(['asset.create']);
        // Work goes on locally meanwhile, and "Sync now" asks for a sign-in rather than losing anything.
        const second = assetArgs(tag('LT-K'));
        await k.call('asset.create', second);
        expect(await k.attempt('sync.now')).toMatchObject({ ok: true, value: { state: 'signed_out' } });
        await k.settled();
        expect(k.status()).toMatchObject({ state: 'signed_out', pending: 2 });
        expect(idsOf(k.snapshot().assets.filter((asset) => [first.id, second.id].includes(String(asset.id))))).toEqual([first.id, second.id].sort());

        // Signing in again as the same account keeps the store and sends what waited.
        expect(await k.signIn(desk)).toMatchObject({ clearedLocalData: false, recoveryFile: null });
        expect(await k.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
        const server = await serverView(world.central.url(0), k.token() ?? '');
        expect(rowById(server, 'assets', first.id)).toMatchObject({ status: 'in_stock' });
        expect(rowById(server, 'assets', second.id)).toMatchObject({ status: 'in_stock' });
        expectSameRows(k.snapshot(), server, 'the desktop’s store');
        await expectProcessed(`the changes kept while signed out (${what})`, k.clientId(), { last: 2, applied: [1, 2], rejected: [] });
      }

      it('when the session is revoked (signed out elsewhere)', async () => {
        await signedOutKeepsChanges(
          'session revoked',
          world.deskA,
          async (desktop) => {
            const told = await request(other(1), 'POST', '/api/v1/auth/sign-out', { token: desktop.token() ?? '' });
            expect(told.status).toBe(200);
          },
          (n) => `Your session has ended. Sign in again. ${waiting(n)} and will be sent after you sign in.`,
        );
      });

      it('when the session has expired', async () => {
        await signedOutKeepsChanges(
          'session expired',
          world.deskB,
          async (desktop) => {
            const token = desktop.token() ?? '';
            await world.central.withDatabase(async (db) => {
              const { rowCount } = await db.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, [hashToken(token)]);
              expect(rowCount).toBe(1);
            });
          },
          (n) => `Your session has expired. Sign in again. ${waiting(n)} and will be sent after you sign in.`,
        );
      });

      it('when the account is disabled: its unsent change goes to a recovery file, its records leave the desktop, and it says why', async () => {
        const [kit] = await world.addPeople([{ name: 'Kit Moreno', roles: ['it_service_desk'] }]);
        if (!kit) throw new Error('people not made');
        const k = await world.desktopFor(kit, { instance: 1 });
        const laptop = assetArgs(tag('LT-K'));
        await k.call('asset.create', laptop);
        const firstClient = k.clientId();
        const disabled = await request(world.central.url(0), 'POST', `/api/v1/admin/accounts/${kit.personId}/disable`, { token: world.central.adminToken });
        expect(disabled).toMatchObject({ status: 200, json: { value: { sessionsRevoked: 1 } } });

        const status = await k.syncNow();
        expect(status).toMatchObject({ state: 'signed_out', reason: 'account_disabled', pending: 0, account: null });
        expect(k.net.pushes().at(-1)).toMatchObject({ status: 401, error: { code: 'account_disabled' } });
        expect(status.message).toMatch(
          /^This account has been disabled\. Contact an administrator if you think this is wrong\. This account’s records were removed from this computer, and the change that had not been sent was saved to \S+\.json\.$/,
        );
        const file = /saved to (\S+\.json)\.$/.exec(status.message ?? '')?.[1] ?? expect.fail('no recovery file named');
        expect(file.startsWith(join(k.dataDir, 'recovery'))).toBe(true);
        expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
          kind: 'custodian-unsent-changes',
          reason: 'account_disabled',
          clientId: firstClient,
          account: { email: kit.email },
          outbox: { mutations: [{ id: 1, name: 'asset.create', args: { assetTag: laptop.assetTag } }] },
        });
        expect(k.outbox()).toEqual([]);
        expect(k.snapshot()).toEqual(emptySnapshot());
        expect(k.token()).toBeNull();
        expect(k.clientId()).not.toBe(firstClient);
        expect(await k.attempt('sync.now')).toMatchObject({ ok: false, error: { code: 'conflict' } });

        // Signing in is refused while it is disabled (saying nothing more to whoever types the password); enabled
        // again, the account starts afresh on this computer, and the exported change was never sent.
        const refused = await k.attempt('sync.signIn', { serverUrl: k.serverUrl, email: kit.email, password: PASSWORD });
        expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
        const enabled = await request(world.central.url(0), 'POST', `/api/v1/admin/accounts/${kit.personId}/enable`, { token: world.central.adminToken });
        expect(enabled.status).toBe(200);
        expect(await k.signIn(kit)).toMatchObject({ clearedLocalData: false, recoveryFile: null });
        expect(await k.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
        const server = await serverView(world.central.url(0), k.token() ?? '');
        expect(rowById(server, 'assets', laptop.id)).toBeUndefined();
        expectSameRows(k.snapshot(), server, 'the desktop’s store');
      });
    });

    it('refused pushes (another schema version, a forged client id, a malformed body) apply nothing and keep the outbox; a gap is closed at once; each change applies once', async () => {
      const elsewhere = await world.desktopFor(world.deskB, { instance: 0 });
      const k = await world.desktopFor(world.deskA, { instance: 1 });
      const laptops = [assetArgs(tag('LT-R')), assetArgs(tag('LT-R'))];
      for (const laptop of laptops) await k.call('asset.create', laptop);

      const refusals: [string, (body: Record<string, unknown>) => Record<string, unknown>, string, number, RegExp][] = [
        ['forged client id', (body) => ({ ...body, clientId: elsewhere.clientId() }), 'client_mismatch', 403, /sync identity bound to another account.*will not be sent as you/],
        ['malformed', (body) => ({ ...body, mutations: [{ id: 'one', name: 'asset.create' }] }), 'invalid_input', 400, /./],
      ];
      for (const [what, edit, code, status, message] of refusals) {
        k.net.inject({ kind: 'tamper', path: 'push', edit });
        const after = await k.syncNow();
        expect(after, what).toMatchObject({ state: 'error', pending: 2 });
        expect(after.message, what).toMatch(message);
        expect(k.net.pushes().at(-1), what).toMatchObject({ status, error: { code } });
        expect(k.outbox().map((entry) => entry.id), what).toEqual([1, 2]);
      }
      // The forged id was refused, never adopted: the desktop still pushes as itself.
      expect(k.clientId()).not.toBe(elsewhere.clientId());

      // A gap: the server says how far it has got, and the desktop pushes again from there in the same sync.
      k.net.inject({ kind: 'tamper', path: 'push', edit: (body) => ({ ...body, mutations: (body.mutations as unknown[]).slice(1) }) });
      const sent = k.net.pushes().length;
      expect(await k.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
      const [gapped, resumed] = k.net.pushes().slice(sent);
      expect(gapped).toMatchObject({ status: 409, error: { code: 'mutation_gap' } });
      expect(pushOf(resumed ?? expect.fail('not pushed again')).request.mutations.map((mutation) => mutation.id)).toEqual([1, 2]);
      expect(pushOf(resumed ?? expect.fail('not pushed again')).reply).toEqual({ lastMutationId: 2, applied: 2, rejected: 0, duplicates: 0 });

      // A protocol this server does not speak: syncing stops until the app is updated (here: restarted), changes kept.
      const later = [assetArgs(tag('LT-R')), assetArgs(tag('LT-R'))];
      for (const laptop of later) await k.call('asset.create', laptop);
      k.net.inject({ kind: 'tamper', path: 'push', edit: (body) => ({ ...body, schemaVersion: SYNC_SCHEMA_VERSION + 1 }) });
      expect(await k.syncNow()).toMatchObject({ state: 'update_required', pending: 2 });
      expect(k.net.pushes().at(-1)).toMatchObject({ status: 409, error: { code: 'schema_version' } });
      const exchanged = k.net.exchanges.length;
      expect(await k.syncNow()).toMatchObject({ state: 'update_required', pending: 2 });
      expect(k.net.exchanges).toHaveLength(exchanged);
      const server = await serverView(world.central.url(0), k.token() ?? '');
      for (const laptop of later) expect(rowById(server, 'assets', laptop.id)).toBeUndefined();

      await k.restart({ untilSyncing: true });
      expect(await k.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
      await expectProcessed('the changes sent after refused pushes', k.clientId(), { last: 4, applied: [1, 2, 3, 4], rejected: [] });
      expectSameRows(k.snapshot(), await serverView(world.central.url(1), k.token() ?? ''), 'the desktop’s store');
    });

    // Two small races in the desktop's engine (src-main/sync/engine, src-main/sync/sync-service.ts), found by this suite and fixed.
    it('“Sync now” while signed out answers the count of waiting changes including one just made', async () => {
      const k = await world.desktopFor(world.deskA, { instance: 0 });
      expect((await request(world.central.url(0), 'POST', '/api/v1/auth/sign-out', { token: k.token() ?? '' })).status).toBe(200);
      await k.call('asset.create', assetArgs(tag('LT-T')));
      expect(await k.syncNow()).toMatchObject({ state: 'signed_out', pending: 1 });
      await k.call('asset.create', assetArgs(tag('LT-T')));
      expect(await k.syncNow()).toMatchObject({ state: 'signed_out', pending: 2 });
    });

    it('“Sync now” at once after the app starts syncs the saved account', async () => {
      const k = await world.desktopFor(world.deskA, { instance: 0 });
      await k.call('asset.create', assetArgs(tag('LT-T')));
      await k.restart();
      expect(await k.syncNow()).toMatchObject({ state: 'synced', pending: 0 });
    });

    it('afterwards, the audit log is intact and every change any desktop sent was applied once or rejected once, never both', async () => {
      await world.central.withDatabase(async (db) => {
        expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
        const processed = await processedByClient(db);
        for (const { what, clientId, expected } of deferred) expect(processed.get(clientId), what).toEqual(expected);
        const pushed = [...processed].filter(([, client]) => client.last > 0);
        expect(pushed.length).toBeGreaterThan(10);
        for (const [clientId, client] of pushed) {
          const all = [...client.applied, ...client.rejected].sort((x, y) => x - y);
          expect(all, `client ${clientId}`).toEqual(Array.from({ length: client.last }, (_, i) => i + 1));
        }
      });
    });
  });
}
