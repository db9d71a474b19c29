import type { ImportCommitResult } from '../../src-shared/import/contract';
import type { ImportPlan } from '../../src-shared/import/preview';
import type { Mutator } from '../../src-shared/mutators/define';
import { mutators } from '../../src-shared/mutators/registry';
import { DomainError } from '../../src-shared/result';
import { runMutationBatch, type BatchItem, type MutationEnvironment } from '../store/mutation-runner';
import { planConflicts } from './plan-conflicts';

const PREVIEW_AGAIN = 'Nothing was imported: preview the file again to see what is still valid';

/** Progress is reported (and the event loop given a turn) after every this many rows. */
const PROGRESS_EVERY = 1000;

/**
 * Passes through to the real mutator (same name, same arguments schema, so the outbox records exactly asset.create
 * or person.create) while counting runs, so a failure deep in the batch can name the file row it came from.
 */
function counting(mutator: Mutator): { mutator: Mutator; started: () => number } {
  let started = 0;
  return {
    mutator: {
      name: mutator.name,
      args: mutator.args,
      run: (tx, args) => {
        started += 1;
        return mutator.run(tx, args);
      },
    },
    started: () => started,
  };
}

function conflictSummary(problems: readonly string[]): string {
  const shown = problems.slice(0, 3).join('; ');
  const more = problems.length > 3 ? ` and ${String(problems.length - 3)} more` : '';
  return `Since the preview, ${shown}${more}. ${PREVIEW_AGAIN}`;
}

/**
 * Imports a previewed plan: every row's mutator (asset.create or person.create) in ONE transaction through
 * runMutationBatch, so either all rows are imported or none is. Before the batch it checks, with set-based look-ups,
 * that nothing added since the preview now clashes; a clash (or any mutator refusing a row) is a conflict naming it,
 * with nothing written. The benchmark calls this directly with a plan from previewImportBytes.
 */
export async function importRows(
  env: MutationEnvironment,
  plan: ImportPlan,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportCommitResult> {
  const problems = planConflicts(env.db, plan);
  if (problems.length > 0) throw new DomainError('conflict', conflictSummary(problems));
  const { mutator, started } = counting(plan.kind === 'assets' ? mutators['asset.create'] : mutators['person.create']);
  const items: BatchItem[] = plan.rows.map((row) => ({ mutator, args: row.args }));
  try {
    await runMutationBatch(env, items, { onProgress, yieldEvery: PROGRESS_EVERY });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const row = plan.rows[started() - 1]?.row;
    const where = row === undefined ? '' : `Row ${String(row)}: `;
    throw new DomainError('conflict', `${where}${error.message}. ${PREVIEW_AGAIN}`, error.fields);
  }
  return { imported: items.length };
}
