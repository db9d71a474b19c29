import type { IncidentDetail } from '../../src-shared/api/incident-queries';
import { ASSET_TYPES } from '../../src-shared/domain/asset';
import { LOSS_KINDS } from '../../src-shared/domain/loss-report';
import { INCIDENT_OUTCOMES, INCIDENT_STATUSES, RECOVERED_TO } from '../../src-shared/domain/security-incident';
import { useQuery } from '../api/use-query';
import { ButtonLink } from '../components/ButtonLink';
import { Button } from '../components/Govuk';
import { NotificationBanner } from '../components/NotificationBanner';
import { PageHeading } from '../components/PageHeading';
import { Loading, QueryProblem } from '../components/QueryProblem';
import { Tag } from '../components/StatusTag';
import { SummaryList, type SummaryRow } from '../components/SummaryList';
import { Timeline } from '../components/Timeline';
import { formatDate, formatMoment, formatPounds } from '../format';
import { usePageTitle } from '../hooks/use-page-title';
import { byline, describeAge, INCIDENT_EVENT_TITLES } from '../incidents/incident-words';
import { ReportAccounts } from '../incidents/ReportAccounts';
import { SuspensionPanel } from '../incidents/SuspensionPanel';
import { href, paths, useParam, useRoute } from '../router';

function link(path: string, text: string) {
  return (
    <a className="govuk-link" href={href(path)}>
      {text}
    </a>
  );
}

function outcomeText({ incident }: IncidentDetail): string {
  switch (incident.outcome) {
    case 'recovered':
      return `Recovered on ${formatDate(incident.recoveredOn ?? '')}: ${RECOVERED_TO[incident.recoveredTo ?? 'in_stock'].toLowerCase()}`;
    case 'replaced':
      return `Replaced by ${incident.replacementAssetTag ?? 'an asset not on this desktop'}`;
    case 'written_off':
      return `Written off at ${formatPounds(incident.writeOffValuePence ?? 0)}: ${incident.writeOffReason ?? ''}`;
    case null:
      return '';
  }
}

function summaryRows(detail: IncidentDetail): SummaryRow[] {
  const { incident, asset } = detail;
  const rows: SummaryRow[] = [
    { key: 'Asset', value: <>{asset === null ? incident.assetTag : link(paths.asset(asset.id), incident.assetTag)} ({ASSET_TYPES[incident.assetType]}{asset === null ? '' : `: ${asset.model}`})</> },
    { key: 'What happened', value: `${LOSS_KINDS[incident.kind]} on ${formatDate(incident.occurredOn)}` },
    { key: 'Held by', value: incident.personId === null ? 'No one' : link(paths.person(incident.personId), incident.personName ?? 'Someone not on this desktop') },
    { key: 'Line manager', value: incident.lineManagerName ?? (incident.lineManagerId === null ? 'None recorded' : 'Not on this desktop') },
    { key: 'Opened', value: `${formatMoment(incident.openedAt)}${incident.status === 'open' ? ` (${describeAge(detail.ageHours)} ago)` : ''}` },
    { key: 'Status', value: <Tag colour={incident.status === 'open' ? 'red' : 'grey'}>{INCIDENT_STATUSES[incident.status]}</Tag> },
  ];
  if (incident.outcome !== null) {
    rows.push(
      { key: 'Outcome', value: `${INCIDENT_OUTCOMES[incident.outcome]}. ${outcomeText(detail)}` },
      { key: 'Cost recovery', value: incident.costRecovery === 'yes' ? 'Yes: the cost is to be recovered from the holder' : 'No' },
      { key: 'Closed', value: `${formatMoment(incident.closedAt ?? '')} ${byline(incident.closedByName)}` },
    );
  }
  return rows;
}

function IncidentDetails({ detail }: { readonly detail: IncidentDetail }) {
  const { flash, initial } = useRoute();
  const { incident, timeline } = detail;
  usePageTitle(`${incident.reference} – Security incidents`);
  return (
    <>
      {flash === null ? null : <NotificationBanner type="success" heading={flash} autoFocus />}
      <span className="govuk-caption-l">Security incident</span>
      <PageHeading focusOnMount={!initial && flash === null}>{incident.reference}</PageHeading>
      <div className="govuk-button-group app-no-print">
        {incident.status === 'open' ? <ButtonLink href={href(paths.closeIncident(incident.id))}>Close incident</ButtonLink> : null}
        <Button
          variant="secondary"
          onClick={() => {
            window.print();
          }}
        >
          Print or save as PDF
        </Button>
      </div>
      <SummaryList rows={summaryRows(detail)} />
      <SuspensionPanel detail={detail} />
      <ReportAccounts reports={detail.reports} />
      <h2 className="govuk-heading-m">Timeline</h2>
      <Timeline
        items={timeline.map((entry) => ({
          id: entry.id,
          title: INCIDENT_EVENT_TITLES[entry.event],
          byline: byline(entry.actorName),
          at: entry.at,
          atText: formatMoment(entry.at),
          description: entry.note === null ? undefined : <p className="govuk-body app-preserve-lines">{entry.note}</p>,
        }))}
      />
      <p className="govuk-body app-no-print">
        <a className="govuk-link" href={href(paths.incidents())}>
          Back to security incidents
        </a>
      </p>
    </>
  );
}

/** One security incident (`#/incidents/:id`): what was reported, by whom, the phone suspension and the timeline. */
export function IncidentPage() {
  const id = useParam('id');
  const { initial } = useRoute();
  const detail = useQuery('incident.get', { id });
  if (detail.status === 'loading') return <Loading what="the security incident" />;
  if (detail.status === 'error') return <QueryProblem error={detail.error} what="security incident" focusOnMount={!initial} />;
  return <IncidentDetails detail={detail.value} />;
}
