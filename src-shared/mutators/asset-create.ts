import { assetCreateArgs } from '../domain/asset';
import { DomainError } from '../result';
import { defineMutator } from './define';

export const assetCreate = defineMutator({
  name: 'asset.create',
  args: assetCreateArgs,
  async run(tx, args) {
    const clash = await tx.findBy('assets', 'assetTag', args.assetTag);
    if (clash) {
      throw new DomainError('conflict', `Asset tag ${args.assetTag} is already used by another asset`, {
        assetTag: `Asset tag ${args.assetTag} is already used by another asset (${clash.model}, serial ${clash.serialNumber})`,
      });
    }
    const { now } = tx.context;
    await tx.insert('assets', { ...args, createdAt: now, updatedAt: now });
  },
});
