import { GAP_LAST_MUTATION_ID_FIELD, type SyncErrorCode } from '../../../src-shared/sync/error-codes';
import type { TransportError } from './transport-errors';

export const MUTATION_GAP: SyncErrorCode = 'mutation_gap';

/**
 * The server's last processed mutation id from a mutation_gap refusal (fields.lastMutationId), or null when it did not
 * say (an older server) or said something that is not a whole number: the desktop then does not guess.
 */
export function gapLastMutationId(error: TransportError): number | null {
  const value = error.fields[GAP_LAST_MUTATION_ID_FIELD];
  if (value === undefined || !/^[0-9]{1,15}$/.test(value)) return null;
  return Number(value);
}

/**
 * A gap the desktop cannot close: the server needs a change this computer no longer holds (the server's data was
 * restored from a backup taken before it received some changes, after the desktop had already seen them confirmed),
 * or the outbox has a hole further on. Nothing is dropped: the waiting changes stay in the outbox, the state is an
 * error, and the person is told what to do. `nextHeld`: the outbox does hold the change after `last`.
 */
export function unrecoverableGap(error: TransportError, last: number | null, pending: number, nextHeld: boolean): TransportError {
  const waiting = pending === 1 ? 'The change waiting here is' : `The ${pending.toLocaleString('en-GB')} changes waiting here are`;
  const where =
    last === null
      ? 'The server is missing some of this computer’s earlier changes'
      : nextHeld
        ? `Some of the changes the server expects after number ${String(last)} are no longer on this computer`
        : `The server has this computer’s changes up to number ${String(last)}, but change ${String(last + 1)} is no longer on this computer`;
  return {
    ...error,
    message: `${where}, so the rest cannot be sent in order. ${waiting} kept. Contact the IT service desk; signing out saves them to a recovery file.`,
  };
}
