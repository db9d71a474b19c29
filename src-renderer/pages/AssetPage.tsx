import type { AssetDetail, AssetHistoryEntry } from '../../src-shared/api/asset-queries';
import { ASSET_TYPES, PHONE_TYPES } from '../../src-shared/domain/asset';
import { FINAL_STATUSES, ASSET_STATUSES, type AssetCommand } from '../../src-shared/domain/asset-lifecycle';
import { LOSS_COMMANDS } from '../../src-shared/domain/loss-report';
import { useQuery } from '../api/use-query';
import { ButtonLink } from '../components/ButtonLink';
import { NotificationBanner } from '../components/NotificationBanner';
import { PageHeading } from '../components/PageHeading';
import { Loading, QueryProblem } from '../components/QueryProblem';
import { StatusTag } from '../components/StatusTag';
import { SummaryList, type SummaryRow } from '../components/SummaryList';
import { Timeline, type TimelineItem } from '../components/Timeline';
import { formatDate, formatMoment, formatPounds } from '../format';
import { AssetIncidents } from '../incidents/AssetIncidents';
import { usePageTitle } from '../hooks/use-page-title';
import { ASSET_ACTIONS, EVENT_TITLES } from '../lifecycle/asset-actions';
import { href, paths, useParam, useRoute } from '../router';

const NOT_RECORDED = <span className="app-secondary-text">Not recorded</span>;

function personLink(id: string | null, name: string | null) {
  if (id === null) return null;
  return (
    <a className="govuk-link" href={href(paths.person(id))}>
      {name ?? 'Unknown person'}
    </a>
  );
}

function detailRows({ asset, history }: AssetDetail): SummaryRow[] {
  const phone = PHONE_TYPES.includes(asset.type);
  const latest = history[0];
  const rows: SummaryRow[] = [
    { key: 'Asset tag', value: asset.assetTag },
    { key: 'Serial number', value: asset.serialNumber },
    { key: 'Type', value: ASSET_TYPES[asset.type] },
    { key: 'Make and model', value: asset.model },
    { key: 'Status', value: <StatusTag status={asset.status} /> },
    { key: 'Held by', value: asset.holderId === null ? 'No one' : personLink(asset.holderId, asset.holderName) },
  ];
  if (phone || asset.imei !== null) rows.push({ key: 'IMEI', value: asset.imei ?? NOT_RECORDED });
  if (phone || asset.phoneNumber !== null) rows.push({ key: 'Phone number', value: asset.phoneNumber ?? NOT_RECORDED });
  rows.push(
    { key: 'Purchase date', value: asset.purchaseDate === null ? NOT_RECORDED : formatDate(asset.purchaseDate) },
    { key: 'Purchase value', value: asset.purchaseValuePence === null ? NOT_RECORDED : formatPounds(asset.purchaseValuePence) },
    { key: 'Location', value: asset.location ?? NOT_RECORDED },
    { key: 'Notes', value: asset.notes === null ? NOT_RECORDED : <span className="app-preserve-lines">{asset.notes}</span> },
    {
      key: 'Status last changed',
      value: `${formatMoment(asset.statusChangedAt)}${latest?.actorName ? ` by ${latest.actorName}` : ''}`,
    },
  );
  return rows;
}

function describeEvent(entry: AssetHistoryEntry) {
  const person = personLink(entry.personId, entry.personName);
  const lines = [];
  if (person !== null) {
    lines.push(
      <p key="person" className="govuk-body govuk-!-margin-bottom-1">
        {entry.event === 'issue' ? 'Issued to ' : 'Held by '}
        {person}
      </p>,
    );
  }
  if (entry.fromStatus !== null) {
    lines.push(
      <p key="status" className="govuk-body govuk-!-margin-bottom-1">
        {ASSET_STATUSES[entry.fromStatus]} to {ASSET_STATUSES[entry.toStatus].toLowerCase()}
      </p>,
    );
  }
  if (entry.note !== null) {
    lines.push(
      <p key="note" className="govuk-body app-preserve-lines">
        {entry.note}
      </p>,
    );
  }
  return lines.length === 0 ? undefined : <>{lines}</>;
}

function timelineItems(history: readonly AssetHistoryEntry[]): TimelineItem[] {
  return history.map((entry) => ({
    id: entry.id,
    title: EVENT_TITLES[entry.event],
    byline: entry.actorName === null ? 'recorded on this desktop' : `by ${entry.actorName}`,
    at: entry.at,
    atText: formatMoment(entry.at),
    description: describeEvent(entry),
  }));
}

const LOSS: readonly AssetCommand[] = Object.values(LOSS_COMMANDS);

function Actions({ detail }: { readonly detail: AssetDetail }) {
  const { asset } = detail;
  // AUP 8.2: a loss, theft or damage is one report (asset.reportLoss), which opens the security incident too; the
  // bare lifecycle commands for them are not offered on their own.
  const commands = detail.commands.filter((command) => !LOSS.includes(command) || command === LOSS[0]);
  if (commands.length === 0) {
    return (
      <p className="govuk-body">
        {FINAL_STATUSES.includes(asset.status)
          ? `${asset.assetTag} is ${ASSET_STATUSES[asset.status].toLowerCase()}, which is final: nothing more can be done with it.`
          : 'Nothing can be done with this asset from its current status.'}
      </p>
    );
  }
  return (
    <div className="govuk-button-group">
      {commands.map((command) => {
        if (command === LOSS[0]) {
          return (
            <ButtonLink key={command} href={href(paths.reportLoss(asset.id))} variant="warning">
              Report lost, stolen or damaged
            </ButtonLink>
          );
        }
        if (command === 'issue') {
          return (
            <ButtonLink key={command} href={href(paths.issue(asset.id))}>
              Issue
            </ButtonLink>
          );
        }
        if (command === 'recover' || command === 'recoverForRepair') return null;
        const action = ASSET_ACTIONS[command];
        return (
          <ButtonLink key={command} href={href(paths.assetAction(asset.id, action.slug))} variant={action.warning ? 'warning' : 'secondary'}>
            {action.label}
          </ButtonLink>
        );
      })}
    </div>
  );
}

function AssetDetails({ detail }: { readonly detail: AssetDetail }) {
  const { flash, initial } = useRoute();
  const { asset, history } = detail;
  usePageTitle(`${asset.assetTag} – Assets`);
  return (
    <>
      {flash === null ? null : <NotificationBanner type="success" heading={flash} autoFocus />}
      <span className="govuk-caption-l">
        {ASSET_TYPES[asset.type]}: {asset.model}
      </span>
      <PageHeading focusOnMount={!initial && flash === null}>{asset.assetTag}</PageHeading>
      <p className="govuk-body">
        <StatusTag status={asset.status} />
        {asset.holderId === null ? null : (
          <>
            {' '}
            held by {personLink(asset.holderId, asset.holderName)}
          </>
        )}
      </p>

      <h2 className="govuk-heading-m">Actions</h2>
      <Actions detail={detail} />

      <h2 className="govuk-heading-m">Details</h2>
      <SummaryList rows={detailRows(detail)} />

      <AssetIncidents assetId={asset.id} />

      <h2 className="govuk-heading-m">History</h2>
      {history.length === 0 ? <p className="govuk-body">No history recorded.</p> : <Timeline items={timelineItems(history)} />}
      <p className="govuk-body">
        <a className="govuk-link" href={href(paths.assets())}>
          Back to the asset register
        </a>
      </p>
    </>
  );
}

export function AssetPage() {
  const id = useParam('id');
  const { initial } = useRoute();
  const detail = useQuery('asset.get', { id });
  if (detail.status === 'loading') return <Loading what="the asset" />;
  if (detail.status === 'error') return <QueryProblem error={detail.error} what="asset" focusOnMount={!initial} />;
  return <AssetDetails detail={detail.value} />;
}
