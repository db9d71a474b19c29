import type { AssetRow } from '../../domain/asset';
import { ASSET_TRANSITIONS, describeMoment, FINAL_STATUSES, type AssetCommand } from '../../domain/asset-lifecycle';
import { ukDateOf } from '../../domain/calendar-date';
import { LOSS_KINDS } from '../../domain/loss-report';
import { penceToPounds } from '../../domain/money';
import { incidentCloseArgs, type IncidentCloseArgs, type SecurityIncidentRow } from '../../domain/security-incident';
import { DomainError } from '../../result';
import { applyAssetCommand, loadAsset } from '../assets/transition';
import { defineMutator } from '../define';
import type { MutatorTx } from '../tx';
import { appendIncidentEvent, loadIncident, nameOf } from './incident-records';

interface OutcomeEffect {
  /** What happens to the reported asset: recovered kit comes back, replaced or written-off kit leaves service. */
  readonly command: AssetCommand;
  readonly note: string;
  /** The outcome's fields on the incident. */
  readonly fields: Partial<SecurityIncidentRow>;
}

function fieldError(field: string, message: string): DomainError {
  return new DomainError('invalid_input', message, { [field]: message });
}

async function outcomeEffect(tx: MutatorTx, incident: SecurityIncidentRow, args: IncidentCloseArgs): Promise<OutcomeEffect> {
  const about = `security incident ${incident.reference}`;
  switch (args.outcome) {
    case 'recovered': {
      if (args.recoveredOn > ukDateOf(tx.context.now)) throw fieldError('recoveredOn', 'The date it was recovered cannot be in the future');
      if (args.recoveredOn < incident.occurredOn) {
        const kind = LOSS_KINDS[incident.kind].toLowerCase();
        throw fieldError('recoveredOn', `The date it was recovered cannot be before the date it was reported ${kind} (${incident.occurredOn})`);
      }
      return {
        command: args.recoveredTo === 'in_stock' ? 'recover' : 'recoverForRepair',
        note: `Recovered on ${args.recoveredOn}: ${about}`,
        fields: { recoveredOn: args.recoveredOn, recoveredTo: args.recoveredTo },
      };
    }
    case 'replaced': {
      const replacement = await tx.findBy('assets', 'assetTag', args.replacementAssetTag);
      if (!replacement) throw fieldError('replacementAssetTag', `No asset in the register has the tag ${args.replacementAssetTag}`);
      if (replacement.id === incident.assetId) throw fieldError('replacementAssetTag', `${incident.assetTag} cannot replace itself: enter the tag of the new asset`);
      return { command: 'retire', note: `Replaced by ${replacement.assetTag}: ${about}`, fields: { replacementAssetId: replacement.id } };
    }
    case 'written_off':
      return {
        command: 'retire',
        note: `Written off (${penceToPounds(args.writeOffValuePence)}): ${args.writeOffReason}. ${about}`,
        fields: { writeOffValuePence: args.writeOffValuePence, writeOffReason: args.writeOffReason },
      };
  }
}

/**
 * The asset moves only through its lifecycle. Already where the outcome would put it (a damaged asset the desk sent
 * to repair while the incident was open; a lost one retired meanwhile) is left alone rather than refused.
 */
async function moveAsset(tx: MutatorTx, asset: AssetRow, { command, note }: OutcomeEffect): Promise<void> {
  const target = ASSET_TRANSITIONS[command].to;
  if (asset.status === target || (command === 'retire' && FINAL_STATUSES.includes(asset.status))) return;
  await applyAssetCommand(tx, asset, command, { note });
}

function describeOutcome(args: IncidentCloseArgs, effect: OutcomeEffect): string {
  const cost = args.costRecovery === 'yes' ? 'Cost to be recovered from the holder.' : 'No cost recovery.';
  return [effect.note, cost, args.note].filter((line) => line !== null).join('\n');
}

/**
 * Closes a security incident with its outcome: recovered (the asset back into stock or to repair), replaced (linked
 * to the new asset; the old one retired) or written off (value and reason; the asset retired), and whether the cost is
 * to be recovered from the holder (AUP 8.4). Closed is final, and the asset may then be reported again.
 */
export const incidentClose = defineMutator({
  name: 'incident.close',
  args: incidentCloseArgs,
  async run(tx, args) {
    const incident = await loadIncident(tx, args.incidentId);
    if (incident.status === 'closed') {
      const by = (await nameOf(tx, incident.closedBy)) ?? 'on this desktop';
      const when = incident.closedAt === null ? '' : ` on ${describeMoment(incident.closedAt)}`;
      throw new DomainError('conflict', `Security incident ${incident.reference} is already closed (${by === 'on this desktop' ? by : `by ${by}`}${when})`);
    }
    const effect = await outcomeEffect(tx, incident, args);
    await moveAsset(tx, await loadAsset(tx, incident.assetId), effect);
    const { now, actorId } = tx.context;
    await tx.update('security_incidents', incident.id, {
      ...effect.fields,
      status: 'closed',
      openAssetId: null,
      outcome: args.outcome,
      costRecovery: args.costRecovery,
      closeNote: args.note,
      closedAt: now,
      closedBy: actorId,
      updatedAt: now,
    });
    await appendIncidentEvent(tx, incident, 'closed', describeOutcome(args, effect));
  },
});
