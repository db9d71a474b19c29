import { assetCreateArgs } from '../../domain/asset';
import { createAsset } from '../assets/create';
import { defineMutator } from '../define';
import { createEach, importBatchArgs } from './import-batch';

/**
 * A batch of imported register rows: each is exactly an asset.create (same checks, same rows, same history event),
 * but the batch is one mutation. Any row refused refuses the whole batch, naming the row's tag.
 */
export const assetImport = defineMutator({
  name: 'asset.import',
  args: importBatchArgs(assetCreateArgs),
  run: (tx, { rows }) => createEach(rows, (row) => `asset tag ${row.assetTag}`, (row) => createAsset(tx, row)),
});
