import { useState } from 'react';
import type { SignInResult, SyncStatus } from '../../src-shared/sync/sync-status';
import { useApi } from '../api/api-context';
import { Button, InsetText, LiveStatus, WarningText } from '../components/Govuk';
import { NotificationBanner } from '../components/NotificationBanner';
import { PageHeading } from '../components/PageHeading';
import { Tag } from '../components/StatusTag';
import { SummaryList } from '../components/SummaryList';
import { formatCount, formatMoment } from '../format';
import { usePageTitle } from '../hooks/use-page-title';
import { navigate, paths, useRoute } from '../router';
import { RejectionList } from '../sync/RejectionList';
import { SignInForm } from '../sync/SignInForm';
import { syncLabel } from '../sync/sync-labels';
import { useSyncStatus } from '../sync/sync-status-context';
import { SyncProgressBar } from '../sync/SyncProgressBar';

function signedInMessage(result: SignInResult): string {
  const parts = [`Signed in as ${result.account.name} (${result.account.email}). The first sync has started.`];
  if (result.recoveryFile !== null) {
    parts.push(`Changes made on this computer before you signed in were saved to ${result.recoveryFile} and removed from Custodian.`);
  } else if (result.clearedLocalData) {
    parts.push('The records that were on this computer were removed: the server’s records replace them.');
  }
  return parts.join(' ');
}

function StatusSummary({ status }: { readonly status: SyncStatus }) {
  const label = syncLabel(status);
  const account = status.account;
  return (
    <SummaryList
      rows={[
        {
          key: 'Status',
          value: (
            <>
              <Tag colour={label.colour === 'blue' || label.colour === 'yellow' ? undefined : label.colour}>{label.text}</Tag>
              {status.message === null ? null : <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{status.message}</p>}
            </>
          ),
        },
        { key: 'Changes waiting to be sent', value: status.pending.toLocaleString('en-GB') },
        { key: 'Last synced', value: status.lastSyncedAt === null ? 'Never' : formatMoment(status.lastSyncedAt) },
        ...(account === null
          ? []
          : [
              { key: 'Server', value: account.serverUrl },
              { key: 'Signed in as', value: `${account.name} (${account.email})` },
            ]),
      ]}
    />
  );
}

function SyncNow({ onDone }: { readonly onDone: () => void }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState('');
  async function syncNow() {
    setBusy(true);
    setOutcome('Syncing…');
    const result = await api.call('sync.now', {});
    setBusy(false);
    setOutcome(result.ok ? `Sync finished: ${syncLabel(result.value).text}` : result.error.message);
    onDone();
  }
  return (
    <>
      <Button onClick={() => void syncNow()} busy={busy}>
        Sync now
      </Button>
      <LiveStatus message={outcome} />
    </>
  );
}

function SignOut({ status }: { readonly status: SyncStatus }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function signOut() {
    setBusy(true);
    setProblem(null);
    const result = await api.call('sync.signOut', {});
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    const { recoveryFile, serverNotified } = result.value;
    const flash = [
      'Signed out. The records of that account were removed from this computer.',
      recoveryFile === null ? null : `Changes that had not been sent were saved to ${recoveryFile}.`,
      serverNotified ? null : 'The server could not be reached to end the sign-in there; it ends by itself when it expires.',
    ]
      .filter((part) => part !== null)
      .join(' ');
    navigate(paths.sync(), { flash });
  }
  return (
    <>
      <h2 className="govuk-heading-m">Sign out</h2>
      <p className="govuk-body">Signing out removes this account’s records from this computer. They stay on the server.</p>
      {status.pending > 0 ? (
        <WarningText>
          {formatCount(status.pending, 'change has', 'changes have')} not been sent to the server yet. If you sign out now, {status.pending === 1 ? 'it' : 'they'}{' '}
          will be saved to a recovery file on this computer and will not reach the server. Sync first if you can.
        </WarningText>
      ) : null}
      {problem === null ? null : <p className="govuk-error-message">{problem}</p>}
      <Button variant={status.pending > 0 ? 'warning' : 'secondary'} onClick={() => void signOut()} busy={busy}>
        Sign out
      </Button>
    </>
  );
}

/** Settings → Sync (`#/sync`): sign in to a server, see the sync state and first-sync progress, refused changes, sign out. */
export function SyncPage() {
  const route = useRoute();
  const { status, refresh } = useSyncStatus();
  usePageTitle('Sync');

  function signedIn(result: SignInResult) {
    refresh();
    navigate(paths.sync(), { flash: signedInMessage(result) });
  }

  const heading = (
    <>
      {route.flash === null ? null : <NotificationBanner type="success" heading={route.flash} autoFocus />}
      <PageHeading focusOnMount={!route.initial && route.flash === null}>Sync</PageHeading>
    </>
  );
  if (status === null) {
    return (
      <>
        {heading}
        <p className="govuk-body" role="status">
          Loading the sync status…
        </p>
      </>
    );
  }
  const signedInNow = status.account !== null && status.state !== 'signed_out';
  const overview = (
    <>
      {heading}
      <StatusSummary status={status} />
      {status.notice === null ? null : <InsetText>{status.notice}</InsetText>}
      {status.firstSync === null ? null : <SyncProgressBar progress={status.firstSync} />}
    </>
  );
  if (!signedInNow) {
    return (
      <SignInForm
        status={status}
        onSignedIn={signedIn}
        before={
          <>
            {overview}
            {status.state === 'signed_out' ? <RejectionList version={status.rejected} onDismissed={refresh} /> : null}
          </>
        }
      />
    );
  }
  return (
    <>
      {overview}
      <SyncNow onDone={refresh} />
      <RejectionList version={status.rejected} onDismissed={refresh} />
      <SignOut status={status} />
    </>
  );
}
