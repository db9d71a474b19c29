import type { AppError } from '../../src-shared/result';
import { usePageTitle } from '../hooks/use-page-title';
import { PageHeading } from './PageHeading';

/**
 * What a page shows when the record it is about could not be loaded: "Page not found" for a record that is not
 * there, otherwise the reason, in the page's own words.
 */
export function QueryProblem({ error, what, focusOnMount }: { readonly error: AppError; readonly what: string; readonly focusOnMount: boolean }) {
  const notFound = error.code === 'not_found';
  usePageTitle(notFound ? 'Page not found' : `The ${what} could not be loaded`);
  return (
    <>
      <PageHeading focusOnMount={focusOnMount}>{notFound ? 'Page not found' : `The ${what} could not be loaded`}</PageHeading>
      <p className="govuk-body">{notFound ? `There is no such ${what}. It may have been removed, or the address may be wrong.` : error.message}</p>
    </>
  );
}

/** Shown while a page's record loads: a plain line, announced politely. */
export function Loading({ what }: { readonly what: string }) {
  usePageTitle('Loading');
  return (
    <p className="govuk-body" role="status">
      Loading {what}…
    </p>
  );
}
