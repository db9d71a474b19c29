import { z } from 'zod';
import { emailAddress } from '../domain/fields';
import { checkServerUrl } from '../sync/server-url';
import type { SignInResult, SignOutResult, SyncRejection, SyncStatus } from '../sync/sync-status';
import { command, query, returns } from './handler-spec';

/** The server's own limit (src-server/auth/password.ts); repeated here because src-shared depends on nothing else. */
const MAX_PASSWORD_LENGTH = 256;
/** The server's rule for a new password (POST /api/v1/auth/password). */
export const MIN_NEW_PASSWORD_LENGTH = 12;

const serverUrl = z
  .string({ error: 'Enter the address of the Custodian server' })
  .max(2000, { error: 'The server address must be 2000 characters or fewer' })
  .transform((value, ctx) => {
    const checked = checkServerUrl(value);
    if (checked.ok) return checked.url;
    ctx.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  });

const password = z
  .string({ error: 'Enter your password' })
  .min(1, { error: 'Enter your password' })
  .max(MAX_PASSWORD_LENGTH, { error: `Passwords are at most ${String(MAX_PASSWORD_LENGTH)} characters` });

/** Blank means "not asked for": the field only appears when the server says the password must be changed. */
const newPassword = z
  .string({ error: 'Enter a new password' })
  .max(MAX_PASSWORD_LENGTH, { error: `Passwords are at most ${String(MAX_PASSWORD_LENGTH)} characters` })
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value))
  .refine((value) => value === undefined || value.length >= MIN_NEW_PASSWORD_LENGTH, {
    error: `Choose a new password of at least ${String(MIN_NEW_PASSWORD_LENGTH)} characters`,
  });

export const syncSignInInput = z.strictObject({ serverUrl, email: emailAddress(), password, newPassword });

export type SyncSignInInput = z.output<typeof syncSignInInput>;

export const syncDismissRejectionInput = z.strictObject({
  mutationId: z.number({ error: 'mutationId must be a number' }).int({ error: 'mutationId must be a whole number' }).positive({ error: 'mutationId must be 1 or more' }),
});

/**
 * Sync methods of the handler table. They change only sync bookkeeping (the account binding, the sign-in, the list
 * of refused changes); records change only through pulls, which the engine applies through the store's pull run.
 *
 * The `concurrent` ones are answered without queueing behind store calls: status comes from memory, and sign-in,
 * sign-out and "sync now" spend most of their time on the network, so they take the store's serial gate themselves,
 * only for the store work (a first sync holds it for the whole pull run, so the app never shows a half-synced store).
 */
export const syncHandlers = {
  'sync.status': query(z.strictObject({}), returns<SyncStatus>(), { concurrent: true }),
  /**
   * Signs in and binds this installation to the account. Unsent changes from before (made before sign-in, or by
   * another account) are written to a recovery file in the data directory, then the local data is cleared and the
   * first sync starts. Server refusals come back as field errors (serverUrl, email, password, newPassword).
   */
  'sync.signIn': command(syncSignInInput, returns<SignInResult>(), { concurrent: true }),
  /** Writes unsent changes to a recovery file, tells the server, clears the local data and forgets the sign-in. */
  'sync.signOut': command(z.strictObject({}), returns<SignOutResult>(), { concurrent: true }),
  /** Runs a sync now (or waits for the one under way, then runs another) and answers the status after it. */
  'sync.now': command(z.strictObject({}), returns<SyncStatus>(), { concurrent: true }),
  'sync.rejections': query(z.strictObject({}), returns<readonly SyncRejection[]>()),
  'sync.dismissRejection': command(syncDismissRejectionInput, returns<{ readonly dismissed: boolean }>()),
} as const;
