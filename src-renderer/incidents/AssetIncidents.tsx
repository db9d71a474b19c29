import { LOSS_KINDS } from '../../src-shared/domain/loss-report';
import { INCIDENT_STATUSES } from '../../src-shared/domain/security-incident';
import { useQuery } from '../api/use-query';
import { formatDate } from '../format';
import { href, paths } from '../router';

/** The security incidents about one asset, for its page: each a link to the incident's own page. Nothing when none. */
export function AssetIncidents({ assetId }: { readonly assetId: string }) {
  const incidents = useQuery('incident.list', { status: 'all', assetId });
  if (incidents.status !== 'ok' || incidents.value.items.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Security incidents</h2>
      <ul className="govuk-list">
        {incidents.value.items.map((incident) => (
          <li key={incident.id}>
            <a className="govuk-link" href={href(paths.incident(incident.id))}>
              {incident.reference}
            </a>
            : {LOSS_KINDS[incident.kind].toLowerCase()} on {formatDate(incident.occurredOn)} ({INCIDENT_STATUSES[incident.status].toLowerCase()})
          </li>
        ))}
      </ul>
    </>
  );
}
