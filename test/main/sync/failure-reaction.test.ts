import { describe, expect, it } from 'vitest';
import { reactionTo, type Reaction } from '../../../src-main/sync/engine/failure-reaction';
import type { LocalError } from '../../../src-main/sync/engine/sync-cycle';
import type { TransportError } from '../../../src-main/sync/engine/transport-errors';
import { transportError } from './fakes';

describe('what the engine does after a failed sync', () => {
  it.each<[string, TransportError | LocalError, Reaction]>([
    ['a disabled account (401 account_disabled)', transportError({ kind: 'auth', code: 'account_disabled', status: 401 }), 'remove_account'],
    ['an ended session (401 unauthorised)', transportError({ kind: 'auth', code: 'unauthorised', status: 401 }), 'sign_out'],
    ['a 401 without the envelope', transportError({ kind: 'auth', code: 'http_401', status: 401 }), 'sign_out'],
    ['another schema version', transportError({ kind: 'too_old', code: 'schema_version', status: 409 }), 'update_required'],
    ['a client id bound to another account', transportError({ kind: 'permanent', code: 'client_mismatch', status: 403 }), 'renew_client'],
    ['a gap the cycle could not close', transportError({ kind: 'permanent', code: 'mutation_gap', status: 409 }), 'retry'],
    ['the network', transportError({}), 'retry'],
    ['a 503', transportError({ code: 'store_unavailable', status: 503 }), 'retry'],
    ['a refusal by the local store', { kind: 'local', message: 'disk full' }, 'retry'],
  ])('%s → %s', (_what, error, reaction) => {
    expect(reactionTo(error)).toBe(reaction);
  });
});
