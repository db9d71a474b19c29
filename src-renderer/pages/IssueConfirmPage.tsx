import { useMemo } from 'react';
import { z } from 'zod';
import type { AssetDetail } from '../../src-shared/api/asset-queries';
import type { PersonDetail } from '../../src-shared/api/person-queries';
import { CURRENT_AUP_VERSION } from '../../src-shared/domain/policy';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { AupSummary } from '../components/AupSummary';
import { ConfirmCheckbox } from '../components/ChoiceFields';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormButtons } from '../components/FormButtons';
import { BackLink, WarningText } from '../components/Govuk';
import { NotificationBanner } from '../components/NotificationBanner';
import { PageHeading } from '../components/PageHeading';
import { Loading, QueryProblem } from '../components/QueryProblem';
import { SummaryList } from '../components/SummaryList';
import { TextareaField } from '../components/TextareaField';
import { looseResolver } from '../forms/prepared-resolver';
import { useGovukForm } from '../forms/use-govuk-form';
import { usePageTitle } from '../hooks/use-page-title';
import { refusalFor } from '../lifecycle/refusal';
import { AupStatusText, TrainingStatusText, trainingLapseDescription } from '../people/person-status';
import { href, navigate, paths, useParam, useRoute } from '../router';

const REASON_MAX = 500;

interface ConfirmValues {
  aupConfirmed: boolean;
  trainingLapseReason: string;
}

function confirmSchema(name: string, lapsed: boolean) {
  return z.object({
    aupConfirmed: z.literal(true, { error: `Confirm that ${name} has read and accepts the Acceptable Use Policy` }),
    trainingLapseReason: lapsed
      ? z
          .string()
          .trim()
          .min(1, { error: 'Enter the reason for issuing with lapsed training' })
          .max(REASON_MAX, { error: `The reason must be ${String(REASON_MAX)} characters or fewer` })
      : z.string(),
  });
}

/**
 * Issue, step 2: the person's AUP and training status, the AUP they confirm (AUP 1.1), and, when their annual
 * security training has lapsed (AUP 1.8), the reason for issuing anyway. Submitting issues the asset.
 */
function ConfirmIssue({ asset: detail, person: personDetail }: { readonly asset: AssetDetail; readonly person: PersonDetail }) {
  const api = useApi();
  const { initial } = useRoute();
  const { asset } = detail;
  const { person, trainingLapsed } = personDetail;
  const resolver = useMemo(() => looseResolver<ConfirmValues, ReturnType<typeof confirmSchema>>(confirmSchema(person.name, trainingLapsed)), [person.name, trainingLapsed]);
  const form = useGovukForm({
    resolver,
    defaultValues: { aupConfirmed: false, trainingLapseReason: '' },
    fields: ['aupConfirmed', 'trainingLapseReason'],
    save: (values) =>
      api.call('asset.issue', {
        assetId: asset.id,
        personId: person.id,
        aupVersion: CURRENT_AUP_VERSION,
        aupConfirmed: true,
        trainingLapseReason: trainingLapsed ? values.trainingLapseReason : null,
      }),
    onSaved: () => {
      navigate(paths.asset(asset.id), { flash: `${asset.assetTag} issued to ${person.name}` });
    },
  });
  usePageTitle(`Issue ${asset.assetTag}: confirm the Acceptable Use Policy`, form.summaryErrors.length > 0);
  const refusal = person.status === 'left' ? `${person.name} has left, so cannot be issued equipment` : refusalFor('issue', detail);

  return (
    <>
      <BackLink href={href(paths.issue(asset.id))}>Back to choosing the person</BackLink>
      <ErrorSummary errors={form.summaryErrors} focusRequest={form.summaryFocusRequest} />
      {refusal === null ? null : <NotificationBanner type="important" heading={refusal} />}
      <span className="govuk-caption-l">
        Issue {asset.assetTag} ({asset.model}) to {person.name}
      </span>
      <PageHeading focusOnMount={!initial}>Confirm the Acceptable Use Policy</PageHeading>
      <SummaryList
        rows={[
          {
            key: 'Person',
            value: (
              <a className="govuk-link" href={href(paths.person(person.id))}>
                {person.name} ({person.staffNumber})
              </a>
            ),
          },
          { key: 'Acceptable Use Policy', value: <AupStatusText aup={personDetail.aup} /> },
          { key: 'Security training', value: <TrainingStatusText detail={personDetail} /> },
        ]}
      />
      {refusal === null ? (
        <form noValidate onSubmit={form.onSubmit}>
          <p className="govuk-body">
            Show {person.name} the policy and ask them to read it before they take the equipment. Their confirmation is recorded with
            this issue.
          </p>
          <AupSummary />
          <ConfirmCheckbox
            label={`${person.name} has read and accepts the Acceptable Use Policy version ${CURRENT_AUP_VERSION}`}
            {...form.field('aupConfirmed')}
          />
          {trainingLapsed ? (
            <>
              <WarningText>
                {person.name}’s annual security training has lapsed: {trainingLapseDescription(person.trainingCompletedOn)}. The policy (1.8)
                makes it mandatory every year.
              </WarningText>
              <TextareaField
                label="Reason for issuing with lapsed training"
                labelClass="govuk-label--s"
                hint="This is recorded in the asset’s history. For example, training booked for next week; the laptop is needed for it"
                rows={3}
                maxLength={REASON_MAX}
                {...form.field('trainingLapseReason')}
              />
            </>
          ) : null}
          <FormButtons submitLabel="Issue asset" isSubmitting={form.isSubmitting} cancelHref={href(paths.asset(asset.id))} />
        </form>
      ) : null}
    </>
  );
}

export function IssueConfirmPage() {
  const id = useParam('id');
  const personId = useParam('personId');
  const { initial } = useRoute();
  const asset = useQuery('asset.get', { id });
  const person = useQuery('person.get', { id: personId });
  if (asset.status === 'error') return <QueryProblem error={asset.error} what="asset" focusOnMount={!initial} />;
  if (person.status === 'error') return <QueryProblem error={person.error} what="person" focusOnMount={!initial} />;
  if (asset.status === 'loading' || person.status === 'loading') return <Loading what="the asset and the person" />;
  return <ConfirmIssue asset={asset.value} person={person.value} />;
}
