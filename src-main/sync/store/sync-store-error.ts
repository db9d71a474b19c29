/**
 * Why the store could not take a pull (or another sync step). Thrown, like StoreError, by functions the sync engine
 * calls inside its own error handling; the engine turns it into a value for the UI. Every message is written for the
 * person at the desk and says what happened to the data (for a pull: nothing of it was applied).
 *
 * - bad_row: a pulled row this store cannot hold (unknown table or field, wrong type, a broken constraint).
 * - bad_page: a page out of protocol (a reset after the first page, pages after the last).
 * - run_closed: the pull run already finished or was abandoned.
 * - busy: a pull began while another transaction was open on the connection (callers hold the serial gate).
 * - rewind_incomplete: an unsent change has no undo record (made before this version), so an incremental pull cannot
 *   be applied under it; a pull from scratch (cookie null) can.
 * - client_ahead: the server says it processed a mutation id this installation never handed out: the data file was
 *   copied from another installation, which shares its client id.
 */
export type SyncStoreErrorCode = 'bad_row' | 'bad_page' | 'run_closed' | 'busy' | 'rewind_incomplete' | 'client_ahead';

export class SyncStoreError extends Error {
  readonly code: SyncStoreErrorCode;
  /** The row at fault, for bad_row. */
  readonly table: string | undefined;
  readonly id: string | undefined;

  constructor(code: SyncStoreErrorCode, message: string, options: { cause?: unknown; table?: string; id?: string } = {}) {
    super(message, { cause: options.cause });
    this.name = 'SyncStoreError';
    this.code = code;
    this.table = options.table;
    this.id = options.id;
  }
}

export const NOTHING_APPLIED = 'Nothing from this sync was applied; the local data is as it was.';

/** A pulled row the store cannot hold, named by table and id so the server side can be put right. */
export function badRow(table: string, id: unknown, reason: string, cause?: unknown): SyncStoreError {
  const shownId = typeof id === 'string' ? id.slice(0, 100) : '(no id)';
  return new SyncStoreError('bad_row', `The server sent a ${table.slice(0, 50)} row (id ${shownId}) this desktop cannot store: ${reason}. ${NOTHING_APPLIED}`, {
    cause,
    table,
    id: typeof id === 'string' ? id : undefined,
  });
}
