import type { MouseEvent, ReactNode } from 'react';

/** GOV.UK warning text: the "!" icon is decorative; the visually hidden "Warning" says what it means. */
export function WarningText({ children }: { readonly children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span> {children}
      </strong>
    </div>
  );
}

export function InsetText({ children }: { readonly children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}

/** GOV.UK details: a native <details>, so it opens and closes by keyboard with no script. */
export function Details({ summary, children }: { readonly summary: string; readonly children: ReactNode }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}

/** GOV.UK back link, to the page this one continues from. */
export function BackLink({ href, children = 'Back' }: { readonly href: string; readonly children?: ReactNode }) {
  return (
    <a href={href} className="govuk-back-link">
      {children}
    </a>
  );
}

/** A polite live region (role="status") that is always in the page, so screen readers hear each change to it. */
export function LiveStatus({ message, visible = false }: { readonly message: string; readonly visible?: boolean }) {
  return (
    <div role="status" className={visible ? 'govuk-body' : 'govuk-visually-hidden'}>
      {message}
    </div>
  );
}

interface ButtonProps {
  readonly children: ReactNode;
  readonly onClick?: (event: MouseEvent<HTMLButtonElement>) => void;
  readonly variant?: 'primary' | 'secondary' | 'warning';
  readonly type?: 'button' | 'submit';
  /** Shown busy and inert while work it started is under way (a double click cannot start it twice). */
  readonly busy?: boolean;
  readonly className?: string;
  readonly describedBy?: string;
  /** For a button that shows and hides a region (a disclosure). */
  readonly ariaExpanded?: boolean;
  readonly ariaControls?: string;
}

/** GOV.UK button. */
export function Button({
  children,
  onClick,
  variant = 'primary',
  type = 'button',
  busy = false,
  className,
  describedBy,
  ariaExpanded,
  ariaControls,
}: ButtonProps) {
  const classes = ['govuk-button', variant === 'primary' ? null : `govuk-button--${variant}`, className].filter(Boolean).join(' ');
  return (
    <button
      type={type}
      className={classes}
      onClick={onClick}
      disabled={busy}
      aria-disabled={busy || undefined}
      aria-describedby={describedBy}
      aria-expanded={ariaExpanded}
      aria-controls={ariaControls}
    >
      {children}
    </button>
  );
}
