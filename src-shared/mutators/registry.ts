import { assetCreate } from './asset-create';
import type { Mutator } from './define';
import { personCreate } from './person-create';

/** Every mutator, by name: the desktop runner and the server's push endpoint both dispatch through this table. */
export const mutators = {
  [assetCreate.name]: assetCreate,
  [personCreate.name]: personCreate,
} as const;

export type MutatorName = keyof typeof mutators;

export function findMutator(name: string): Mutator | undefined {
  return Object.hasOwn(mutators, name) ? mutators[name as MutatorName] : undefined;
}
