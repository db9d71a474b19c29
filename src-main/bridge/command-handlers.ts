import type { CommandMethod, ParsedInputOf, ResultOf } from '../../src-shared/api/handlers';
import { demoCommandHandlers } from '../demo/command-handlers';
import { importCommandHandlers } from '../import/command-handlers';
import { syncCommandHandlers } from '../sync/handlers';
import type { MutationEnvironment } from '../store/mutation-runner';
import type { QueryContext } from './query-handlers';

export interface CommandContext extends QueryContext {
  /** Commands write only through mutators: runMutation / runMutationBatch with this environment. */
  readonly mutations: MutationEnvironment;
}

/** Every command method of the handler table must have an implementation here: a gap is a type error. */
export type CommandHandlers = { [M in CommandMethod]: (ctx: CommandContext, input: ParsedInputOf<M>) => Promise<ResultOf<M>> };

export const commandHandlers: CommandHandlers = {
  ...importCommandHandlers,
  ...demoCommandHandlers,
  ...syncCommandHandlers,
};
