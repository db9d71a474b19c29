import { useMemo } from 'react';
import type { AssetDetail } from '../../src-shared/api/asset-queries';
import type { IncidentListItem } from '../../src-shared/api/incident-queries';
import { ASSET_TYPES, PHONE_TYPES } from '../../src-shared/domain/asset';
import { LOSS_KINDS, lossReportFormSchema, REPORT_TEXT_MAX, UNLOCKED_ANSWERS } from '../../src-shared/domain/loss-report';
import { newId } from '../../src-shared/ids';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { RadiosField } from '../components/ChoiceFields';
import { DateInputField } from '../components/DateInputField';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormButtons } from '../components/FormButtons';
import { BackLink, InsetText } from '../components/Govuk';
import { NotificationBanner } from '../components/NotificationBanner';
import { PageHeading } from '../components/PageHeading';
import { Loading, QueryProblem } from '../components/QueryProblem';
import { StatusTag } from '../components/StatusTag';
import { TextareaField } from '../components/TextareaField';
import { TextField } from '../components/TextField';
import { combineDateParts, EMPTY_DATE, todayInUk, type DateParts } from '../forms/date-parts';
import { preparedResolver } from '../forms/prepared-resolver';
import { useGovukForm } from '../forms/use-govuk-form';
import { usePageTitle } from '../hooks/use-page-title';
import { refusalFor } from '../lifecycle/refusal';
import { href, navigate, paths, useParam, useRoute } from '../router';

interface ReportValues {
  kind: string | null;
  occurredOn: DateParts;
  location: string;
  circumstances: string;
  policeReference: string;
  policeNotReportedReason: string;
  deviceUnlocked: string | null;
}

const FIELDS = ['kind', 'occurredOn', 'location', 'circumstances', 'policeReference', 'policeNotReportedReason', 'deviceUnlocked'] as const;

/** The form's values in the shared schema's shape: the date boxes combined (not in the future), police details only for a theft. */
const resolver = preparedResolver(lossReportFormSchema, ({ occurredOn, ...values }: ReportValues) => {
  const date = combineDateParts(occurredOn, 'date it happened', { required: true });
  const errors: Record<string, string> = {};
  if (!date.ok) errors.occurredOn = date.message;
  else if ((date.value ?? '') > todayInUk()) errors.occurredOn = 'The date it happened cannot be in the future';
  const stolen = values.kind === 'stolen';
  return {
    values: {
      ...values,
      occurredOn: date.ok ? (date.value ?? '') : '',
      policeReference: stolen ? values.policeReference : '',
      policeNotReportedReason: stolen ? values.policeNotReportedReason : '',
    },
    errors,
  };
});

function ReportForm({ detail, openIncident }: { readonly detail: AssetDetail; readonly openIncident: IncidentListItem | undefined }) {
  const api = useApi();
  const { initial } = useRoute();
  const { asset } = detail;
  // Made once per visit: the report keeps this id everywhere, so the page can find its incident after saving.
  const reportId = useMemo(() => newId(), []);
  const form = useGovukForm({
    resolver,
    defaultValues: {
      kind: null,
      occurredOn: EMPTY_DATE,
      location: '',
      circumstances: '',
      policeReference: '',
      policeNotReportedReason: '',
      deviceUnlocked: null,
    },
    fields: FIELDS,
    save: (values) => api.call('asset.reportLoss', { id: reportId, assetId: asset.id, ...values }),
    onSaved: () => {
      void api.call('incident.get', { reportId }).then((found) => {
        if (!found.ok) {
          navigate(paths.asset(asset.id), { flash: `Report of ${asset.assetTag} submitted` });
          return;
        }
        const { incident, reports } = found.value;
        const joined = reports[0]?.id !== reportId;
        navigate(paths.incident(incident.id), {
          flash: joined ? `Report added to security incident ${incident.reference}` : `Report submitted: security incident ${incident.reference} opened`,
        });
      });
    },
  });
  const title = `Report ${asset.assetTag} lost, stolen or damaged`;
  usePageTitle(title, form.summaryErrors.length > 0);
  const refusal = openIncident === undefined ? refusalFor('markLost', detail) : null;
  const phone = PHONE_TYPES.includes(asset.type);
  const stolen = form.watch('kind') === 'stolen';

  return (
    <>
      <BackLink href={href(paths.asset(asset.id))}>Back to {asset.assetTag}</BackLink>
      <ErrorSummary errors={form.summaryErrors} focusRequest={form.summaryFocusRequest} />
      {refusal === null ? null : <NotificationBanner type="important" heading={refusal} />}
      <span className="govuk-caption-l">
        {ASSET_TYPES[asset.type]}: {asset.model}
      </span>
      <PageHeading focusOnMount={!initial}>{title}</PageHeading>
      <p className="govuk-body">
        <StatusTag status={asset.status} />
        {asset.holderName === null ? null : ` held by ${asset.holderName}`}
      </p>
      {openIncident === undefined ? (
        <InsetText>
          The Acceptable Use Policy (8.2) says a loss, theft or damage must be reported at once. This report opens a security incident and
          tells the holder’s line manager{phone ? '; the phone’s suspension is requested from the IT service desk' : ''}.
        </InsetText>
      ) : (
        <InsetText>
          {asset.assetTag} is already reported in security incident{' '}
          <a className="govuk-link" href={href(paths.incident(openIncident.id))}>
            {openIncident.reference}
          </a>
          . Your report will be added to it.
        </InsetText>
      )}
      {refusal === null ? (
        <form noValidate onSubmit={form.onSubmit}>
          <RadiosField
            legend="What happened to it?"
            legendClass="govuk-fieldset__legend--m"
            choices={Object.entries(LOSS_KINDS).map(([value, label]) => ({ value, label }))}
            {...form.field('kind')}
          />
          {stolen ? (
            <div className="app-conditional-reveal" id="police-details">
              <TextField
                label="Police crime reference number"
                hint="Leave blank if it has not been reported to the police yet"
                autoComplete="off"
                spellCheck={false}
                widthClass="govuk-input--width-20"
                {...form.field('policeReference')}
              />
              <TextareaField
                label="If not reported to the police yet, why not"
                rows={2}
                maxLength={REPORT_TEXT_MAX.policeNotReportedReason}
                {...form.field('policeNotReportedReason')}
              />
            </div>
          ) : null}
          <DateInputField
            id="occurredOn"
            legend="When did it happen?"
            legendClass="govuk-fieldset__legend--s"
            hint="Or when it was last seen. For example, 27 3 2026"
            parts={{ day: form.register('occurredOn.day'), month: form.register('occurredOn.month'), year: form.register('occurredOn.year') }}
            error={form.error('occurredOn')}
          />
          <TextField label="Where did it happen?" hint="For example, on the 17:05 train from Leeds to York" autoComplete="off" {...form.field('location')} />
          <TextareaField
            label="What were the circumstances?"
            hint="What happened, when you noticed, and anything that could help find it"
            rows={4}
            maxLength={REPORT_TEXT_MAX.circumstances}
            {...form.field('circumstances')}
          />
          <RadiosField
            legend="Was the device left logged in or unlocked?"
            legendClass="govuk-fieldset__legend--s"
            hint="If it was, a remote wipe may be needed"
            inline
            choices={Object.entries(UNLOCKED_ANSWERS).map(([value, label]) => ({ value, label }))}
            {...form.field('deviceUnlocked')}
          />
          <FormButtons submitLabel="Submit report" isSubmitting={form.isSubmitting} cancelHref={href(paths.asset(asset.id))} />
        </form>
      ) : null}
    </>
  );
}

/** AUP 8.2: report an asset lost, stolen or damaged (`#/assets/:id/report`), in one mutator (asset.reportLoss). */
export function ReportLossPage() {
  const id = useParam('id');
  const { initial } = useRoute();
  const detail = useQuery('asset.get', { id });
  const open = useQuery('incident.list', { status: 'open', assetId: id });
  if (detail.status === 'error') return <QueryProblem error={detail.error} what="asset" focusOnMount={!initial} />;
  if (open.status === 'error') return <QueryProblem error={open.error} what="asset’s security incidents" focusOnMount={!initial} />;
  if (detail.status === 'loading' || open.status === 'loading') return <Loading what="the asset" />;
  return <ReportForm detail={detail.value} openIncident={open.value.items[0]} />;
}
