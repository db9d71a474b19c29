import type { ReactNode } from 'react';
import type { AppInfo } from '../../src-shared/api/queries';
import type { RouteName } from '../router';
import { Footer } from './Footer';
import { ServiceNavigation } from './ServiceNavigation';
import { SkipLink } from './SkipLink';
import { StoreProblem } from './StoreProblem';

interface LayoutProps {
  readonly route: RouteName;
  /** What the app said about itself at start-up; null until it answers (or if it could not). */
  readonly appInfo: AppInfo | null;
  /** Pages with wide tables (the register) use the window's full width, as desktop data tools do. */
  readonly wide?: boolean;
  readonly children: ReactNode;
}

/** The GOV.UK page template: skip link, header with service navigation, main content, footer. */
export function Layout({ route, appInfo, wide = false, children }: LayoutProps) {
  return (
    <>
      <SkipLink />
      <header className="govuk-template__header">
        <ServiceNavigation route={route} wide={wide} />
      </header>
      <div className={wide ? 'govuk-width-container app-width-container--wide' : 'govuk-width-container'}>
        <main className="govuk-main-wrapper" id="main-content">
          {appInfo !== null && !appInfo.store.ok ? <StoreProblem message={appInfo.store.message} /> : null}
          {children}
        </main>
      </div>
      <Footer version={appInfo?.version ?? null} wide={wide} />
    </>
  );
}
