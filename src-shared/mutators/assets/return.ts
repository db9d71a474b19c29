import { z } from 'zod';
import { recordId, requiredText } from '../../domain/fields';
import { defineMutator } from '../define';
import { applyAssetCommand, loadAsset } from './transition';

const condition = requiredText({ label: 'condition', max: 1000 });

export const assetReturn = defineMutator({
  name: 'asset.return',
  args: z.strictObject({ assetId: recordId('asset'), condition }),
  async run(tx, { assetId, condition: note }) {
    await applyAssetCommand(tx, await loadAsset(tx, assetId), 'return', { note });
  },
});

/** Several assets handed back together (a leaver, a desk move): all are returned, or none is. */
export const assetReturnMany = defineMutator({
  name: 'asset.returnMany',
  args: z.strictObject({
    assetIds: z
      .array(recordId('asset'), { error: 'Choose the assets being returned' })
      .min(1, { error: 'Choose at least one asset to return' })
      .max(500, { error: 'Return at most 500 assets at once' })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'Each asset can be returned only once' }),
    condition,
  }),
  async run(tx, { assetIds, condition: note }) {
    for (const assetId of assetIds) {
      await applyAssetCommand(tx, await loadAsset(tx, assetId), 'return', { note });
    }
  },
});
