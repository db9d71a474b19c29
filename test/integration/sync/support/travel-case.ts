import { describe, expect, it } from 'vitest';
import type { TripDetail } from '../../../../src-shared/api/travel-queries';
import { newId } from '../../../../src-shared/ids';
import { daysBeforeDesktopDay, type Snapshot } from './desktop';
import { expectSameRows, lineScope, serverView, within } from './world';
import type { SuiteContext } from './loss-report-case';

function tripOf(snapshot: Snapshot, id: string): Readonly<Record<string, unknown>> | undefined {
  return snapshot.trips.find((row) => row.id === id);
}

/**
 * Issue 7's "Must show" for sync: a line manager approves a trip on one offline desktop while the traveller withdraws
 * it on another. The traveller may withdraw until they travel, so both orders end withdrawn on every store: when the
 * approval reaches the server first, the withdrawal follows it (the manager sees both on the timeline); when the
 * withdrawal is first, the approval meets a final status and the server rejects it, and the rejection, naming the
 * status, who set it and when, syncs back to the manager's desktop.
 */
export function defineTravelCases(ctx: SuiteContext): void {
  describe.each(['manager', 'traveller'] as const)('a manager approves while the traveller withdraws, both offline (the %s syncs first)', (first) => {
    it('ends with one final state on every store, and the loser is told', async () => {
      const world = ctx.world();
      const [manager] = await world.addPeople([{ name: 'Lena Ortiz', roles: ['line_manager'] }]);
      if (!manager) throw new Error('people not made');
      const [traveller] = await world.addPeople([{ name: 'Tomas Berg', lineManagerId: manager.personId }]);
      if (!traveller) throw new Error('people not made');

      const t = await world.desktopFor(traveller, { instance: 0 });
      const trip = {
        id: newId(),
        type: 'official',
        legs: [{ country: 'FR', from: daysBeforeDesktopDay(-7), to: daysBeforeDesktopDay(-10) }],
        justification: `Partner meeting ${ctx.tag('TRIP')}`,
      };
      await t.call('travel.request', trip);
      expect(await t.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
      const m = await world.desktopFor(manager, { instance: 1 });
      expect(tripOf(m.snapshot(), trip.id)).toMatchObject({ status: 'submitted', lineManagerId: manager.personId });

      // Offline, the manager approves and the traveller withdraws: each desktop shows its own decision.
      t.net.online = false;
      m.net.online = false;
      await m.call('travel.approveAsManager', { tripId: trip.id, reason: 'Good use of the budget' });
      await t.call('travel.withdraw', { tripId: trip.id, reason: 'Meeting moved online' });
      expect(tripOf(m.snapshot(), trip.id)).toMatchObject({ status: 'approved' });
      expect(tripOf(t.snapshot(), trip.id)).toMatchObject({ status: 'withdrawn' });

      t.net.online = true;
      m.net.online = true;
      if (first === 'manager') {
        expect(await m.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
        expect(await t.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
        expect(await m.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
        expect(await m.rejections()).toEqual([]);
      } else {
        expect(await t.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
        expect(await m.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 1 });
        const rejections = await m.rejections();
        expect(rejections.map(({ name, code }) => ({ name, code }))).toEqual([{ name: 'travel.approveAsManager', code: 'conflict' }]);
        expect(rejections[0]?.message).toMatch(/^Not applied: cannot give line manager approval to the trip to France \(.*\): its status is “Withdrawn”, which is final \(set by Tomas Berg on /);
        expect(await t.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
      }

      // One final state everywhere: withdrawn by the traveller; the approval on record only if it came first.
      const server = await serverView(world.central.url(0), m.token() ?? '');
      expect(tripOf(server, trip.id)).toMatchObject({
        status: 'withdrawn',
        statusSetBy: traveller.personId,
        stopReason: 'Meeting moved online',
        managerApprovedBy: first === 'manager' ? manager.personId : null,
      });
      const events = server.trip_events.filter((row) => row.tripId === trip.id).map((row) => row.event);
      expect(events.sort()).toEqual((first === 'manager' ? ['approveAsManager', 'requested', 'withdraw'] : ['requested', 'withdraw']).sort());
      const detail = await m.call<TripDetail>('trip.get', { tripId: trip.id });
      expect(detail.trip.status).toBe('withdrawn');
      expect(detail.commands).toEqual([]);

      expectSameRows(within(t.snapshot(), new Set([traveller.personId])), within(server, new Set([traveller.personId])), 'the traveller’s store');
      const scope = lineScope(manager.personId, server.people);
      expectSameRows(within(m.snapshot(), scope), within(server, scope), 'the manager’s store');
    });
  });
}
