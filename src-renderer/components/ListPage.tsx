import type { ReactNode } from 'react';
import type { Page } from '../../src-shared/api/queries';
import type { QueryState } from '../api/use-query';
import { usePageTitle } from '../hooks/use-page-title';
import { useRoute } from '../router';
import { ButtonLink } from './ButtonLink';
import { DataTable, type Column } from './DataTable';
import { NotificationBanner } from './NotificationBanner';
import { PageHeading } from './PageHeading';

interface Noun {
  readonly one: string;
  readonly many: string;
}

interface ListPageProps<Row> {
  readonly title: string;
  readonly addLabel: string;
  readonly addHref: string;
  /** More buttons beside "Add …" (exports). */
  readonly actions?: ReactNode;
  readonly page: QueryState<Page<Row>>;
  readonly noun: Noun;
  readonly columns: readonly Column<Row>[];
  readonly rowKey: (row: Row) => string;
}

function count(total: number, noun: Noun): string {
  return `${total.toLocaleString('en-GB')} ${total === 1 ? noun.one : noun.many}`;
}

function Rows<Row>({ page, noun, columns, rowKey }: Pick<ListPageProps<Row>, 'page' | 'noun' | 'columns' | 'rowKey'>) {
  if (page.status === 'loading') return <p className="govuk-body">Loading {noun.many}…</p>;
  if (page.status === 'error') return null; // explained in the banner above the heading
  const { items, total } = page.value;
  if (items.length === 0) return <p className="govuk-body">No {noun.many} yet</p>;
  return (
    <>
      <DataTable caption={count(total, noun)} columns={columns} rows={items} rowKey={rowKey} />
      {items.length < total ? (
        <p className="govuk-body">
          Showing the first {items.length.toLocaleString('en-GB')} of {count(total, noun)}.
        </p>
      ) : null}
    </>
  );
}

/**
 * A list page: the success banner from a save just made (or the reason the list could not load), the heading,
 * the "Add …" button (and any `actions`) and one page of records as a GOV.UK table with the total.
 */
export function ListPage<Row>({ title, addLabel, addHref, actions, page, ...rows }: ListPageProps<Row>) {
  const { flash, initial } = useRoute();
  usePageTitle(title);

  return (
    <>
      {flash === null ? null : <NotificationBanner type="success" heading={flash} autoFocus />}
      {page.status === 'error' ? (
        <NotificationBanner type="important" heading={`The ${rows.noun.many} could not be loaded`}>
          <p className="govuk-body">{page.error.message}</p>
        </NotificationBanner>
      ) : null}
      <PageHeading focusOnMount={!initial && flash === null}>{title}</PageHeading>
      <div className="govuk-button-group">
        <ButtonLink href={addHref}>{addLabel}</ButtonLink>
        {actions}
      </div>
      <Rows page={page} {...rows} />
    </>
  );
}
