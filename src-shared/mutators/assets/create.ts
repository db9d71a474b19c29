import { assetCreateArgs, type AssetCreateArgs } from '../../domain/asset';
import { DomainError } from '../../result';
import { defineMutator } from '../define';
import type { MutatorTx } from '../tx';

/** Adds one asset to the register, in stock, with its "create" history event. Shared by asset.create and asset.import. */
export async function createAsset(tx: MutatorTx, args: AssetCreateArgs): Promise<void> {
  const clash = await tx.findBy('assets', 'assetTag', args.assetTag);
  if (clash) {
    throw new DomainError('conflict', `Asset tag ${args.assetTag} is already used by another asset`, {
      assetTag: `Asset tag ${args.assetTag} is already used by another asset (${clash.model}, serial ${clash.serialNumber})`,
    });
  }
  const { now, actorId, clientId } = tx.context;
  // Fields listed, not spread from args: on V8 a spread followed by added properties gives each row object a new
  // hidden class once optimised, which cost an import 10–15 µs a row and most of its garbage collection.
  await tx.insert('assets', {
    id: args.id,
    assetTag: args.assetTag,
    serialNumber: args.serialNumber,
    type: args.type,
    model: args.model,
    imei: args.imei,
    phoneNumber: args.phoneNumber,
    purchaseDate: args.purchaseDate,
    purchaseValuePence: args.purchaseValuePence,
    location: args.location,
    notes: args.notes,
    status: 'in_stock',
    holderId: null,
    statusChangedAt: now,
    statusChangedBy: actorId,
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert('asset_events', {
    id: tx.newId(),
    assetId: args.id,
    event: 'create',
    fromStatus: null,
    toStatus: 'in_stock',
    personId: null,
    note: null,
    actorId,
    clientId,
    at: now,
  });
}

export const assetCreate = defineMutator({
  name: 'asset.create',
  args: assetCreateArgs,
  run: createAsset,
});
