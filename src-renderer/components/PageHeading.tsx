import { useEffect, useRef, type ReactNode } from 'react';

interface PageHeadingProps {
  readonly children: ReactNode;
  /** Move focus here when the page opens, so a screen reader announces the new page after navigation. */
  readonly focusOnMount: boolean;
}

/** The page's one h1; focusable by script only (tabIndex -1), never a tab stop. */
export function PageHeading({ children, focusOnMount }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <h1 className="govuk-heading-l app-page-heading" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
