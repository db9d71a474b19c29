import { describeMoment } from '../../../src-shared/domain/asset-lifecycle';
import { DomainError } from '../../../src-shared/result';

/**
 * How long a desktop may keep a change offline and still have it accepted: 30 days. Longer than any leave or posting
 * a laptop is likely to spend without a connection, short enough that a desktop cannot backdate a change far enough
 * to matter (a training record that lapsed months ago looking valid at an issue, an AUP confirmation dated before the
 * version it names was published). The server's own option (SyncOptions.maxMutationAgeDays) can change it.
 */
export const DEFAULT_MAX_MUTATION_AGE_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The time a pushed mutation runs at on the server: the desktop's own time of the change (it may have been offline
 * for days, and its rows and history should say when the change was really made), within limits the server sets,
 * because the desktop's clock is the one thing in the push the server cannot check:
 *
 * - later than the server's clock: the server's time instead. A fast desktop clock must not stamp rows from the
 *   future, nor move a date check forward (a training completion "not in the future"). The change certainly
 *   happened no later than now, so nothing is refused for it.
 * - more than `maxAgeDays` before the server's clock: refused for good (a rejection, `invalid_input`, which advances
 *   the id like any other so the queue never blocks). Clamping it forward instead would keep the change but write a
 *   time that is false into a custody record and its audit trail; refusing says so to the person, who can make the
 *   change again (and, if it is the computer's clock that is wrong, correct it).
 *
 * Order is never taken from this time: the server applies mutations in the order they reach it.
 */
export function mutationTime(createdAt: string, serverNow: Date, maxAgeDays: number): string {
  const made = Date.parse(createdAt);
  const oldest = serverNow.getTime() - maxAgeDays * DAY_MS;
  if (made < oldest) {
    throw new DomainError(
      'invalid_input',
      `This change was made on ${describeMoment(createdAt)} by the desktop’s clock, more than ${String(maxAgeDays)} days before it reached the server, ` +
        'and a change kept offline that long is not accepted because its time can no longer be relied on. ' +
        'Make the change again if it is still needed; if the computer’s clock is wrong, correct it first.',
      { createdAt: `Made more than ${String(maxAgeDays)} days ago` },
    );
  }
  return new Date(Math.min(made, serverNow.getTime())).toISOString();
}
