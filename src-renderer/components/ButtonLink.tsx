import type { KeyboardEvent, ReactNode } from 'react';

interface ButtonLinkProps {
  readonly href: string;
  readonly children: ReactNode;
  readonly variant?: 'primary' | 'secondary' | 'warning';
}

/**
 * A link styled as a GOV.UK button (what the govukButton macro renders for `href`): role="button", and, as
 * GOV.UK Frontend's button script does, the space bar activates it like a real button.
 */
export function ButtonLink({ href, children, variant = 'primary' }: ButtonLinkProps) {
  function onKeyDown(event: KeyboardEvent<HTMLAnchorElement>) {
    if (event.key === ' ') {
      event.preventDefault();
      event.currentTarget.click();
    }
  }
  return (
    <a
      href={href}
      role="button"
      draggable={false}
      className={variant === 'primary' ? 'govuk-button' : `govuk-button govuk-button--${variant}`}
      onKeyDown={onKeyDown}
    >
      {children}
    </a>
  );
}
