import type { DemoMutation } from '../../src-shared/demo/mutation';
import { mutators } from '../../src-shared/mutators/registry';
import { runMutationBatch, type BatchItem, type BatchOptions, type MutationEnvironment } from '../store/mutation-runner';

export interface LoadOptions extends BatchOptions {
  /**
   * Mutations per transaction. Unlimited (the default) loads all-or-nothing, as the demo does; the benchmark's
   * 700,000 mutations go in chunks, so one failure does not cost the whole build and the WAL stays small.
   */
  readonly chunkSize?: number;
  /** After each committed chunk, with the running total of mutations applied. */
  readonly onChunk?: (applied: number) => void;
}

function toBatchItem(mutation: DemoMutation): BatchItem {
  const item = { mutator: mutators[mutation.name], args: mutation.args };
  return mutation.actorId === undefined ? item : { ...item, actorId: mutation.actorId };
}

/**
 * Loads generated mutations the way real use writes: each through its mutator, with its outbox entry, via
 * runMutationBatch. Nothing is inserted directly, so every invariant the mutators keep holds in the loaded data.
 */
export async function loadMutations(env: MutationEnvironment, mutations: Iterable<DemoMutation>, options: LoadOptions = {}): Promise<number> {
  const { chunkSize = Number.POSITIVE_INFINITY, onChunk, ...batchOptions } = options;
  let applied = 0;
  let chunk: BatchItem[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    await runMutationBatch(env, chunk, batchOptions);
    applied += chunk.length;
    chunk = [];
    onChunk?.(applied);
  };
  for (const mutation of mutations) {
    chunk.push(toBatchItem(mutation));
    if (chunk.length >= chunkSize) await flush();
  }
  await flush();
  return applied;
}
