import { useQuery } from '../api/use-query';
import { ButtonLink } from '../components/ButtonLink';
import { WarningText } from '../components/Govuk';
import { NotificationBanner } from '../components/NotificationBanner';
import { PageHeading } from '../components/PageHeading';
import { formatCount } from '../format';
import { usePageTitle } from '../hooks/use-page-title';
import { IncidentTable } from '../incidents/IncidentTable';
import { href, paths, useRoute } from '../router';

/**
 * The security team's view (`#/incidents`): every open incident this desktop holds with how long it has been open,
 * oldest first; phones reported more than 24 hours ago and still not suspended are called out above the table.
 */
export function IncidentsPage() {
  const { flash, initial } = useRoute();
  const open = useQuery('incident.list', { status: 'open' });
  usePageTitle('Security incidents');
  const overdue = open.status === 'ok' ? open.value.items.filter((item) => item.suspensionOverdue).length : 0;
  return (
    <>
      {flash === null ? null : <NotificationBanner type="success" heading={flash} autoFocus />}
      {open.status === 'error' ? (
        <NotificationBanner type="important" heading="The security incidents could not be loaded">
          <p className="govuk-body">{open.error.message}</p>
        </NotificationBanner>
      ) : null}
      <PageHeading focusOnMount={!initial && flash === null}>Security incidents</PageHeading>
      <p className="govuk-body">Loss, theft and damage reports (Acceptable Use Policy 8.2) that are still open, oldest first.</p>
      <div className="govuk-button-group">
        <ButtonLink href={href(paths.suspensions())} variant="secondary">
          Phone suspension queue
        </ButtonLink>
      </div>
      {overdue === 0 ? null : (
        <WarningText>
          {formatCount(overdue, 'phone was', 'phones were')} reported more than 24 hours ago and {overdue === 1 ? 'is' : 'are'} still not suspended.
        </WarningText>
      )}
      {open.status === 'loading' ? <p className="govuk-body">Loading security incidents…</p> : null}
      {open.status === 'ok' && open.value.items.length === 0 ? <p className="govuk-body">No open security incidents.</p> : null}
      {open.status === 'ok' && open.value.items.length > 0 ? (
        <IncidentTable caption={formatCount(open.value.total, 'open incident', 'open incidents')} items={open.value.items} />
      ) : null}
    </>
  );
}
