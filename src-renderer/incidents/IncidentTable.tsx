import type { IncidentListItem } from '../../src-shared/api/incident-queries';
import { ASSET_TYPES } from '../../src-shared/domain/asset';
import { LOSS_KINDS } from '../../src-shared/domain/loss-report';
import { SUSPENSION_STATUSES } from '../../src-shared/domain/phone-suspension';
import { DataTable, type Column } from '../components/DataTable';
import { Tag } from '../components/StatusTag';
import { formatDate } from '../format';
import { href, paths } from '../router';
import { describeAge, SUSPENSION_COLOURS } from './incident-words';

function suspensionCell(item: IncidentListItem) {
  if (item.suspensionStatus === null) return <span className="app-secondary-text">Not a phone</span>;
  return (
    <>
      <Tag colour={SUSPENSION_COLOURS[item.suspensionStatus]}>{SUSPENSION_STATUSES[item.suspensionStatus]}</Tag>
      {item.suspensionOverdue ? (
        <>
          {' '}
          <Tag colour="red">Not suspended after 24 hours</Tag>
        </>
      ) : null}
    </>
  );
}

const COLUMNS: readonly Column<IncidentListItem>[] = [
  {
    header: 'Reference',
    cell: (item) => (
      <a className="govuk-link" href={href(paths.incident(item.id))}>
        {item.reference}
      </a>
    ),
  },
  { header: 'Asset', cell: (item) => `${item.assetTag} (${ASSET_TYPES[item.assetType]})` },
  { header: 'What happened', cell: (item) => `${LOSS_KINDS[item.kind]} on ${formatDate(item.occurredOn)}` },
  { header: 'Held by', cell: (item) => item.personName ?? '' },
  { header: 'Line manager', cell: (item) => item.lineManagerName ?? '' },
  { header: 'Open for', cell: (item) => describeAge(item.ageHours) },
  { header: 'Phone suspension', cell: suspensionCell },
];

/** Security incidents as a GOV.UK table, oldest first; a phone left unsuspended for over 24 hours is flagged in words. */
export function IncidentTable({ caption, items }: { readonly caption: string; readonly items: readonly IncidentListItem[] }) {
  return <DataTable caption={caption} columns={COLUMNS} rows={items} rowKey={(item) => item.id} />;
}
