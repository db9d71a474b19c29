/** Why the local store could not be opened; the message is written for the person at the desk. */
export type StoreErrorCode = 'store_newer' | 'store_corrupt' | 'store_io' | 'migration_failed';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}
