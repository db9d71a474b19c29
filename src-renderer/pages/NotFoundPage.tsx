import { PageHeading } from '../components/PageHeading';
import { usePageTitle } from '../hooks/use-page-title';
import { href, paths, useRoute } from '../router';

/** An address that is not a page of the app (mistyped, or an old bookmark). */
export function NotFoundPage() {
  const { initial } = useRoute();
  usePageTitle('Page not found');
  return (
    <>
      <PageHeading focusOnMount={!initial}>Page not found</PageHeading>
      <p className="govuk-body">If you typed the address, check it is correct.</p>
      <p className="govuk-body">
        Go to the{' '}
        <a className="govuk-link" href={href(paths.assets())}>
          asset register
        </a>{' '}
        or the{' '}
        <a className="govuk-link" href={href(paths.people())}>
          list of people
        </a>
        .
      </p>
    </>
  );
}
