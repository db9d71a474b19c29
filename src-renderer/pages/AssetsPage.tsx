import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { ButtonLink } from '../components/ButtonLink';
import { ExportButtons } from '../components/ExportButtons';
import { Button, LiveStatus } from '../components/Govuk';
import { NotificationBanner } from '../components/NotificationBanner';
import { PageHeading } from '../components/PageHeading';
import { SearchInput } from '../components/SearchInput';
import { formatCount } from '../format';
import { useDebounced } from '../hooks/use-debounced';
import { usePageTitle } from '../hooks/use-page-title';
import { SEARCH_DEBOUNCE_MS } from '../people/use-person-search';
import { AssetTable, COLUMN_LABELS } from '../register/AssetTable';
import { FilterPanel } from '../register/FilterPanel';
import { NO_FILTERS, hasFilters, toAssetFilters, type RegisterFilters } from '../register/filters';
import { useAssetPages, type AssetQuery, type AssetSort } from '../register/use-asset-pages';
import { href, navigate, paths, useRoute } from '../router';

const FILTERS_ID = 'register-filters';
const DEFAULT_SORT: AssetSort = { column: 'assetTag', direction: 'asc' };

interface RegisterView {
  readonly search: string;
  readonly filters: RegisterFilters;
  readonly sort: AssetSort;
  readonly filtersOpen: boolean;
}

const FRESH_VIEW: RegisterView = { search: '', filters: NO_FILTERS, sort: DEFAULT_SORT, filtersOpen: false };

/** The register as last seen, so going to an asset and back keeps the search, filters and sort (not across restarts). */
let lastView: RegisterView = FRESH_VIEW;

type DemoState = { readonly status: 'idle' } | { readonly status: 'loading' } | { readonly status: 'failed'; readonly message: string };

/** An empty register on first run: offer the demo department (`demo.load`), if the directory is empty too. */
function EmptyRegister() {
  const api = useApi();
  const people = useQuery('person.list', { limit: 1 });
  const [demo, setDemo] = useState<DemoState>({ status: 'idle' });

  async function loadDemo() {
    setDemo({ status: 'loading' });
    const result = await api.call('demo.load', {});
    if (result.ok) {
      navigate(paths.assets(), {
        flash: `Demo department loaded: ${formatCount(result.value.people, 'person', 'people')} and ${formatCount(result.value.assets, 'asset', 'assets')}`,
      });
      return;
    }
    setDemo({ status: 'failed', message: result.error.message });
  }

  const firstRun = people.status === 'ok' && people.value.total === 0;
  return (
    <>
      <p className="govuk-body">No assets yet</p>
      {firstRun ? (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-s">Trying Custodian out?</h2>
          <p className="govuk-body">
            Load a made-up department — people, line managers and their equipment — to see how Custodian works. You can also add
            assets one by one, or import them from a CSV file.
          </p>
          <Button variant="secondary" busy={demo.status === 'loading'} onClick={() => void loadDemo()} className="govuk-!-margin-bottom-0">
            Load demo department
          </Button>
          <LiveStatus
            visible={demo.status !== 'idle'}
            message={demo.status === 'loading' ? 'Loading the demo department. This can take a minute…' : demo.status === 'failed' ? demo.message : ''}
          />
        </div>
      ) : null}
    </>
  );
}

/**
 * The asset register (`#/assets`): search as you type, filters, sortable columns, and a virtualised table that
 * fetches pages of `asset.page` as they scroll into view, so 300,000 assets open as fast as 30.
 */
export function AssetsPage() {
  const api = useApi();
  const { flash, initial } = useRoute();
  const [view, setView] = useState<RegisterView>(() => (flash === null ? lastView : FRESH_VIEW));
  useEffect(() => {
    lastView = view;
  }, [view]);
  usePageTitle('Assets');

  const search = useDebounced(view.search, SEARCH_DEBOUNCE_MS);
  const query: AssetQuery = { filters: toAssetFilters(view.filters, search), sort: view.sort };
  const pages = useAssetPages(query);
  const filtered = hasFilters(view.filters) || search.trim() !== '';
  const resetKey = JSON.stringify(query); // a new search, filter or sort starts at the top

  // Announce the result count after the person searches or filters, and the order after they sort.
  const [announcement, setAnnouncement] = useState('');
  const announcedFor = useRef<string | null>(null);
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    if (pages.state.status !== 'ok' || !pages.current) return;
    if (announcedFor.current === null) {
      announcedFor.current = queryKey; // the first load is not announced: the page heading is
      return;
    }
    if (announcedFor.current === queryKey) return;
    const previous = JSON.parse(announcedFor.current) as AssetQuery;
    announcedFor.current = queryKey;
    const count = pages.state.total === 0 ? 'No assets found' : `${formatCount(pages.state.total, 'asset', 'assets')} found`;
    setAnnouncement(
      JSON.stringify(previous.filters) === JSON.stringify(query.filters)
        ? `Sorted by ${COLUMN_LABELS[query.sort.column] ?? query.sort.column}, ${query.sort.direction === 'asc' ? 'ascending' : 'descending'}`
        : count,
    );
  }, [pages.state, pages.current, queryKey, query.filters, query.sort]);

  const state = pages.state;
  return (
    <>
      {flash === null ? null : <NotificationBanner type="success" heading={flash} autoFocus />}
      {state.status === 'error' ? (
        <NotificationBanner type="important" heading="The assets could not be loaded">
          <p className="govuk-body">{state.error.message}</p>
        </NotificationBanner>
      ) : null}
      <PageHeading focusOnMount={!initial && flash === null}>Assets</PageHeading>
      <div className="govuk-button-group">
        <ButtonLink href={href(paths.newAsset())}>Add an asset</ButtonLink>
        <ExportButtons exportAs={(format) => api.call('export.assets', { filters: query.filters, sort: query.sort, format })} />
      </div>

      <div className="app-register__tools">
        <form
          role="search"
          aria-label="Assets"
          noValidate
          className="app-register__search"
          onSubmit={(event) => {
            event.preventDefault(); // results already follow the typing
          }}
        >
          <SearchInput
            id="register-search"
            label="Search assets"
            labelClass="govuk-label--s"
            hint="Asset tag, serial number, IMEI, phone number, make and model, or holder’s name. The start of a word is enough"
            value={view.search}
            onChange={(text) => {
              setView((current) => ({ ...current, search: text }));
            }}
          />
        </form>
        <Button
          variant="secondary"
          className="app-register__filter-toggle"
          onClick={() => {
            setView((current) => ({ ...current, filtersOpen: !current.filtersOpen }));
          }}
          ariaExpanded={view.filtersOpen}
          ariaControls={FILTERS_ID}
        >
          {view.filtersOpen ? 'Hide filters' : 'Show filters'}
          {hasFilters(view.filters) ? ' (filters applied)' : ''}
        </Button>
      </div>

      <div className="moj-filter-layout">
        {view.filtersOpen ? (
          <div className="moj-filter-layout__filter">
            <FilterPanel
              id={FILTERS_ID}
              applied={view.filters}
              onApply={(filters) => {
                setView((current) => ({ ...current, filters }));
              }}
            />
          </div>
        ) : null}
        <div className="moj-filter-layout__content">
          {state.status === 'loading' ? <p className="govuk-body">Loading assets…</p> : null}
          {state.status === 'ok' && state.total === 0 && !filtered ? <EmptyRegister /> : null}
          {state.status === 'ok' && state.total === 0 && filtered ? (
            <>
              <h2 className="govuk-heading-m">No assets found</h2>
              <p className="govuk-body">No assets match your search and filters. Check the spelling, or remove some filters.</p>
            </>
          ) : null}
          {state.status === 'ok' && state.total > 0 ? (
            <>
              <h2 className="govuk-heading-m" id="register-count">
                {formatCount(state.total, 'asset', 'assets')}
                {filtered ? <span className="govuk-visually-hidden"> found</span> : null}
              </h2>
              <AssetTable
                pages={pages}
                total={state.total}
                sort={view.sort}
                onSort={(sort) => {
                  setView((current) => ({ ...current, sort }));
                }}
                resetKey={resetKey}
              />
            </>
          ) : null}
        </div>
      </div>
      <LiveStatus message={announcement} />
    </>
  );
}
