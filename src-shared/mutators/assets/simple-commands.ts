import { z } from 'zod';
import type { AssetCommand } from '../../domain/asset-lifecycle';
import { optionalText, recordId, requiredText } from '../../domain/fields';
import { defineMutator } from '../define';
import { applyAssetCommand, loadAsset } from './transition';

const withOptionalNote = z.strictObject({ assetId: recordId('asset'), note: optionalText({ label: 'note', max: 1000 }) });
const withRequiredReason = z.strictObject({ assetId: recordId('asset'), note: requiredText({ label: 'reason', max: 1000 }) });

/** A lifecycle command whose only input is the asset and a note: the state machine does the rest. */
function commandMutator<const Name extends string>(name: Name, command: AssetCommand, args: typeof withOptionalNote | typeof withRequiredReason) {
  return defineMutator({
    name,
    args,
    async run(tx, { assetId, note }) {
      await applyAssetCommand(tx, await loadAsset(tx, assetId), command, { note });
    },
  });
}

export const assetRestock = commandMutator('asset.restock', 'restock', withOptionalNote);
export const assetMarkLost = commandMutator('asset.markLost', 'markLost', withOptionalNote);
export const assetMarkStolen = commandMutator('asset.markStolen', 'markStolen', withOptionalNote);
export const assetMarkDamaged = commandMutator('asset.markDamaged', 'markDamaged', withOptionalNote);
export const assetSendToRepair = commandMutator('asset.sendToRepair', 'sendToRepair', withOptionalNote);
export const assetCompleteRepair = commandMutator('asset.completeRepair', 'completeRepair', withOptionalNote);
export const assetRetire = commandMutator('asset.retire', 'retire', withRequiredReason);
export const assetDispose = commandMutator('asset.dispose', 'dispose', withRequiredReason);
