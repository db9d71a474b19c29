import type { PersonListItem } from '../../src-shared/api/queries';
import { personFormSchema } from '../../src-shared/domain/person';
import { PERSON_STATUSES, ROLES, type Role } from '../../src-shared/domain/roles';
import { newId } from '../../src-shared/ids';
import { useApi } from '../api/api-context';
import { useQuery, type QueryState } from '../api/use-query';
import { CheckboxesField, RadiosField, type Choice } from '../components/ChoiceFields';
import { DateInputField } from '../components/DateInputField';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormButtons } from '../components/FormButtons';
import { PageHeading } from '../components/PageHeading';
import { SelectField, type SelectOption } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { EMPTY_DATE, combineDateParts, todayInUk, type DateParts } from '../forms/date-parts';
import { preparedResolver } from '../forms/prepared-resolver';
import { useGovukForm } from '../forms/use-govuk-form';
import { usePageTitle } from '../hooks/use-page-title';
import { href, navigate, paths, useRoute } from '../router';

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

/**
 * Everyone is staff (the schema adds it), so only the other roles are offered. The line manager role is labelled by
 * what it means, so its checkbox is never mistaken for the "Line manager" (whom they report to) field.
 */
const ROLE_CHOICES: readonly Choice[] = (Object.entries(ROLES) as [Role, string][])
  .filter(([role]) => role !== 'staff')
  .map(([value, label]) =>
    value === 'line_manager' ? { value, label: 'Manages staff', hint: `${label}: sees the equipment of the people who report to them` } : { value, label },
  );

const STATUS_CHOICES: readonly Choice[] = Object.entries(PERSON_STATUSES).map(([value, label]) => ({ value, label }));

interface PersonFormValues {
  staffNumber: string;
  name: string;
  email: string;
  lineManagerId: string;
  roles: string[] | string | false;
  status: string;
  trainingCompletedOn: DateParts;
}

/** react-hook-form gives one ticked checkbox as a string and none as false: the schema wants a list. */
function asList(value: string[] | string | false | undefined): string[] {
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

const resolver = preparedResolver(personFormSchema, ({ roles, trainingCompletedOn, ...values }: PersonFormValues) => {
  const date = combineDateParts(trainingCompletedOn, 'training completion date');
  const errors: Record<string, string> = {};
  if (!date.ok) errors.trainingCompletedOn = date.message;
  else if (date.value !== null && date.value > todayInUk()) errors.trainingCompletedOn = 'Training completion date must be today or in the past';
  return { values: { ...values, roles: asList(roles), trainingCompletedOn: date.ok ? (date.value ?? '') : '' }, errors };
});

export function AddPersonPage() {
  const api = useApi();
  const route = useRoute();
  const people = useQuery('person.list', { limit: LINE_MANAGER_LIMIT });
  const form = useGovukForm({
    resolver,
    defaultValues: { staffNumber: '', name: '', email: '', lineManagerId: '', roles: [], status: 'active', trainingCompletedOn: EMPTY_DATE },
    fields: ['staffNumber', 'name', 'email', 'lineManagerId', 'roles', 'status', 'trainingCompletedOn'],
    save: (values) => api.call('person.create', { id: newId(), ...values }),
    onSaved: (values) => {
      navigate(paths.people(), { flash: `${values.name} (${values.staffNumber}) added` });
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
        <CheckboxesField
          legend="Roles (optional)"
          hint="Everyone is staff. Select any other roles they have in Custodian"
          choices={ROLE_CHOICES}
          {...form.field('roles')}
        />
        <RadiosField legend="Employment status" choices={STATUS_CHOICES} inline {...form.field('status')} />
        <DateInputField
          id="trainingCompletedOn"
          legend="When did they last complete the annual security e-learning? (optional)"
          hint="Leave blank if there is no record. For example, 27 3 2026"
          parts={{
            day: form.register('trainingCompletedOn.day'),
            month: form.register('trainingCompletedOn.month'),
            year: form.register('trainingCompletedOn.year'),
          }}
          error={form.error('trainingCompletedOn')}
        />
        <FormButtons submitLabel="Save person" isSubmitting={form.isSubmitting} cancelHref={href(paths.people())} />
      </form>
    </>
  );
}
