import { describe, expect, it } from 'vitest';
import type { AssetDetail } from '../../../src-shared/api/asset-queries';
import type { IncidentList } from '../../../src-shared/api/incident-queries';
import { INCIDENT_REFERENCE } from '../../../src-shared/domain/incident-reference';
import { value } from '../../support/result';
import { addPerson, desk, incidentCounts, incidentOfReport, issuedAsset, report } from './support';

async function team() {
  const d = desk();
  const manager = await addPerson(d, 'Bo Boss', { roles: ['staff', 'line_manager'] });
  const ada = await addPerson(d, 'Ada Lovelace', { lineManagerId: manager });
  const grace = await addPerson(d, 'Grace Hopper', { lineManagerId: manager });
  const deskOfficer = await addPerson(d, 'Dee Desk', { roles: ['staff', 'it_service_desk'] });
  return { d, manager, ada, grace, deskOfficer };
}

describe('asset.reportLoss: one report does what AUP 8.2 asks', () => {
  it('moves a phone to stolen, opens an incident with a reference, queues it for the line manager and requests a suspension', async () => {
    const { d, manager, ada } = await team();
    const phone = await issuedAsset(d, ada);
    d.actAs(ada);
    const r = report(phone.id, { kind: 'stolen', policeReference: 'CRI/12345/26', deviceUnlocked: 'yes' });
    value(await d.dispatch('asset.reportLoss', r));

    const detail = await incidentOfReport(d, r.id);
    expect(detail.incident).toMatchObject({ status: 'open', kind: 'stolen', personId: ada, lineManagerId: manager, openedBy: ada, assetTag: phone.tag });
    expect(detail.incident.reference).toMatch(INCIDENT_REFERENCE);
    expect(detail.incident.reference.startsWith('SEC-2026-')).toBe(true);
    expect(detail.asset).toMatchObject({ status: 'stolen', holderId: null });
    expect(detail.reports).toHaveLength(1);
    expect(detail.reports[0]).toMatchObject({ policeReference: 'CRI/12345/26', deviceUnlocked: 'yes', reportedBy: ada, reporterName: 'Ada Lovelace' });
    expect(detail.suspension).toMatchObject({ status: 'requested', requestedBy: ada, personId: ada });
    expect(detail.suspensionSteps).toEqual(['suspend', 'requestWipe']);
    expect(detail.timeline.map((e) => e.event)).toEqual(['suspensionRequested', 'reported']);

    const queue = value<IncidentList>(await d.dispatch('incident.list', { lineManagerId: manager }));
    expect(queue.items.map((i) => i.reference)).toEqual([detail.incident.reference]);
    const history = value<AssetDetail>(await d.dispatch('asset.get', { id: phone.id })).history;
    expect(history[0]).toMatchObject({ event: 'markStolen', personId: ada, note: `Reported stolen: security incident ${detail.incident.reference}` });
  });

  it('requests no suspension for equipment that is not a phone', async () => {
    const { d, ada } = await team();
    const laptop = await issuedAsset(d, ada, 'laptop');
    const r = report(laptop.id, { kind: 'damaged' });
    value(await d.dispatch('asset.reportLoss', r));
    const detail = await incidentOfReport(d, r.id);
    expect(detail.asset?.status).toBe('damaged');
    expect(detail.suspension).toBeNull();
    expect(detail.timeline.map((e) => e.event)).toEqual(['reported']);
  });

  it('attaches a second report of the same asset to the open incident instead of opening another', async () => {
    const { d, ada, manager } = await team();
    const phone = await issuedAsset(d, ada);
    const first = report(phone.id);
    value(await d.dispatch('asset.reportLoss', first));
    d.actAs(manager);
    const second = report(phone.id, { kind: 'stolen', policeNotReportedReason: 'Reporting it at the station tomorrow', circumstances: 'Probably taken from her bag' });
    value(await d.dispatch('asset.reportLoss', second));

    const detail = await incidentOfReport(d, second.id);
    expect(detail.incident.id).toBe((await incidentOfReport(d, first.id)).incident.id);
    expect(detail.incident.kind).toBe('lost');
    expect(detail.reports.map((r) => r.id)).toEqual([first.id, second.id]);
    expect(detail.timeline[0]).toMatchObject({ event: 'reportAttached', note: 'Reported as stolen', actorId: manager });
    expect(incidentCounts(d.store)).toMatchObject({ security_incidents: 1, loss_reports: 2, phone_suspensions: 1 });
    expect(detail.asset?.status).toBe('lost');
  });

  it('lets the holder, their line manager and the IT service desk report, and refuses a member of staff someone else’s equipment', async () => {
    const { d, ada, grace, manager, deskOfficer } = await team();
    const adas = await issuedAsset(d, ada, 'laptop');
    const graces = await issuedAsset(d, grace, 'laptop');
    const more = await issuedAsset(d, grace, 'laptop');
    const before = incidentCounts(d.store);
    d.actAs(ada);
    const refused = await d.dispatch('asset.reportLoss', report(graces.id));
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', fields: { assetId: `You can report only equipment you hold: ${graces.tag} is not issued to you` } } });
    expect(incidentCounts(d.store)).toEqual(before);

    value(await d.dispatch('asset.reportLoss', report(adas.id)));
    d.actAs(manager);
    value(await d.dispatch('asset.reportLoss', report(graces.id)));
    d.actAs(deskOfficer);
    value(await d.dispatch('asset.reportLoss', report(more.id, { kind: 'damaged' })));
    expect(incidentCounts(d.store).security_incidents).toBe(3);
  });

  it('refuses bad input with a clear error on the field, writing nothing', async () => {
    const { d, ada } = await team();
    const phone = await issuedAsset(d, ada);
    const before = incidentCounts(d.store);

    const future = await d.dispatch('asset.reportLoss', report(phone.id, { occurredOn: '2026-11-24' }));
    expect(future).toMatchObject({ ok: false, error: { fields: { occurredOn: 'The date it happened cannot be in the future' } } });
    const notADate = await d.dispatch('asset.reportLoss', report(phone.id, { occurredOn: '2026-02-30' }));
    expect(notADate).toMatchObject({ ok: false, error: { fields: { occurredOn: 'The date it happened must be a real date' } } });
    const theft = await d.dispatch('asset.reportLoss', report(phone.id, { kind: 'stolen' }));
    expect(theft).toMatchObject({
      ok: false,
      error: { fields: { policeReference: 'Enter the police crime reference number, or say why the theft has not been reported to the police yet' } },
    });
    const blank = await d.dispatch('asset.reportLoss', report(phone.id, { location: '  ', circumstances: '', deviceUnlocked: 'maybe' }));
    expect(blank).toMatchObject({
      ok: false,
      error: {
        fields: {
          location: 'Enter the place where it happened',
          circumstances: 'Enter the circumstances',
          deviceUnlocked: 'Select whether the device was left logged in or unlocked',
        },
      },
    });
    expect(incidentCounts(d.store)).toEqual(before);
  });

  it('refuses to report a retired asset, naming its state, who set it and when', async () => {
    const { d } = await team();
    const assetId = '01900000-0000-7000-8000-000000000001';
    value(await d.dispatch('asset.create', { id: assetId, assetTag: 'LT-9000', serialNumber: 'OLD1', type: 'laptop', model: 'Old' }));
    value(await d.dispatch('asset.retire', { assetId, note: 'End of life' }));
    const before = incidentCounts(d.store);
    const refused = await d.dispatch('asset.reportLoss', report(assetId));
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Cannot mark as lost LT-9000: it is retired, which is final (set on this desktop on 23 Nov 2026 at 09:30)' } });
    expect(incidentCounts(d.store)).toEqual(before);
  });

  it('gives each incident its own reference, from the installation and the mutation', async () => {
    const { d, ada } = await team();
    const references = new Set<string>();
    for (let i = 0; i < 5; i += 1) {
      const r = report((await issuedAsset(d, ada, 'laptop')).id);
      value(await d.dispatch('asset.reportLoss', r));
      references.add((await incidentOfReport(d, r.id)).incident.reference);
    }
    expect(references.size).toBe(5);
    const codes = new Set([...references].map((reference) => reference.split('-')[2]));
    expect(codes.size).toBe(1);
  });
});

describe('a phone suspension worked through the queue', () => {
  it('steps requested → suspended → reinstated, stamping who and when, and refuses a step out of order', async () => {
    const { d, ada, deskOfficer } = await team();
    const phone = await issuedAsset(d, ada);
    const r = report(phone.id);
    value(await d.dispatch('asset.reportLoss', r));
    const incidentId = (await incidentOfReport(d, r.id)).incident.id;
    d.actAs(deskOfficer);
    d.time.advanceHours(2);

    const early = await d.dispatch('suspension.reinstate', { incidentId, note: null });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: `Cannot reinstate ${phone.tag}: its suspension is at “suspension requested” (set on this desktop on 23 Nov 2026 at 09:30)` },
    });
    const missing = await d.dispatch('suspension.suspend', { incidentId, carrierReference: ' ' });
    expect(missing).toMatchObject({ ok: false, error: { fields: { carrierReference: 'Enter the carrier’s reference' } } });

    value(await d.dispatch('suspension.suspend', { incidentId, carrierReference: 'VOD-778812' }));
    let detail = await incidentOfReport(d, r.id);
    expect(detail.suspension).toMatchObject({ status: 'suspended', carrierReference: 'VOD-778812', suspendedBy: deskOfficer, suspendedAt: '2026-11-23T11:30:00.000Z' });
    expect(detail.suspensionSteps).toEqual(['requestWipe', 'reinstate']);
    expect(detail.timeline[0]).toMatchObject({ event: 'suspend', note: 'Carrier reference VOD-778812', actorName: 'Dee Desk' });

    const again = await d.dispatch('suspension.suspend', { incidentId, carrierReference: 'VOD-1' });
    expect(!again.ok && again.error.message).toBe(`Cannot record the suspension of ${phone.tag}: its suspension is at “suspended” (set by Dee Desk on 23 Nov 2026 at 11:30)`);

    value(await d.dispatch('suspension.requestWipe', { incidentId, note: 'Left unlocked' }));
    value(await d.dispatch('suspension.confirmWipe', { incidentId, note: null }));
    value(await d.dispatch('suspension.reinstate', { incidentId, note: 'Found at lost property' }));
    detail = await incidentOfReport(d, r.id);
    expect(detail.suspension).toMatchObject({ status: 'reinstated', wipeRequestedBy: deskOfficer, wipeConfirmedBy: deskOfficer, reinstatedBy: deskOfficer });
    expect(detail.suspensionSteps).toEqual([]);
    expect(detail.timeline.map((e) => e.event).slice(0, 4)).toEqual(['reinstate', 'confirmWipe', 'requestWipe', 'suspend']);
  });

  it('highlights a phone reported over 24 hours ago that is still not suspended, and lists the queue oldest first', async () => {
    const { d, ada, grace } = await team();
    const first = report((await issuedAsset(d, ada)).id);
    value(await d.dispatch('asset.reportLoss', first));
    d.time.advanceHours(20);
    const second = report((await issuedAsset(d, grace)).id);
    value(await d.dispatch('asset.reportLoss', second));
    d.time.advanceHours(5);

    const open = value<IncidentList>(await d.dispatch('incident.list', {}));
    expect(open.items.map((i) => [i.ageHours, i.suspensionOverdue])).toEqual([
      [25, true],
      [5, false],
    ]);
    const incidentId = (await incidentOfReport(d, first.id)).incident.id;
    value(await d.dispatch('suspension.suspend', { incidentId, carrierReference: 'EE-1' }));
    expect(value<IncidentList>(await d.dispatch('incident.list', {})).items[0]?.suspensionOverdue).toBe(false);

    const queue = value<{ items: { reference: string; status: string }[] }>(await d.dispatch('suspension.queue', {}));
    expect(queue.items.map((i) => i.status)).toEqual(['requested', 'suspended']);
  });
});

describe('incident.close with an outcome', () => {
  async function reported(kind = 'lost') {
    const t = await team();
    const phone = await issuedAsset(t.d, t.ada);
    const r = report(phone.id, { kind, occurredOn: '2026-11-20', ...(kind === 'stolen' ? { policeReference: 'CRI/1' } : {}) });
    value(await t.d.dispatch('asset.reportLoss', r));
    const incidentId = (await incidentOfReport(t.d, r.id)).incident.id;
    return { ...t, phone, r, incidentId };
  }

  it('recovered: the asset goes back into stock (or to repair); dates before the loss or in the future are refused', async () => {
    const { d, phone, r, incidentId } = await reported();
    const before = incidentCounts(d.store);
    const early = await d.dispatch('incident.close', { incidentId, outcome: 'recovered', recoveredOn: '2026-11-19', recoveredTo: 'in_stock', costRecovery: 'no' });
    expect(early).toMatchObject({ ok: false, error: { fields: { recoveredOn: 'The date it was recovered cannot be before the date it was reported lost (2026-11-20)' } } });
    const future = await d.dispatch('incident.close', { incidentId, outcome: 'recovered', recoveredOn: '2026-12-01', recoveredTo: 'in_stock', costRecovery: 'no' });
    expect(future).toMatchObject({ ok: false, error: { fields: { recoveredOn: 'The date it was recovered cannot be in the future' } } });
    const nothing = await d.dispatch('incident.close', { incidentId });
    expect(!nothing.ok && nothing.error.fields).toEqual({ outcome: 'Select the outcome', costRecovery: 'Select whether the cost should be recovered from the holder' });
    const incomplete = await d.dispatch('incident.close', { incidentId, outcome: 'recovered', costRecovery: 'no', replacementAssetTag: 'PH-1' });
    expect(!incomplete.ok && incomplete.error.fields).toEqual({
      recoveredOn: 'Enter the date it was recovered',
      recoveredTo: 'Select where the recovered equipment goes',
      replacementAssetTag: 'Leave this out: the outcome is recovered',
    });
    expect(incidentCounts(d.store)).toEqual(before);

    value(await d.dispatch('incident.close', { incidentId, outcome: 'recovered', recoveredOn: '2026-11-21', recoveredTo: 'in_repair', costRecovery: 'no' }));
    const detail = await incidentOfReport(d, r.id);
    expect(detail.incident).toMatchObject({ status: 'closed', outcome: 'recovered', recoveredTo: 'in_repair', openAssetId: null, costRecovery: 'no' });
    expect(detail.asset?.status).toBe('in_repair');
    expect(detail.timeline[0]?.note).toContain('Recovered on 2026-11-21');
    const twice = await d.dispatch('incident.close', { incidentId, outcome: 'written_off', writeOffValuePence: 100, writeOffReason: 'x', costRecovery: 'no' });
    expect(!twice.ok && twice.error.message).toMatch(/^Security incident SEC-2026-\w{5}-\d{4} is already closed \(on this desktop on 23 Nov 2026 at 09:30\)$/);
    expect(value<AssetDetail>(await d.dispatch('asset.get', { id: phone.id })).history[0]).toMatchObject({ event: 'recoverForRepair' });
  });

  it('replaced: links the new asset and retires the old one; an unknown tag is a field error', async () => {
    const { d, ada, phone, r, incidentId } = await reported('stolen');
    const unknown = await d.dispatch('incident.close', { incidentId, outcome: 'replaced', replacementAssetTag: 'ph-nope', costRecovery: 'yes' });
    expect(unknown).toMatchObject({ ok: false, error: { fields: { replacementAssetTag: 'No asset in the register has the tag PH-NOPE' } } });
    const itself = await d.dispatch('incident.close', { incidentId, outcome: 'replaced', replacementAssetTag: phone.tag, costRecovery: 'yes' });
    expect(itself).toMatchObject({ ok: false, error: { fields: { replacementAssetTag: `${phone.tag} cannot replace itself: enter the tag of the new asset` } } });
    const replacement = await issuedAsset(d, ada);
    value(await d.dispatch('incident.close', { incidentId, outcome: 'replaced', replacementAssetTag: replacement.tag.toLowerCase(), costRecovery: 'yes' }));
    const detail = await incidentOfReport(d, r.id);
    expect(detail.incident).toMatchObject({ outcome: 'replaced', replacementAssetId: replacement.id, replacementAssetTag: replacement.tag, costRecovery: 'yes' });
    expect(detail.asset?.status).toBe('retired');
  });

  it('written off: keeps the value and reason, retires the asset, and the incident leaves the open list', async () => {
    const { d, r, incidentId } = await reported('damaged');
    value(await d.dispatch('incident.close', { incidentId, outcome: 'written_off', writeOffValuePence: 45_000, writeOffReason: 'Beyond economic repair', costRecovery: 'no' }));
    const detail = await incidentOfReport(d, r.id);
    expect(detail.incident).toMatchObject({ outcome: 'written_off', writeOffValuePence: 45_000, writeOffReason: 'Beyond economic repair' });
    expect(detail.timeline[0]?.note).toContain('Written off (£450.00): Beyond economic repair');
    expect(value<IncidentList>(await d.dispatch('incident.list', {})).total).toBe(0);
    expect(value<IncidentList>(await d.dispatch('incident.list', { status: 'closed' })).total).toBe(1);
  });

  it('once closed as recovered into stock, the asset can be issued and reported again, which opens a new incident', async () => {
    const { d, ada, phone, r, incidentId } = await reported();
    value(await d.dispatch('incident.close', { incidentId, outcome: 'recovered', recoveredOn: '2026-11-23', recoveredTo: 'in_stock', costRecovery: 'no' }));
    value(await d.dispatch('asset.issue', { assetId: phone.id, personId: ada, aupVersion: '2024.1', aupConfirmed: true }));
    const again = report(phone.id);
    value(await d.dispatch('asset.reportLoss', again));
    const second = await incidentOfReport(d, again.id);
    expect(second.incident.id).not.toBe(incidentId);
    expect(second.incident.reference).not.toBe((await incidentOfReport(d, r.id)).incident.reference);
    expect(value<IncidentList>(await d.dispatch('incident.list', { status: 'all', assetId: phone.id })).total).toBe(2);
  });
});
