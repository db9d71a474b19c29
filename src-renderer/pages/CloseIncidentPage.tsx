import { useMemo } from 'react';
import type { IncidentDetail } from '../../src-shared/api/incident-queries';
import { poundsToPence } from '../../src-shared/domain/money';
import { CLOSE_TEXT_MAX, INCIDENT_OUTCOMES, incidentCloseArgs, RECOVERED_TO } from '../../src-shared/domain/security-incident';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { RadiosField } from '../components/ChoiceFields';
import { DateInputField } from '../components/DateInputField';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormButtons } from '../components/FormButtons';
import { BackLink } from '../components/Govuk';
import { NotificationBanner } from '../components/NotificationBanner';
import { PageHeading } from '../components/PageHeading';
import { Loading, QueryProblem } from '../components/QueryProblem';
import { TextareaField } from '../components/TextareaField';
import { TextField } from '../components/TextField';
import { combineDateParts, EMPTY_DATE, todayInUk, type DateParts } from '../forms/date-parts';
import { preparedResolver } from '../forms/prepared-resolver';
import { useGovukForm } from '../forms/use-govuk-form';
import { usePageTitle } from '../hooks/use-page-title';
import { href, navigate, paths, useParam, useRoute } from '../router';

interface CloseValues {
  outcome: string | null;
  recoveredOn: DateParts;
  recoveredTo: string | null;
  replacementAssetTag: string;
  /** Pounds as typed; sent as pence under the same name, so the server's errors land on this field. */
  writeOffValuePence: string;
  writeOffReason: string;
  costRecovery: string | null;
  note: string;
}

const FIELDS = ['outcome', 'recoveredOn', 'recoveredTo', 'replacementAssetTag', 'writeOffValuePence', 'writeOffReason', 'costRecovery', 'note'] as const;

/** Only the chosen outcome's fields go to the shared schema; the date boxes and the pounds are converted first. */
function closeResolver(incidentId: string, occurredOn: string) {
  return preparedResolver(incidentCloseArgs, (values: CloseValues) => {
    const errors: Record<string, string> = {};
    const base = { incidentId, outcome: values.outcome ?? undefined, costRecovery: values.costRecovery ?? undefined, note: values.note };
    switch (values.outcome) {
      case 'recovered': {
        const date = combineDateParts(values.recoveredOn, 'date it was recovered', { required: true });
        if (!date.ok) errors.recoveredOn = date.message;
        else if ((date.value ?? '') > todayInUk()) errors.recoveredOn = 'The date it was recovered cannot be in the future';
        else if ((date.value ?? '') < occurredOn) errors.recoveredOn = `The date it was recovered cannot be before the date it happened (${occurredOn})`;
        return { values: { ...base, recoveredOn: date.ok ? (date.value ?? '') : '', recoveredTo: values.recoveredTo ?? undefined }, errors };
      }
      case 'replaced':
        return { values: { ...base, replacementAssetTag: values.replacementAssetTag }, errors };
      case 'written_off': {
        const text = values.writeOffValuePence.trim();
        const pence = text === '' ? undefined : poundsToPence(text);
        if (pence === null) errors.writeOffValuePence = 'Enter the value written off in pounds and pence, like 449.99';
        return { values: { ...base, writeOffValuePence: pence ?? undefined, writeOffReason: values.writeOffReason }, errors };
      }
      default:
        return { values: base, errors };
    }
  });
}

function CloseForm({ detail }: { readonly detail: IncidentDetail }) {
  const api = useApi();
  const { initial } = useRoute();
  const { incident } = detail;
  const resolver = useMemo(() => closeResolver(incident.id, incident.occurredOn), [incident.id, incident.occurredOn]);
  const form = useGovukForm({
    resolver,
    defaultValues: {
      outcome: null,
      recoveredOn: EMPTY_DATE,
      recoveredTo: null,
      replacementAssetTag: '',
      writeOffValuePence: '',
      writeOffReason: '',
      costRecovery: null,
      note: '',
    },
    fields: FIELDS,
    save: (values) => api.call('incident.close', values),
    onSaved: () => {
      navigate(paths.incident(incident.id), { flash: `Security incident ${incident.reference} closed` });
    },
  });
  const title = `Close security incident ${incident.reference}`;
  usePageTitle(title, form.summaryErrors.length > 0);
  const outcome = form.watch('outcome');
  const closed = incident.status === 'closed' ? `Security incident ${incident.reference} is already closed` : null;

  return (
    <>
      <BackLink href={href(paths.incident(incident.id))}>Back to {incident.reference}</BackLink>
      <ErrorSummary errors={form.summaryErrors} focusRequest={form.summaryFocusRequest} />
      {closed === null ? null : <NotificationBanner type="important" heading={closed} />}
      <span className="govuk-caption-l">
        {incident.assetTag}, held by {incident.personName ?? 'no one'}
      </span>
      <PageHeading focusOnMount={!initial}>{title}</PageHeading>
      {closed === null ? (
        <form noValidate onSubmit={form.onSubmit}>
          <RadiosField
            legend="What was the outcome?"
            legendClass="govuk-fieldset__legend--m"
            choices={Object.entries(INCIDENT_OUTCOMES).map(([value, label]) => ({ value, label }))}
            {...form.field('outcome')}
          />
          {outcome === 'recovered' ? (
            <div className="app-conditional-reveal" id="recovered-details">
              <DateInputField
                id="recoveredOn"
                legend="When was it recovered?"
                legendClass="govuk-fieldset__legend--s"
                hint="For example, 27 3 2026"
                parts={{ day: form.register('recoveredOn.day'), month: form.register('recoveredOn.month'), year: form.register('recoveredOn.year') }}
                error={form.error('recoveredOn')}
              />
              <RadiosField
                legend="Where does it go now?"
                legendClass="govuk-fieldset__legend--s"
                choices={Object.entries(RECOVERED_TO).map(([value, label]) => ({ value, label }))}
                {...form.field('recoveredTo')}
              />
            </div>
          ) : null}
          {outcome === 'replaced' ? (
            <div className="app-conditional-reveal" id="replaced-details">
              <TextField
                label="Asset tag of the replacement"
                hint="The old asset is retired and linked to the new one"
                autoComplete="off"
                spellCheck={false}
                widthClass="govuk-input--width-20"
                {...form.field('replacementAssetTag')}
              />
            </div>
          ) : null}
          {outcome === 'written_off' ? (
            <div className="app-conditional-reveal" id="written-off-details">
              <TextField
                label="Value written off, in pounds"
                hint="For example, 449.99"
                autoComplete="off"
                spellCheck={false}
                inputMode="decimal"
                widthClass="govuk-input--width-10"
                prefix="£"
                {...form.field('writeOffValuePence')}
              />
              <TextareaField label="Reason for writing it off" rows={3} maxLength={CLOSE_TEXT_MAX.writeOffReason} {...form.field('writeOffReason')} />
            </div>
          ) : null}
          <RadiosField
            legend="Should the cost be recovered from the holder?"
            legendClass="govuk-fieldset__legend--s"
            hint="Only where the loss or damage was the holder’s fault (Acceptable Use Policy 8.4)"
            inline
            choices={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
            {...form.field('costRecovery')}
          />
          <TextareaField label="Note (optional)" rows={3} maxLength={CLOSE_TEXT_MAX.note} {...form.field('note')} />
          <FormButtons submitLabel="Close incident" isSubmitting={form.isSubmitting} cancelHref={href(paths.incident(incident.id))} />
        </form>
      ) : null}
    </>
  );
}

/** Close a security incident with its outcome (`#/incidents/:id/close`). */
export function CloseIncidentPage() {
  const id = useParam('id');
  const { initial } = useRoute();
  const detail = useQuery('incident.get', { id });
  if (detail.status === 'loading') return <Loading what="the security incident" />;
  if (detail.status === 'error') return <QueryProblem error={detail.error} what="security incident" focusOnMount={!initial} />;
  return <CloseForm detail={detail.value} />;
}
