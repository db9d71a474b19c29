import type { SuspensionQueueItem } from '../../src-shared/api/incident-queries';
import { SUSPENSION_STATUSES } from '../../src-shared/domain/phone-suspension';
import { useQuery } from '../api/use-query';
import { DataTable, type Column } from '../components/DataTable';
import { BackLink } from '../components/Govuk';
import { NotificationBanner } from '../components/NotificationBanner';
import { PageHeading } from '../components/PageHeading';
import { Tag } from '../components/StatusTag';
import { formatCount } from '../format';
import { usePageTitle } from '../hooks/use-page-title';
import { describeAge, SUSPENSION_COLOURS } from '../incidents/incident-words';
import { href, paths, useRoute } from '../router';

const COLUMNS: readonly Column<SuspensionQueueItem>[] = [
  {
    header: 'Incident',
    cell: (item) => (
      <a className="govuk-link" href={href(paths.incident(item.incidentId))}>
        {item.reference}
      </a>
    ),
  },
  { header: 'Phone', cell: (item) => `${item.assetTag}${item.model === null ? '' : ` (${item.model})`}` },
  { header: 'Number', cell: (item) => item.phoneNumber ?? '' },
  { header: 'IMEI', cell: (item) => item.imei ?? '' },
  { header: 'Held by', cell: (item) => item.personName ?? '' },
  {
    header: 'Status',
    cell: (item) => (
      <>
        <Tag colour={SUSPENSION_COLOURS[item.status]}>{SUSPENSION_STATUSES[item.status]}</Tag>
        {item.overdue ? (
          <>
            {' '}
            <Tag colour="red">Not suspended after 24 hours</Tag>
          </>
        ) : null}
      </>
    ),
  },
  { header: 'Requested', cell: (item) => `${describeAge(item.ageHours)} ago` },
];

/**
 * The IT service desk's phone suspension queue (AUP 8.2, `#/suspensions`): requests waiting for the desk first, then
 * phones suspended or wiped whose incident is still open. Each step is taken on the incident's page.
 */
export function SuspensionQueuePage() {
  const { initial } = useRoute();
  const queue = useQuery('suspension.queue', {});
  usePageTitle('Phone suspension queue');
  return (
    <>
      <BackLink href={href(paths.incidents())}>Back to security incidents</BackLink>
      <PageHeading focusOnMount={!initial}>Phone suspension queue</PageHeading>
      {queue.status === 'error' ? (
        <NotificationBanner type="important" heading="The suspension queue could not be loaded">
          <p className="govuk-body">{queue.error.message}</p>
        </NotificationBanner>
      ) : null}
      {queue.status === 'loading' ? <p className="govuk-body">Loading the suspension queue…</p> : null}
      {queue.status === 'ok' && queue.value.items.length === 0 ? <p className="govuk-body">No phones waiting for suspension.</p> : null}
      {queue.status === 'ok' && queue.value.items.length > 0 ? (
        <DataTable caption={formatCount(queue.value.total, 'phone', 'phones')} columns={COLUMNS} rows={queue.value.items} rowKey={(item) => item.id} />
      ) : null}
    </>
  );
}
