import type { z } from 'zod';
import type { MutatorTx } from './tx';

/** A named, intent-level write ("asset.create", "asset.issue"), never "set field". */
export interface Mutator<Name extends string = string, Args extends z.ZodType = z.ZodType> {
  readonly name: Name;
  readonly args: Args;
  run(tx: MutatorTx, args: z.output<Args>): Promise<void>;
}

export function defineMutator<const Name extends string, Args extends z.ZodType>(
  mutator: Mutator<Name, Args>,
): Mutator<Name, Args> {
  return mutator;
}
