import { useMemo } from 'react';
import { z } from 'zod';
import type { PersonDetail } from '../../src-shared/api/person-queries';
import { CURRENT_AUP_VERSION } from '../../src-shared/domain/policy';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { AupSummary } from '../components/AupSummary';
import { ConfirmCheckbox } from '../components/ChoiceFields';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormButtons } from '../components/FormButtons';
import { BackLink } from '../components/Govuk';
import { PageHeading } from '../components/PageHeading';
import { Loading, QueryProblem } from '../components/QueryProblem';
import { looseResolver } from '../forms/prepared-resolver';
import { useGovukForm } from '../forms/use-govuk-form';
import { usePageTitle } from '../hooks/use-page-title';
import { AupStatusText } from '../people/person-status';
import { href, navigate, paths, useParam, useRoute } from '../router';

/** AUP 1.1 outside an issue (a new version was published): the person confirms the current version. */
function RecordAup({ detail }: { readonly detail: PersonDetail }) {
  const api = useApi();
  const { initial } = useRoute();
  const { person, aup } = detail;
  const resolver = useMemo(
    () =>
      looseResolver<{ confirmed: boolean }, z.ZodObject<{ confirmed: z.ZodLiteral<true> }>>(
        z.object({ confirmed: z.literal(true, { error: `Confirm that ${person.name} has read and accepts the Acceptable Use Policy` }) }),
      ),
    [person.name],
  );
  const form = useGovukForm({
    resolver,
    defaultValues: { confirmed: false },
    fields: ['confirmed'],
    save: () => api.call('person.acknowledgeAup', { personId: person.id, policyVersion: CURRENT_AUP_VERSION, confirmed: true }),
    onSaved: () => {
      navigate(paths.person(person.id), { flash: `${person.name} confirmed the Acceptable Use Policy version ${CURRENT_AUP_VERSION}` });
    },
  });
  usePageTitle(`Record AUP confirmation for ${person.name}`, form.summaryErrors.length > 0);
  return (
    <>
      <BackLink href={href(paths.person(person.id))}>Back to {person.name}</BackLink>
      <ErrorSummary errors={form.summaryErrors} focusRequest={form.summaryFocusRequest} />
      <span className="govuk-caption-l">{person.name}</span>
      <PageHeading focusOnMount={!initial}>Record AUP confirmation</PageHeading>
      <p className="govuk-body">
        <AupStatusText aup={aup} />
      </p>
      <form noValidate onSubmit={form.onSubmit}>
        <AupSummary />
        <ConfirmCheckbox
          label={`${person.name} has read and accepts the Acceptable Use Policy version ${CURRENT_AUP_VERSION}`}
          {...form.field('confirmed')}
        />
        <FormButtons submitLabel="Record confirmation" isSubmitting={form.isSubmitting} cancelHref={href(paths.person(person.id))} />
      </form>
    </>
  );
}

export function PersonAupPage() {
  const id = useParam('id');
  const { initial } = useRoute();
  const detail = useQuery('person.get', { id });
  if (detail.status === 'loading') return <Loading what="the person" />;
  if (detail.status === 'error') return <QueryProblem error={detail.error} what="person" focusOnMount={!initial} />;
  return <RecordAup detail={detail.value} />;
}
