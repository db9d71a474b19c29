import type { IncidentDetail } from '../../src-shared/api/incident-queries';
import { SUSPENSION_STATUSES, type PhoneSuspensionRow } from '../../src-shared/domain/phone-suspension';
import { ButtonLink } from '../components/ButtonLink';
import { WarningText } from '../components/Govuk';
import { Tag } from '../components/StatusTag';
import { SummaryList, type SummaryRow } from '../components/SummaryList';
import { formatMoment } from '../format';
import { href, paths } from '../router';
import { SUSPENSION_COLOURS } from './incident-words';
import { SUSPENSION_STEP_ACTIONS } from './suspension-steps';

function stamp(at: string | null): string | null {
  return at === null ? null : formatMoment(at);
}

function rows(suspension: PhoneSuspensionRow): SummaryRow[] {
  const list: SummaryRow[] = [
    { key: 'Status', value: <Tag colour={SUSPENSION_COLOURS[suspension.status]}>{SUSPENSION_STATUSES[suspension.status]}</Tag> },
    { key: 'Requested', value: formatMoment(suspension.requestedAt) },
  ];
  const suspended = stamp(suspension.suspendedAt);
  if (suspended !== null) list.push({ key: 'Suspended', value: `${suspended}, carrier reference ${suspension.carrierReference ?? ''}` });
  const wipeRequested = stamp(suspension.wipeRequestedAt);
  if (wipeRequested !== null) list.push({ key: 'Remote wipe requested', value: wipeRequested });
  const wipeConfirmed = stamp(suspension.wipeConfirmedAt);
  if (wipeConfirmed !== null) list.push({ key: 'Remote wipe confirmed', value: wipeConfirmed });
  const reinstated = stamp(suspension.reinstatedAt);
  if (reinstated !== null) list.push({ key: 'Reinstated', value: reinstated });
  return list;
}

/** AUP 8.2: the phone's suspension request, its steps so far, and the steps the desk can take now. */
export function SuspensionPanel({ detail }: { readonly detail: IncidentDetail }) {
  const { suspension, suspensionSteps, incident } = detail;
  if (suspension === null) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Phone suspension</h2>
      {detail.suspensionOverdue ? <WarningText>Reported more than 24 hours ago and the phone is still not suspended.</WarningText> : null}
      <SummaryList rows={rows(suspension)} />
      {suspensionSteps.length === 0 ? null : (
        <div className="govuk-button-group app-no-print">
          {suspensionSteps.map((step) => {
            const action = SUSPENSION_STEP_ACTIONS[step];
            return (
              <ButtonLink key={step} href={href(paths.suspensionStep(incident.id, action.slug))} variant={step === 'suspend' ? 'primary' : 'secondary'}>
                {action.label}
              </ButtonLink>
            );
          })}
        </div>
      )}
    </>
  );
}
