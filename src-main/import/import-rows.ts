import type { ImportCommitResult } from '../../src-shared/import/contract';
import type { TableName } from '../../src-shared/domain/tables';
import type { ImportPlan } from '../../src-shared/import/preview';
import { IMPORT_BATCH_ROWS, ImportRowError, toImportBatches } from '../../src-shared/mutators/imports/import-batch';
import { mutators } from '../../src-shared/mutators/registry';
import { DomainError } from '../../src-shared/result';
import { bulkLoad } from '../store/bulk-load';
import { runMutationBatch, type BatchItem, type MutationEnvironment } from '../store/mutation-runner';
import { planConflicts } from './plan-conflicts';

const PREVIEW_AGAIN = 'Nothing was imported: preview the file again to see what is still valid';

function conflictSummary(problems: readonly string[]): string {
  const shown = problems.slice(0, 3).join('; ');
  const more = problems.length > 3 ? ` and ${String(problems.length - 3)} more` : '';
  return `Since the preview, ${shown}${more}. ${PREVIEW_AGAIN}`;
}

/** The plan's rows as import mutations of IMPORT_BATCH_ROWS rows each (asset.import or person.import). */
function batchItems(plan: ImportPlan): BatchItem[] {
  if (plan.kind === 'assets') {
    return toImportBatches(plan.rows.map((row) => row.args)).map((rows) => ({ mutator: mutators['asset.import'], args: { rows }, prevalidated: true }));
  }
  return toImportBatches(plan.rows.map((row) => row.args)).map((rows) => ({ mutator: mutators['person.import'], args: { rows }, prevalidated: true }));
}

/**
 * Imports a previewed plan: batches of rows through asset.import / person.import (each batch row is exactly an
 * asset.create / person.create) in ONE transaction through runMutationBatch, so either all rows are imported or none
 * is. The preview parsed every row with the mutators' own schemas, so the batch is not parsed again. Before the batch
 * it checks, with set-based look-ups, that nothing added since the preview now clashes; a clash (or a mutator refusing
 * a row) is a conflict naming the file row, with nothing written. The benchmark calls this with a plan from
 * previewImportBytes.
 */
export async function importRows(
  env: MutationEnvironment,
  plan: ImportPlan,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportCommitResult> {
  const problems = planConflicts(env.db, plan);
  if (problems.length > 0) throw new DomainError('conflict', conflictSummary(problems));
  const items = batchItems(plan);
  let batchesDone = 0;
  const total = plan.rows.length;
  // An asset import adds one history event per asset, so both tables grow by the same number of rows.
  const tables: readonly TableName[] = plan.kind === 'assets' ? ['assets', 'asset_events'] : ['people'];
  const bulk = bulkLoad(env.db, tables, total);
  try {
    await runMutationBatch(env, items, {
      yieldEvery: 1,
      beforeFirst: () => {
        bulk.start();
      },
      afterLast: () => {
        bulk.finish();
      },
      onProgress: (done) => {
        batchesDone = done;
        onProgress?.(Math.min(done * IMPORT_BATCH_ROWS, total), total);
      },
    });
  } catch (error) {
    bulk.cancel();
    if (!(error instanceof DomainError)) throw error;
    const row = error instanceof ImportRowError ? plan.rows[batchesDone * IMPORT_BATCH_ROWS + error.rowIndex]?.row : undefined;
    const message = error instanceof ImportRowError && row !== undefined ? `Row ${String(row)}: ${error.rowMessage}` : error.message;
    throw new DomainError('conflict', `${message}. ${PREVIEW_AGAIN}`, error.fields);
  }
  return { imported: total };
}
