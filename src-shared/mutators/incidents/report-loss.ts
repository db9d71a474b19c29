import type { AssetRow } from '../../domain/asset';
import { ukDateOf } from '../../domain/calendar-date';
import { incidentIdFor, incidentReference } from '../../domain/incident-reference';
import { assetReportLossArgs, LOSS_COMMANDS, LOSS_KINDS, type AssetReportLossArgs } from '../../domain/loss-report';
import type { SecurityIncidentRow } from '../../domain/security-incident';
import { DomainError } from '../../result';
import { applyAssetCommand, assertCanApply, loadAsset } from '../assets/transition';
import { defineMutator } from '../define';
import type { MutatorTx } from '../tx';
import { appendIncidentEvent, ensureSuspensionRequest } from './incident-records';
import { assertMayReportFor } from './report-reach';

/** The reference for a new incident; in the astronomically rare clash, the next free "-n" (same answer in every store). */
async function freeReference(tx: MutatorTx, args: AssetReportLossArgs): Promise<string> {
  const base = incidentReference(args.occurredOn.slice(0, 4), tx.context.clientId, tx.context.mutationId);
  let reference = base;
  for (let n = 2; await tx.findBy('security_incidents', 'reference', reference); n += 1) reference = `${base}-${String(n)}`;
  return reference;
}

async function insertReport(tx: MutatorTx, args: AssetReportLossArgs, incident: Pick<SecurityIncidentRow, 'id' | 'personId'>): Promise<void> {
  const { now, actorId, clientId } = tx.context;
  await tx.insert('loss_reports', {
    id: args.id,
    incidentId: incident.id,
    assetId: args.assetId,
    personId: incident.personId,
    kind: args.kind,
    occurredOn: args.occurredOn,
    location: args.location,
    circumstances: args.circumstances,
    policeReference: args.policeReference,
    policeNotReportedReason: args.policeNotReportedReason,
    deviceUnlocked: args.deviceUnlocked,
    reportedBy: actorId,
    clientId,
    reportedAt: now,
  });
}

/**
 * The asset already has an open incident (someone else reported it first, perhaps on another desktop while this one
 * was offline): this report joins that incident as a further account of what happened. The asset's status was set
 * by the first report and stays; nothing else is opened.
 */
async function attachToOpenIncident(tx: MutatorTx, incident: SecurityIncidentRow, args: AssetReportLossArgs): Promise<void> {
  await assertMayReportFor(tx, incident.personId, incident.assetTag);
  await insertReport(tx, args, incident);
  const same = args.kind === incident.kind;
  await appendIncidentEvent(tx, incident, 'reportAttached', same ? null : `Reported as ${LOSS_KINDS[args.kind].toLowerCase()}`);
  await ensureSuspensionRequest(tx, incident, incident.assetType);
}

/** First report of the asset: moves it through the lifecycle and opens the incident in the holder's line manager's queue. */
async function openIncident(tx: MutatorTx, asset: AssetRow, args: AssetReportLossArgs): Promise<void> {
  const command = LOSS_COMMANDS[args.kind];
  // The lifecycle first: reporting a retired or returned asset is refused naming its state, who set it and when.
  await assertCanApply(tx, asset, command);
  await assertMayReportFor(tx, asset.holderId, asset.assetTag);
  const holder = asset.holderId === null ? undefined : await tx.get('people', asset.holderId);
  const { now, actorId } = tx.context;
  const incident: SecurityIncidentRow = {
    id: incidentIdFor(args.id),
    reference: await freeReference(tx, args),
    assetId: asset.id,
    assetTag: asset.assetTag,
    assetType: asset.type,
    openAssetId: asset.id,
    personId: asset.holderId,
    lineManagerId: holder?.lineManagerId ?? null,
    kind: args.kind,
    occurredOn: args.occurredOn,
    status: 'open',
    openedAt: now,
    openedBy: actorId,
    outcome: null,
    recoveredOn: null,
    recoveredTo: null,
    replacementAssetId: null,
    writeOffValuePence: null,
    writeOffReason: null,
    costRecovery: null,
    closeNote: null,
    closedAt: null,
    closedBy: null,
    updatedAt: now,
  };
  await tx.insert('security_incidents', incident);
  await insertReport(tx, args, incident);
  await appendIncidentEvent(tx, incident, 'reported', null);
  await applyAssetCommand(tx, asset, command, { note: `Reported ${LOSS_KINDS[args.kind].toLowerCase()}: security incident ${incident.reference}` });
  await ensureSuspensionRequest(tx, incident, asset.type);
}

/**
 * AUP 8.2 in one intent: a person reports equipment lost, stolen or damaged, and in one transaction the asset moves to
 * that state, a security incident is opened with a unique reference, it lands in the holder's line manager's queue,
 * and for a work phone a suspension request is made. A second report of an asset whose incident is still open joins
 * that incident instead (the same holds when the server runs two desktops' offline reports one after the other).
 */
export const assetReportLoss = defineMutator({
  name: 'asset.reportLoss',
  args: assetReportLossArgs,
  async run(tx, args) {
    if (args.occurredOn > ukDateOf(tx.context.now)) {
      throw new DomainError('invalid_input', 'The date it happened cannot be in the future', { occurredOn: 'The date it happened cannot be in the future' });
    }
    const open = await tx.findBy('security_incidents', 'openAssetId', args.assetId);
    if (open) {
      await attachToOpenIncident(tx, open, args);
      return;
    }
    await openIncident(tx, await loadAsset(tx, args.assetId), args);
  },
});
