import type { SyncSignInInput } from '../../../src-shared/api/sync-handlers';
import { err, ok, type ErrorCode, type Result } from '../../../src-shared/result';
import type { SignInResult, SignOutResult, SyncAccount } from '../../../src-shared/sync/sync-status';
import { exportAndClear, type Removed, type WriteRecovery } from './local-data';
import type { Exclusive, SyncStorePort, SyncTransport } from './ports';
import type { SyncEngine } from './sync-engine';
import type { TokenVault } from './token-vault';
import type { TransportError } from './transport-errors';

export interface AccountDeps {
  readonly store: SyncStorePort;
  readonly exclusive: Exclusive;
  readonly vault: TokenVault;
  readonly engine: SyncEngine;
  readonly transportFor: (serverUrl: string) => SyncTransport;
  /** Writes a recovery file and returns its path; throws when it cannot (the store is then left alone). */
  readonly writeRecovery: WriteRecovery;
}

const SIGN_IN_FIELDS = new Set(['serverUrl', 'email', 'password', 'newPassword']);

/** A server refusal as the sign-in form shows it: on the field it is about, so the person knows what to change. */
function signInFailure(error: TransportError, stage: 'sign-in' | 'password'): Result<never> {
  if (error.kind === 'auth') return err('unauthorised', error.message, { password: error.message });
  if (error.code === 'rate_limited') {
    const wait = error.retryAfterMs === null ? '' : ` Try again in ${String(Math.max(1, Math.ceil(error.retryAfterMs / 60_000)))} minutes.`;
    return err('rate_limited', `${error.message}${wait}`, { password: `${error.message}${wait}` });
  }
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fields)) {
    // The password change names the old password "currentPassword": on this form it is the password field.
    const name = field === 'currentPassword' ? 'password' : field;
    if (SIGN_IN_FIELDS.has(name)) fields[name] = message;
  }
  if (Object.keys(fields).length > 0) return err('invalid_input', error.message, fields);
  if (stage === 'sign-in' && (error.kind === 'transient' || error.code === 'bad_reply' || error.status === 404)) {
    const message =
      error.status === 404 || error.code === 'bad_reply' ? `There is no Custodian server at this address. Check the address and try again. (${error.message})` : error.message;
    return err('invalid_input', message, { serverUrl: message });
  }
  const code: ErrorCode = error.kind === 'transient' ? 'store_unavailable' : 'invalid_input';
  return err(code, error.message);
}

function sameAccount(a: SyncAccount | null, serverUrl: string, personId: string): boolean {
  return a !== null && a.serverUrl === serverUrl && a.personId === personId;
}

export const ONE_TIME_PASSWORD_MESSAGE =
  'You signed in with a one-time password. Choose a new password of at least 12 characters to finish signing in.';

/**
 * Signs in and binds this installation to the account. A wrong password changes nothing locally: the store is only
 * touched after the server has accepted the sign-in. Then, if the store holds anything that is not this account's
 * (changes made before sign-in, another account's records), its unsent changes go to a recovery file and the store is
 * cleared, in one go under the serial gate, so no change can slip in between the export and the clear.
 *
 * Even an empty store is cleared when it was bound to another account: clearing gives the installation a new client
 * id, and the old one is bound to the previous account on the server for ever (a push or pull with it as this
 * account would only be refused with client_mismatch).
 */
export async function signIn(deps: AccountDeps, input: SyncSignInInput): Promise<Result<SignInResult>> {
  const { store, exclusive, vault, engine } = deps;
  const current = engine.status();
  if (current.account !== null && current.state !== 'signed_out') {
    return err('conflict', `Custodian is already signed in as ${current.account.email}. Sign out first.`);
  }
  const transport = deps.transportFor(input.serverUrl);
  const clientId = await exclusive(() => Promise.resolve(store.clientId()));
  const signedIn = await transport.signIn({ email: input.email, password: input.password, clientId });
  if (!signedIn.ok) return signInFailure(signedIn.error, 'sign-in');
  const { token } = signedIn.value;

  if (signedIn.value.mustChangePassword) {
    if (input.newPassword === undefined) {
      // Nothing but changing the password is allowed with this session, and the person has to come back to the form.
      await transport.signOut(token);
      return err('invalid_input', ONE_TIME_PASSWORD_MESSAGE, { newPassword: ONE_TIME_PASSWORD_MESSAGE });
    }
    const changed = await transport.changePassword(token, { currentPassword: input.password, newPassword: input.newPassword });
    if (!changed.ok) {
      await transport.signOut(token);
      return signInFailure(changed.error, 'password');
    }
  }

  const me = await transport.me(token);
  if (!me.ok) {
    await transport.signOut(token);
    return signInFailure(me.error, 'sign-in');
  }
  const account: SyncAccount = { serverUrl: input.serverUrl, personId: me.value.personId, email: me.value.email, name: me.value.name, roles: me.value.roles };

  await engine.pause();
  let bound: { recoveryFile: string | null; cleared: boolean };
  try {
    bound = await exclusive(() => {
      const state = store.readState();
      let recoveryFile: string | null = null;
      let cleared = false;
      if (!sameAccount(state.account, account.serverUrl, account.personId)) {
        if (store.hasLocalData()) {
          ({ recoveryFile } = exportAndClear(store, deps.writeRecovery, 'sign_in'));
          cleared = true;
        } else if (state.account !== null) {
          store.clearLocalData();
        }
      }
      store.saveAccount(account);
      return Promise.resolve({ recoveryFile, cleared });
    });
  } catch (error) {
    await transport.signOut(token);
    return err('internal', `Custodian could not prepare this computer for ${account.email}, so nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
  }
  vault.save(token);
  engine.begin({ account, token });
  return ok({ account, recoveryFile: bound.recoveryFile, clearedLocalData: bound.cleared, tokenPersistence: vault.persistence() });
}

/**
 * Signs out: unsent changes to a recovery file, the local data removed (export and removal in one go under the serial
 * gate), the server told (when it can be reached: otherwise the session simply expires), and the token forgotten.
 */
export async function signOut(deps: AccountDeps): Promise<Result<SignOutResult>> {
  const { store, exclusive, vault, engine } = deps;
  // Never clears a store that was never signed in: its records exist nowhere else.
  if (engine.status().account === null) return err('conflict', 'Custodian is not signed in to a server.');
  await engine.pause();
  const token = vault.load();
  let outcome: Removed;
  try {
    outcome = await exclusive(() => Promise.resolve(exportAndClear(store, deps.writeRecovery, 'sign_out')));
  } catch (error) {
    await engine.start();
    return err('internal', `Custodian could not save the unsent changes to a recovery file, so it did not sign out or remove anything: ${error instanceof Error ? error.message : String(error)}`);
  }
  let serverNotified = false;
  if (token !== null && outcome.account !== null) {
    const told = await deps.transportFor(outcome.account.serverUrl).signOut(token);
    // A 401 means the session had already ended: as good as told.
    serverNotified = told.ok || told.error.kind === 'auth';
  }
  vault.clear();
  engine.forget();
  await engine.refreshCounts();
  return ok({ recoveryFile: outcome.recoveryFile, serverNotified });
}
