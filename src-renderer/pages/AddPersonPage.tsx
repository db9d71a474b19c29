import { zodResolver } from '@hookform/resolvers/zod';
import type { PersonListItem } from '../../src-shared/api/queries';
import { personFormSchema } from '../../src-shared/domain/person';
import { newId } from '../../src-shared/ids';
import { useApi } from '../api/api-context';
import { useQuery, type QueryState } from '../api/use-query';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormButtons } from '../components/FormButtons';
import { PageHeading } from '../components/PageHeading';
import { SelectField, type SelectOption } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useGovukForm } from '../forms/use-govuk-form';
import { usePageTitle } from '../hooks/use-page-title';
import { navigate, useRoute } from '../router';

/** The most people the line manager list offers (the most one page of `person.list` returns). */
const LINE_MANAGER_LIMIT = 1000;

function lineManagerOptions(people: QueryState<{ readonly items: readonly PersonListItem[] }>): SelectOption[] {
  const none: SelectOption = { value: '', label: 'None' };
  if (people.status !== 'ok') return [none];
  return [none, ...people.value.items.map((person) => ({ value: person.id, label: `${person.name} (${person.staffNumber})` }))];
}

function lineManagerHint(people: QueryState<unknown>): string | undefined {
  if (people.status === 'loading') return 'Loading the list of people…';
  if (people.status === 'error') return `The list of people could not be loaded: ${people.error.message}`;
  return undefined;
}

const resolver = zodResolver(personFormSchema);

export function AddPersonPage() {
  const api = useApi();
  const route = useRoute();
  const people = useQuery('person.list', { limit: LINE_MANAGER_LIMIT });
  const form = useGovukForm({
    resolver,
    defaultValues: { staffNumber: '', name: '', email: '', lineManagerId: '' },
    fields: ['staffNumber', 'name', 'email', 'lineManagerId'],
    save: (values) => api.call('person.create', { id: newId(), ...values }),
    onSaved: (values) => {
      navigate('/people', { flash: `${values.name} (${values.staffNumber}) added` });
    },
  });
  usePageTitle('Add a person', form.summaryErrors.length > 0);

  return (
    <>
      <ErrorSummary errors={form.summaryErrors} focusRequest={form.summaryFocusRequest} />
      <PageHeading focusOnMount={!route.initial}>Add a person</PageHeading>
      <form noValidate onSubmit={form.onSubmit}>
        <TextField
          label="Staff number"
          autoComplete="off"
          spellCheck={false}
          widthClass="govuk-input--width-10"
          {...form.field('staffNumber')}
        />
        <TextField label="Full name" autoComplete="off" spellCheck={false} {...form.field('name')} />
        <TextField
          label="Email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          {...form.field('email')}
        />
        <SelectField
          label="Line manager"
          hint={lineManagerHint(people)}
          options={lineManagerOptions(people)}
          {...form.field('lineManagerId')}
        />
        <FormButtons submitLabel="Save person" isSubmitting={form.isSubmitting} cancelHref="#/people" />
      </form>
    </>
  );
}
