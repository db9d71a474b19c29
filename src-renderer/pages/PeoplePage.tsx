import type { PersonListItem } from '../../src-shared/api/queries';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import type { Column } from '../components/DataTable';
import { ExportButtons } from '../components/ExportButtons';
import { ListPage } from '../components/ListPage';
import { href, paths } from '../router';

/** How many rows the list shows (one page of `person.list`). */
const PAGE_SIZE = 200;

const COLUMNS: readonly Column<PersonListItem>[] = [
  { header: 'Staff number', cell: (person) => person.staffNumber },
  {
    header: 'Name',
    cell: (person) => (
      <a className="govuk-link" href={href(paths.person(person.id))}>
        {person.name}
      </a>
    ),
  },
  { header: 'Email', cell: (person) => person.email },
  { header: 'Line manager', cell: (person) => person.lineManagerName ?? 'None' },
];

export function PeoplePage() {
  const api = useApi();
  const people = useQuery('person.list', { limit: PAGE_SIZE });
  return (
    <ListPage
      title="People"
      addLabel="Add a person"
      addHref={href(paths.newPerson())}
      // The directory has no search or filters, so the list is everyone: the file has them all, beyond the first page.
      actions={<ExportButtons exportAs={(format) => api.call('export.people', { filters: {}, format })} />}
      page={people}
      noun={{ one: 'person', many: 'people' }}
      columns={COLUMNS}
      rowKey={(person) => person.id}
    />
  );
}
