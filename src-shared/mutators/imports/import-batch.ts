import { z } from 'zod';
import { DomainError } from '../../result';

/**
 * Rows per import mutation. An import of 300,000 rows is 300 mutations, not 300,000: one mutation id, one outbox entry
 * and one push item each, which is what lets an import run at tens of thousands of rows a second and sync in minutes.
 * Small enough that one pushed mutation stays well under the push body limit (about 300 KB of JSON).
 */
export const IMPORT_BATCH_ROWS = 1000;

/** `{ rows: [...] }` of one row schema: between 1 and IMPORT_BATCH_ROWS rows. */
export function importBatchArgs<Row extends z.ZodType>(row: Row) {
  return z.object({ rows: z.array(row).min(1).max(IMPORT_BATCH_ROWS) }).strict();
}

/** Splits rows into import batches, keeping their order (people must follow their line managers). */
export function toImportBatches<Row>(rows: readonly Row[]): Row[][] {
  const batches: Row[][] = [];
  for (let start = 0; start < rows.length; start += IMPORT_BATCH_ROWS) batches.push(rows.slice(start, start + IMPORT_BATCH_ROWS));
  return batches;
}

/**
 * One row of an import batch was refused: says which (0-based in the batch), so the desktop's import can name the file
 * row, and the message names the row for a sync rejection, where there is no file.
 */
export class ImportRowError extends DomainError {
  /** The row's own refusal, without the batch position. */
  readonly rowMessage: string;

  constructor(
    readonly rowIndex: number,
    label: string,
    cause: DomainError,
  ) {
    super(cause.code, `Imported row ${String(rowIndex + 1)} of the batch (${label}): ${cause.message}`, cause.fields);
    this.name = 'ImportRowError';
    this.rowMessage = cause.message;
  }
}

/** Runs `create` for each row in order; a refused row refuses the whole batch (an import is all or nothing). */
export async function createEach<Row>(
  rows: readonly Row[],
  label: (row: Row) => string,
  create: (row: Row) => Promise<void>,
): Promise<void> {
  for (const [index, row] of rows.entries()) {
    try {
      await create(row);
    } catch (error) {
      if (error instanceof DomainError) throw new ImportRowError(index, label(row), error);
      throw error;
    }
  }
}
