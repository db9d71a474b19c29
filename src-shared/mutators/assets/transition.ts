import type { AssetRow } from '../../domain/asset';
import { ASSET_TRANSITIONS, canApply, refusalMessage, type AssetCommand } from '../../domain/asset-lifecycle';
import { DomainError } from '../../result';
import type { MutatorTx } from '../tx';

export async function loadAsset(tx: MutatorTx, assetId: string): Promise<AssetRow> {
  const asset = await tx.get('assets', assetId);
  if (!asset) throw new DomainError('not_found', 'That asset is not in the register', { assetId: 'Choose an asset from the register' });
  return asset;
}

/** Refuses a command the lifecycle does not allow from the asset's status, naming that status, who set it and when. */
export async function assertCanApply(tx: MutatorTx, asset: AssetRow, command: AssetCommand): Promise<void> {
  if (canApply(command, asset.status)) return;
  const setBy = asset.statusChangedBy === null ? undefined : await tx.get('people', asset.statusChangedBy);
  throw new DomainError(
    'conflict',
    refusalMessage(command, {
      assetTag: asset.assetTag,
      status: asset.status,
      setByName: asset.statusChangedBy === null ? null : (setBy?.name ?? 'an account not on this desktop'),
      setAt: asset.statusChangedAt,
    }),
  );
}

interface TransitionOptions {
  /** The holder after the command: set only by issue; every other command leaves the asset with no holder. */
  readonly holderId?: string;
  readonly note: string | null;
}

/**
 * Applies one lifecycle command: checks it is allowed, moves the status (and holder), stamps who and when, and
 * appends the history event. Every asset mutator goes through here, so none can skip the lifecycle.
 */
export async function applyAssetCommand(
  tx: MutatorTx,
  asset: AssetRow,
  command: AssetCommand,
  { holderId, note }: TransitionOptions,
): Promise<void> {
  await assertCanApply(tx, asset, command);
  const to = ASSET_TRANSITIONS[command].to;
  const { now, actorId, clientId } = tx.context;
  await tx.update('assets', asset.id, {
    status: to,
    holderId: holderId ?? null,
    statusChangedAt: now,
    statusChangedBy: actorId,
    updatedAt: now,
  });
  await tx.insert('asset_events', {
    id: tx.newId(),
    assetId: asset.id,
    event: command,
    fromStatus: asset.status,
    toStatus: to,
    personId: holderId ?? asset.holderId,
    note,
    actorId,
    clientId,
    at: now,
  });
}
