import { z } from 'zod';
import type { PersonDetail } from '../../src-shared/api/person-queries';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { DateInputField } from '../components/DateInputField';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormButtons } from '../components/FormButtons';
import { BackLink } from '../components/Govuk';
import { PageHeading } from '../components/PageHeading';
import { Loading, QueryProblem } from '../components/QueryProblem';
import { EMPTY_DATE, combineDateParts, todayInUk, type DateParts } from '../forms/date-parts';
import { preparedResolver } from '../forms/prepared-resolver';
import { useGovukForm } from '../forms/use-govuk-form';
import { usePageTitle } from '../hooks/use-page-title';
import { TrainingStatusText } from '../people/person-status';
import { href, navigate, paths, useParam, useRoute } from '../router';

const resolver = preparedResolver(z.object({ completedOn: z.string() }), ({ completedOn }: { completedOn: DateParts }) => {
  const date = combineDateParts(completedOn, 'date the training was completed', { required: true });
  const errors: Record<string, string> = {};
  if (!date.ok) errors.completedOn = date.message;
  const value = date.ok ? (date.value ?? '') : '';
  if (value > todayInUk()) errors.completedOn = 'The date the training was completed must be today or in the past';
  return { values: { completedOn: value }, errors };
});

/** AUP 1.8: records the date the person completed the annual security e-learning (`person.recordTraining`). */
function RecordTraining({ detail }: { readonly detail: PersonDetail }) {
  const api = useApi();
  const { initial } = useRoute();
  const { person } = detail;
  const form = useGovukForm({
    resolver,
    defaultValues: { completedOn: EMPTY_DATE },
    fields: ['completedOn'],
    save: ({ completedOn }) => api.call('person.recordTraining', { personId: person.id, completedOn }),
    onSaved: () => {
      navigate(paths.person(person.id), { flash: `Security training recorded for ${person.name}` });
    },
  });
  usePageTitle(`Record security training for ${person.name}`, form.summaryErrors.length > 0);
  return (
    <>
      <BackLink href={href(paths.person(person.id))}>Back to {person.name}</BackLink>
      <ErrorSummary errors={form.summaryErrors} focusRequest={form.summaryFocusRequest} />
      <span className="govuk-caption-l">{person.name}</span>
      <PageHeading focusOnMount={!initial}>Record security training</PageHeading>
      <p className="govuk-body">
        <TrainingStatusText detail={detail} />
      </p>
      <form noValidate onSubmit={form.onSubmit}>
        <DateInputField
          id="completedOn"
          legend={`When did ${person.name} complete the annual security e-learning?`}
          legendClass="govuk-fieldset__legend--m"
          hint={`For example, ${todayInUk().split('-').reverse().map(Number).join(' ')}`}
          parts={{
            day: form.register('completedOn.day'),
            month: form.register('completedOn.month'),
            year: form.register('completedOn.year'),
          }}
          error={form.error('completedOn')}
        />
        <FormButtons submitLabel="Record training" isSubmitting={form.isSubmitting} cancelHref={href(paths.person(person.id))} />
      </form>
    </>
  );
}

export function PersonTrainingPage() {
  const id = useParam('id');
  const { initial } = useRoute();
  const detail = useQuery('person.get', { id });
  if (detail.status === 'loading') return <Loading what="the person" />;
  if (detail.status === 'error') return <QueryProblem error={detail.error} what="person" focusOnMount={!initial} />;
  return <RecordTraining detail={detail.value} />;
}
