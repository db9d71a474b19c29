import type { KeyboardEvent, ReactNode } from 'react';

/**
 * A link styled as a GOV.UK button (what the govukButton macro renders for `href`): role="button", and, as
 * GOV.UK Frontend's button script does, the space bar activates it like a real button.
 */
export function ButtonLink({ href, children }: { readonly href: string; readonly children: ReactNode }) {
  function onKeyDown(event: KeyboardEvent<HTMLAnchorElement>) {
    if (event.key === ' ') {
      event.preventDefault();
      event.currentTarget.click();
    }
  }
  return (
    <a href={href} role="button" draggable={false} className="govuk-button" onKeyDown={onKeyDown}>
      {children}
    </a>
  );
}
