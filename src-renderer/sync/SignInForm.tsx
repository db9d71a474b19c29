import { useRef, useState, type ReactNode } from 'react';
import { MIN_NEW_PASSWORD_LENGTH, syncSignInInput } from '../../src-shared/api/sync-handlers';
import type { Result } from '../../src-shared/result';
import type { SignInResult, SyncStatus } from '../../src-shared/sync/sync-status';
import { useApi } from '../api/api-context';
import { ErrorSummary } from '../components/ErrorSummary';
import { WarningText } from '../components/Govuk';
import { TextField } from '../components/TextField';
import { formatCount } from '../format';
import { looseResolver } from '../forms/prepared-resolver';
import { useGovukForm } from '../forms/use-govuk-form';
import { usePageTitle } from '../hooks/use-page-title';

interface SignInValues {
  serverUrl: string;
  email: string;
  password: string;
  newPassword: string;
}

interface SignInFormProps {
  readonly status: SyncStatus;
  readonly onSignedIn: (result: SignInResult) => void;
  /** What the page shows above the form (its heading, the status): the error summary must come before it (GOV.UK). */
  readonly before: ReactNode;
}

/**
 * Sign in to a Custodian server. The server's refusals come back as field errors (a wrong password on the password
 * field, an unreachable address on the address field); a one-time password brings up a "new password" field.
 */
export function SignInForm({ status, onSignedIn, before }: SignInFormProps) {
  const api = useApi();
  const [askNewPassword, setAskNewPassword] = useState(false);
  const lastResult = useRef<SignInResult | null>(null);
  const previous = status.account;
  const form = useGovukForm({
    resolver: looseResolver<SignInValues, typeof syncSignInInput>(syncSignInInput),
    defaultValues: { serverUrl: previous?.serverUrl ?? '', email: previous?.email ?? '', password: '', newPassword: '' } satisfies SignInValues,
    fields: ['serverUrl', 'email', 'password', 'newPassword'],
    save: async (values): Promise<Result<unknown>> => {
      const result = await api.call('sync.signIn', values);
      if (!result.ok && result.error.fields.newPassword !== undefined) setAskNewPassword(true);
      lastResult.current = result.ok ? result.value : null;
      return result;
    },
    onSaved: () => {
      if (lastResult.current) onSignedIn(lastResult.current);
    },
  });
  usePageTitle('Sync', form.summaryErrors.length > 0);
  // After a disabled account's data was removed there is nothing to carry on with: this is a fresh sign-in.
  const disabled = status.state === 'signed_out' && status.reason === 'account_disabled';
  const signedOut = status.state === 'signed_out' && !disabled;

  return (
    <>
      <ErrorSummary errors={form.summaryErrors} focusRequest={form.summaryFocusRequest} />
      {before}
      <h2 className="govuk-heading-m">{signedOut ? 'Sign in again' : 'Sign in to a server'}</h2>
      {signedOut ? (
        <p className="govuk-body">Sign in as {previous?.email ?? 'the same account'} to carry on where you left off: nothing on this computer is lost.</p>
      ) : disabled ? (
        <p className="govuk-body">The account that was signed in here can no longer sign in. Another account can sign in to this computer.</p>
      ) : (
        <p className="govuk-body">Signing in shares this computer’s work with everyone else’s through your department’s Custodian server.</p>
      )}
      {status.pending > 0 ? (
        <WarningText>
          {signedOut ? 'If you sign in as someone else, the' : 'The'} {formatCount(status.pending, 'change', 'changes')} made on this computer will be saved to a
          recovery file and removed from Custodian, with everything else on this computer, before the first sync.
        </WarningText>
      ) : null}
      <form noValidate onSubmit={form.onSubmit}>
        <TextField
          label="Server address"
          hint="For example, https://custodian.example.gov.uk"
          type="url"
          autoComplete="url"
          spellCheck={false}
          {...form.field('serverUrl')}
        />
        <TextField label="Email address" type="email" autoComplete="username" spellCheck={false} {...form.field('email')} />
        <TextField label="Password" type="password" autoComplete="current-password" {...form.field('password')} />
        {askNewPassword ? (
          <TextField
            label="New password"
            hint={`You signed in with a one-time password. Choose a new one of at least ${String(MIN_NEW_PASSWORD_LENGTH)} characters.`}
            type="password"
            autoComplete="new-password"
            {...form.field('newPassword')}
          />
        ) : null}
        <button type="submit" className="govuk-button" disabled={form.isSubmitting} aria-disabled={form.isSubmitting || undefined}>
          Sign in
        </button>
      </form>
    </>
  );
}
