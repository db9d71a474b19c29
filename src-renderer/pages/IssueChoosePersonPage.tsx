import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { AssetDetail } from '../../src-shared/api/asset-queries';
import { useQuery } from '../api/use-query';
import { RadiosField } from '../components/ChoiceFields';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormButtons } from '../components/FormButtons';
import { BackLink, LiveStatus } from '../components/Govuk';
import { NotificationBanner } from '../components/NotificationBanner';
import { PageHeading } from '../components/PageHeading';
import { Loading, QueryProblem } from '../components/QueryProblem';
import { SearchInput } from '../components/SearchInput';
import { looseResolver } from '../forms/prepared-resolver';
import { useGovukForm } from '../forms/use-govuk-form';
import { usePageTitle } from '../hooks/use-page-title';
import { refusalFor } from '../lifecycle/refusal';
import { personChoice } from '../people/person-choice';
import { searchAnnouncement, usePersonSearch } from '../people/use-person-search';
import { href, navigate, paths, useParam, useRoute } from '../router';

const RESULT_LIMIT = 10;
const NOT_CHOSEN = 'Select the person the asset is being issued to';
const SEARCH_ID = 'person-search';

const chooseSchema = z.object({ personId: z.string({ error: NOT_CHOSEN }).min(1, { error: NOT_CHOSEN }) });

interface ChooseValues {
  personId: string | null;
}

const resolver = looseResolver<ChooseValues, typeof chooseSchema>(chooseSchema);

/**
 * Issue, step 1: whom the asset is going to. Search as you type (name, staff number or email), then choose from the
 * matches as GOV.UK radios: a plain pattern that works the same with every screen reader and by keyboard alone,
 * unlike a combobox.
 */
function ChoosePerson({ detail }: { readonly detail: AssetDetail }) {
  const { asset } = detail;
  const { initial } = useRoute();
  const [text, setText] = useState('');
  const search = usePersonSearch(text, RESULT_LIMIT);
  const people = search.status === 'ok' ? search.people : [];
  const form = useGovukForm<ChooseValues, { personId: string }>({
    resolver,
    defaultValues: { personId: null },
    fields: ['personId'],
    save: () => Promise.resolve({ ok: true, value: null }),
    onSaved: ({ personId }) => {
      navigate(paths.issueConfirm(asset.id, personId));
    },
  });
  const chosen = form.watch('personId');
  const { setValue } = form;
  useEffect(() => {
    // A choice that a new search no longer lists is dropped, so "Continue" never goes to someone not on screen.
    if (chosen !== null && search.status === 'ok' && !search.people.some((person) => person.id === chosen)) setValue('personId', null);
  }, [chosen, search, setValue]);

  const title = 'Who is the asset being issued to?';
  usePageTitle(`Issue ${asset.assetTag}: choose the person`, form.summaryErrors.length > 0);
  const refusal = refusalFor('issue', detail);
  // With no matches on screen, the "select the person" error points at the search box instead.
  const summaryErrors = form.summaryErrors.map((error) => (error.fieldId === 'personId' && people.length === 0 ? { ...error, fieldId: SEARCH_ID } : error));
  const choiceError = form.error('personId');

  return (
    <>
      <BackLink href={href(paths.asset(asset.id))}>Back to {asset.assetTag}</BackLink>
      <ErrorSummary errors={summaryErrors} focusRequest={form.summaryFocusRequest} />
      {refusal === null ? null : <NotificationBanner type="important" heading={refusal} />}
      <span className="govuk-caption-l">
        Issue {asset.assetTag} ({asset.model})
      </span>
      <PageHeading focusOnMount={!initial}>{title}</PageHeading>
      {refusal === null ? (
        <>
          <form
            role="search"
            aria-label="People"
            noValidate
            onSubmit={(event) => {
              event.preventDefault(); // results already follow the typing; Enter must not continue the journey
            }}
          >
            <SearchInput
              id={SEARCH_ID}
              label="Search for the person"
              labelClass="govuk-label--s"
              hint="Type part of their name, staff number or email address"
              value={text}
              onChange={setText}
              error={people.length === 0 ? choiceError : undefined}
              widthClass="govuk-!-width-two-thirds"
            />
          </form>
          <LiveStatus message={searchAnnouncement(search)} />
          <form noValidate onSubmit={form.onSubmit}>
            {people.length > 0 ? (
              <RadiosField
                legend="Select the person"
                legendClass="govuk-fieldset__legend--s"
                choices={people.map(personChoice)}
                {...form.field('personId')}
              />
            ) : search.status === 'ok' ? (
              <p className="govuk-body">No one matches “{search.query}”. Check the spelling, or search by staff number.</p>
            ) : search.status === 'error' ? (
              <p className="govuk-body">The search did not work: {search.error.message}</p>
            ) : null}
            <FormButtons submitLabel="Continue" isSubmitting={form.isSubmitting} cancelHref={href(paths.asset(asset.id))} />
          </form>
        </>
      ) : null}
    </>
  );
}

export function IssueChoosePersonPage() {
  const id = useParam('id');
  const { initial } = useRoute();
  const detail = useQuery('asset.get', { id });
  if (detail.status === 'loading') return <Loading what="the asset" />;
  if (detail.status === 'error') return <QueryProblem error={detail.error} what="asset" focusOnMount={!initial} />;
  return <ChoosePerson detail={detail.value} />;
}
