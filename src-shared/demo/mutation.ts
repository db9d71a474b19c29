import type { z } from 'zod';
import type { MutatorName, mutators } from '../mutators/registry';

/**
 * One write of the generated department: a mutator's name and its arguments as a person (or the import) would send
 * them. Loading a department runs exactly these through the real mutators, so demo data obeys every rule real data does.
 */
export type DemoMutation = {
  [N in MutatorName]: {
    readonly name: N;
    readonly args: z.input<(typeof mutators)[N]['args']>;
    /** Who makes it, for a write only a particular person may make (a traveller's request, a manager's approval). */
    readonly actorId?: string;
  };
}[MutatorName];
