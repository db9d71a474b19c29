import { describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../../../src-shared/api/incident-queries';
import { newId } from '../../../../src-shared/ids';
import { daysBeforeDesktopDay, type Desktop, type Snapshot } from './desktop';
import { assetArgs, expectSameRows, issueArgs, serverView, within, type World } from './world';

interface Processed {
  readonly last: number;
  readonly applied: number[];
  readonly rejected: number[];
}

/** What the issue-6 case needs from the suite it runs in. */
export interface SuiteContext {
  readonly world: () => World;
  readonly tag: (prefix: string) => string;
  readonly expectProcessed: (what: string, clientId: string, expected: Processed) => Promise<void>;
}

function rowsOf(snapshot: Snapshot, table: keyof Snapshot, field: string, value: string): Readonly<Record<string, unknown>>[] {
  return snapshot[table].filter((row) => row[field] === value);
}

function reportArgs(assetId: string, extra: Record<string, unknown>): Record<string, unknown> & { id: string } {
  return {
    id: newId(),
    assetId,
    occurredOn: daysBeforeDesktopDay(1),
    location: 'Leeds station',
    circumstances: 'Not seen since the 17:05 to York',
    deviceUnlocked: 'not_sure',
    ...extra,
  };
}

async function incidentOf(desktop: Desktop, reportId: string): Promise<IncidentDetail['incident']> {
  return (await desktop.call<IncidentDetail>('incident.get', { reportId })).incident;
}

/**
 * Issue 6's "Must show" for sync: the holder and the IT service desk both report the same phone while offline, each
 * desktop opening its own incident with its own reference; whichever reaches the server first opens the one incident,
 * and the server re-runs the other report against it, so it joins as a second report. Every store ends the same.
 */
export function defineLossReportCases(ctx: SuiteContext): void {
  describe.each(['holder', 'desk'] as const)('two desktops report the same phone while offline (the %s syncs first)', (first) => {
    it('ends with one security incident, the second report attached to it and one suspension request, on every store', async () => {
      const world = ctx.world();
      const [manager] = await world.addPeople([{ name: 'Mo Khan', roles: ['line_manager'], account: false }]);
      if (!manager) throw new Error('people not made');
      const [ines] = await world.addPeople([{ name: 'Ines Duarte', lineManagerId: manager.personId, trainingCompletedOn: daysBeforeDesktopDay(10) }]);
      if (!ines) throw new Error('people not made');
      const desk = await world.desktopFor(world.deskB, { instance: 1 });
      const phone = assetArgs(ctx.tag('PH-R'), { type: 'smartphone', model: 'Google Pixel 8' });
      await desk.call('asset.create', phone);
      await desk.call('asset.issue', issueArgs(phone.id, ines.personId));
      expect(await desk.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0 });
      const holder = await world.desktopFor(ines, { instance: 0 });
      expect(rowsOf(holder.snapshot(), 'assets', 'id', phone.id)).toEqual([expect.objectContaining({ status: 'issued', holderId: ines.personId })]);

      // Offline, each desktop reports the phone and opens an incident of its own, with a reference of its own.
      holder.net.online = false;
      desk.net.online = false;
      const lost = reportArgs(phone.id, { kind: 'lost' });
      const stolen = reportArgs(phone.id, { kind: 'stolen', policeReference: 'CRI/4471/26', deviceUnlocked: 'no' });
      await holder.call('asset.reportLoss', lost);
      await desk.call('asset.reportLoss', stolen);
      const holderIncident = await incidentOf(holder, lost.id);
      const deskIncident = await incidentOf(desk, stolen.id);
      expect(holderIncident.reference).not.toBe(deskIncident.reference);
      expect(await holder.syncNow()).toMatchObject({ state: 'offline', pending: 1 });

      holder.net.online = true;
      desk.net.online = true;
      const order = first === 'holder' ? [holder, desk, holder] : [desk, holder, desk];
      for (const desktop of order) expect(await desktop.syncNow()).toMatchObject({ state: 'synced', pending: 0, rejected: 0, message: null });

      // One incident: the first to reach the server's, with the reference its desktop showed; both reports in it.
      const server = await serverView(world.central.url(0), desk.token() ?? '');
      const incidents = rowsOf(server, 'security_incidents', 'assetId', phone.id);
      expect(incidents).toHaveLength(1);
      const opener = first === 'holder' ? holderIncident : deskIncident;
      const incident = incidents[0] ?? expect.fail('no incident');
      expect(incident).toMatchObject({
        id: opener.id,
        reference: opener.reference,
        status: 'open',
        kind: first === 'holder' ? 'lost' : 'stolen',
        personId: ines.personId,
        lineManagerId: manager.personId,
        openedBy: first === 'holder' ? ines.personId : world.deskB.personId,
      });
      const reports = rowsOf(server, 'loss_reports', 'assetId', phone.id);
      expect(reports.map((report) => [report.id, report.incidentId, report.reportedBy]).sort()).toEqual(
        [
          [lost.id, incident.id, ines.personId],
          [stolen.id, incident.id, world.deskB.personId],
        ].sort(),
      );
      expect(rowsOf(server, 'phone_suspensions', 'incidentId', String(incident.id))).toEqual([expect.objectContaining({ status: 'requested' })]);
      expect(rowsOf(server, 'incident_events', 'incidentId', String(incident.id)).map((event) => event.event).sort()).toEqual([
        'reportAttached',
        'reported',
        'suspensionRequested',
      ]);
      expect(rowsOf(server, 'assets', 'id', phone.id)).toEqual([expect.objectContaining({ status: incident.kind, holderId: null })]);
      expect(rowsOf(server, 'asset_events', 'assetId', phone.id).map((event) => event.event)).toEqual(
        expect.arrayContaining(['create', 'issue', first === 'holder' ? 'markLost' : 'markStolen']),
      );
      expect(rowsOf(server, 'asset_events', 'assetId', phone.id)).toHaveLength(3);

      // Every store holds exactly the server's rows it may see; each desktop finds its own report in the one incident.
      expectSameRows(desk.snapshot(), server, 'the desk’s store');
      expectSameRows(holder.snapshot(), within(server, new Set([ines.personId])), 'the holder’s store');
      expect((await incidentOf(desk, stolen.id)).reference).toBe(opener.reference);
      expect((await incidentOf(holder, lost.id)).reference).toBe(opener.reference);
      await ctx.expectProcessed('the holder’s report', holder.clientId(), { last: 1, applied: [1], rejected: [] });
      await ctx.expectProcessed('the desk’s phone and report', desk.clientId(), { last: 3, applied: [1, 2, 3], rejected: [] });
    });
  });
}
